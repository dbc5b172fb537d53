package dev.quarry.terms;

import java.util.List;

/**
 * A suggested term, as ranked by {@link TermExpander#rank}.
 *
 * @param entry      the term and its variants
 * @param score      the ranking score (see {@link TermExpander} for the formula); higher is better
 * @param similarity the cosine similarity of the term's vector to the mean vector of the accepted terms, in [-1, 1]
 * @param frequency  occurrences in the corpus, summed over the variants; {@code -1} when ranked without a corpus
 */
public record Candidate(TermEntry entry, double score, double similarity, long frequency) {

    public Candidate {
        java.util.Objects.requireNonNull(entry, "entry");
        if (frequency < -1) {
            throw new IllegalArgumentException("frequency must be >= -1, got " + frequency);
        }
    }

    public String term() {
        return entry.term();
    }

    public List<String> variants() {
        return entry.variants();
    }

    /** Whether the term has more than one word. */
    public boolean isMultiWord() {
        return entry.term().indexOf(' ') >= 0;
    }
}
