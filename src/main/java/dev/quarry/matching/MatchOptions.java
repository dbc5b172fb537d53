package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Tokenizer;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Matcher} tokenizes phrases and picks among overlapping matches.
 *
 * @param tokenizer     splits phrase patterns into tokens; use the same one for the texts you match
 * @param phraseAttr    what phrase tokens are compared on when a {@link dev.quarry.patterns.PhrasePattern} names no
 *                      attribute: {@link Attr#ORTH}, {@link Attr#LOWER} or {@link Attr#NORM}
 * @param overlap       the policy of {@link Matcher#match(dev.quarry.text.Doc)}
 * @param labelPriority labels, most important first, for {@link Overlap#PRIORITY}; may be empty
 */
public record MatchOptions(Tokenizer tokenizer, Attr phraseAttr, Overlap overlap, List<String> labelPriority) {

    public MatchOptions {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(phraseAttr, "phraseAttr");
        Objects.requireNonNull(overlap, "overlap");
        if (!phraseAttr.isPhraseAttr()) {
            throw new IllegalArgumentException("phrase patterns match on ORTH, LOWER or NORM, got " + phraseAttr);
        }
        labelPriority = List.copyOf(labelPriority);
    }

    /** {@link Tokenizer#standard()}, {@link Attr#ORTH}, {@link Overlap#LONGEST}, no label priority. */
    public static MatchOptions defaults() {
        return new MatchOptions(Tokenizer.standard(), Attr.ORTH, Overlap.LONGEST, List.of());
    }

    public MatchOptions withTokenizer(Tokenizer tokenizer) {
        return new MatchOptions(tokenizer, phraseAttr, overlap, labelPriority);
    }

    public MatchOptions withPhraseAttr(Attr phraseAttr) {
        return new MatchOptions(tokenizer, phraseAttr, overlap, labelPriority);
    }

    public MatchOptions withOverlap(Overlap overlap) {
        return new MatchOptions(tokenizer, phraseAttr, overlap, labelPriority);
    }

    public MatchOptions withLabelPriority(List<String> labelPriority) {
        return new MatchOptions(tokenizer, phraseAttr, overlap, labelPriority);
    }
}
