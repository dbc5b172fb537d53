package dev.quarry.patterns;

import java.util.Objects;

/**
 * A phrase pattern, {@code {"label":"DISEASE","pattern":"breast cancer"}}: matches the tokens of the phrase, compared on
 * one attribute.
 *
 * @param label  the label, non-blank
 * @param phrase the phrase, non-blank; tokenized with the same tokenizer as the text it is matched against
 * @param id     the pattern id, or null
 * @param attr   the attribute to compare on, {@link Attr#ORTH}, {@link Attr#LOWER} or {@link Attr#NORM}; null to use
 *               the matcher's default (the file's {@code phrase_matcher_attr}, else the call's, else {@code ORTH})
 * @param source where the pattern was written
 */
public record PhrasePattern(String label, String phrase, String id, Attr attr, PatternSource source)
        implements Pattern {

    public PhrasePattern {
        requireLabel(label);
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("phrase pattern must be a non-empty string, got \"" + phrase + "\"");
        }
        if (attr != null && !attr.isPhraseAttr()) {
            throw new IllegalArgumentException("phrase patterns match on ORTH, LOWER or NORM, got " + attr);
        }
        Objects.requireNonNull(source, "source");
    }

    public PhrasePattern(String label, String phrase) {
        this(label, phrase, null, null, PatternSource.inMemory(0));
    }

    static void requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("\"label\" must be a non-empty string, got " + label);
        }
    }
}
