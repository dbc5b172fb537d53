package dev.quarry.matching;

/**
 * Which of several overlapping matches a {@link Matcher} keeps. Two matches overlap when they share a token.
 */
public enum Overlap {
    /** Every match, overlapping or not, as spaCy's {@code PhraseMatcher} and {@code Matcher} report them. */
    ALL,
    /**
     * The longest match first, then the earliest, then the first pattern; no two kept matches overlap (spaCy's
     * {@code filter_spans}, as the {@code EntityRuler} applies it).
     */
    LONGEST,
    /**
     * The match whose label comes earlier in {@link MatchOptions#labelPriority()} wins; labels not in the list rank
     * after those in it. Ties go to the longest match, then the earliest, then the first pattern. No two kept matches
     * overlap.
     */
    PRIORITY
}
