package dev.quarry.vectors;

import java.util.Objects;

/**
 * One search hit.
 *
 * @param index the word's row in its {@link WordVectors}
 * @param word  the word
 * @param score cosine similarity to the query (the dot product of unit vectors), in [-1, 1]
 */
public record Neighbour(int index, String word, float score) {

    public Neighbour {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Objects.requireNonNull(word, "word");
    }
}
