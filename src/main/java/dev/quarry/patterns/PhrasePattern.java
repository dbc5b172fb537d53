package dev.quarry.patterns;

import java.util.Objects;

/**
 * A phrase pattern, {@code {"label":"DISEASE","pattern":"breast cancer"}}: matches the tokens of the phrase, compared on
 * one attribute.
 *
 * @param label     the label, non-blank
 * @param phrase    the phrase, non-blank; tokenized with the same tokenizer as the text it is matched against
 * @param id        the pattern id, or null
 * @param attr      the attribute to compare on, {@link Attr#ORTH}, {@link Attr#LOWER} or {@link Attr#NORM}; null
 *                  to use the matcher's default (the file's {@code phrase_matcher_attr}, else the call's, else
 *                  {@code ORTH})
 * @param source    where the pattern was written
 * @param numericId whether the file gave the id as a JSON number ({@code "id": 42}), so it is written back as one;
 *                  requires a non-null id that is a JSON number literal
 */
public record PhrasePattern(String label, String phrase, String id, Attr attr, PatternSource source,
                            boolean numericId) implements Pattern {

    public PhrasePattern {
        requireLabel(label);
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("phrase pattern must be a non-empty string, got \"" + phrase + "\"");
        }
        if (attr != null && !attr.isPhraseAttr()) {
            throw new IllegalArgumentException("phrase patterns match on ORTH, LOWER or NORM, got " + attr);
        }
        Objects.requireNonNull(source, "source");
        requireNumericId(id, numericId);
    }

    /** A pattern whose id (if any) is a string. */
    public PhrasePattern(String label, String phrase, String id, Attr attr, PatternSource source) {
        this(label, phrase, id, attr, source, false);
    }

    public PhrasePattern(String label, String phrase) {
        this(label, phrase, null, null, PatternSource.inMemory(0));
    }

    static void requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("\"label\" must be a non-empty string, got " + label);
        }
    }

    static void requireNumericId(String id, boolean numericId) {
        if (numericId && (id == null || !JSON_NUMBER.matcher(id).matches())) {
            throw new IllegalArgumentException("a numeric id must be a JSON number, got " + id);
        }
    }

    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
}
