package dev.quarry.model;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Overlap;
import dev.quarry.patterns.Attr;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.util.List;
import java.util.Objects;

/**
 * How a package's patterns are compiled again on loading: the {@link MatchOptions} except the tokenizer, whose
 * language is the package's {@link Manifest#language()}.
 *
 * @param attr          what phrase patterns without their own attribute compare on (ORTH, LOWER or NORM)
 * @param overlap       the overlap policy of {@code Matcher.match}
 * @param labelPriority labels, first wins, for {@link Overlap#PRIORITY}; copied
 */
public record PatternSettings(Attr attr, Overlap overlap, List<String> labelPriority) {

    public PatternSettings {
        Objects.requireNonNull(attr, "attr");
        if (!attr.isPhraseAttr()) {
            throw new IllegalArgumentException("attr must be ORTH, LOWER or NORM, got " + attr);
        }
        Objects.requireNonNull(overlap, "overlap");
        labelPriority = List.copyOf(labelPriority);
    }

    public static PatternSettings of(MatchOptions options) {
        return new PatternSettings(options.phraseAttr(), options.overlap(), options.labelPriority());
    }

    /** The match options with a tokenizer for {@code language}. */
    public MatchOptions toOptions(Language language) {
        return MatchOptions.defaults().withTokenizer(Tokenizer.forLanguage(language)).withPhraseAttr(attr)
                .withOverlap(overlap).withLabelPriority(labelPriority);
    }
}
