package dev.quarry.vectors;

import java.util.List;
import java.util.Objects;

/**
 * The vector of a phrase: the mean of its tokens' vectors, L2-normalised, and the tokens that had none.
 *
 * @param vector  unit length, or all zeros when no token had a vector ({@link #isEmpty()})
 * @param found   how many tokens had a vector
 * @param missing the tokens without a vector, in phrase order (duplicates kept)
 */
public record PhraseVector(float[] vector, int found, List<String> missing) {

    public PhraseVector {
        Objects.requireNonNull(vector, "vector");
        if (found < 0) {
            throw new IllegalArgumentException("found must be >= 0, got " + found);
        }
        missing = List.copyOf(missing);
    }

    /** True when no token had a vector, so {@link #vector()} is all zeros. */
    public boolean isEmpty() {
        return found == 0;
    }
}
