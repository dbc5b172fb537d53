package dev.quarry.vectors;

import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Collects words and their vectors as a loader reads them: one growing row-major matrix, each row L2-normalised as
 * it is added, plus where each word was found (a line number or a byte offset) to name both places of a duplicate.
 */
final class TableBuilder {

    private final int dim;
    private final ObjectIntHashMap<String> index;
    private String[] words;
    private long[] positions;
    private float[] matrix;
    private int size;

    TableBuilder(int dim, int expectedCount) {
        this.dim = dim;
        int capacity = Math.max(16, expectedCount);
        this.index = new ObjectIntHashMap<>(capacity);
        this.words = new String[capacity];
        this.positions = new long[capacity];
        this.matrix = new float[Math.multiplyExact(capacity, dim)];
    }

    int dim() {
        return dim;
    }

    int size() {
        return size;
    }

    /** The matrix to write the next row into, at {@link #nextRowOffset()}; grown as needed. */
    float[] rowBuffer() {
        if ((long) (size + 1) * dim > matrix.length) {
            int capacity = Math.max(words.length, size + 1) * 2;
            matrix = Arrays.copyOf(matrix, Math.multiplyExact(capacity, dim));
        }
        return matrix;
    }

    int nextRowOffset() {
        return size * dim;
    }

    /**
     * Adds {@code word} for the row just written at {@link #nextRowOffset()}, normalising it.
     *
     * @return -1, or the position of the earlier occurrence if {@code word} is a duplicate (nothing added)
     */
    long add(String word, long position) {
        int previous = index.getIfAbsent(word, -1);
        if (previous >= 0) {
            return positions[previous];
        }
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        normalise(matrix, size * dim, dim);
        index.put(word, size);
        words[size] = word;
        positions[size] = position;
        size++;
        return -1;
    }

    WordVectors build() {
        String[] finalWords = Arrays.copyOf(words, size);
        float[] finalMatrix = matrix.length == size * dim ? matrix : Arrays.copyOf(matrix, size * dim);
        return new WordVectors(finalWords, finalMatrix, dim, index);
    }

    /** Scales {@code m[offset, offset + dim)} to unit length; an all-zero row stays zero. */
    static void normalise(float[] m, int offset, int dim) {
        double sum = 0;
        for (int i = offset; i < offset + dim; i++) {
            sum += (double) m[i] * m[i];
        }
        if (sum == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = offset; i < offset + dim; i++) {
            m[i] *= scale;
        }
    }
}
