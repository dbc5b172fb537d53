package dev.quarry.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code k} (index, score) pairs seen: a min-heap on primitives whose root is the weakest kept pair. Higher
 * score wins; on equal scores the lower index wins. Not thread-safe.
 */
final class TopK {

    private final int[] indices;
    private final float[] scores;
    private int size;

    TopK(int k) {
        indices = new int[k];
        scores = new float[k];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == indices.length;
    }

    /** The score a new pair must beat to get in, or negative infinity while not full. */
    float threshold() {
        return size < indices.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int index, float score) {
        if (size < indices.length) {
            indices[size] = index;
            scores[size] = score;
            siftUp(size++);
        } else if (better(index, score, 0)) {
            indices[0] = index;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The kept pairs, best first, as neighbours of {@code vectors}. */
    List<Neighbour> toNeighbours(WordVectors vectors) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> better(indices[x], scores[x], y) ? -1 : 1);
        List<Neighbour> out = new ArrayList<>(size);
        for (int slot : order) {
            out.add(new Neighbour(indices[slot], vectors.word(indices[slot]), scores[slot]));
        }
        return out;
    }

    /** Whether (index, score) ranks above the pair in {@code slot}. */
    private boolean better(int index, float score, int slot) {
        return score > scores[slot] || score == scores[slot] && index < indices[slot];
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(indices[parent], scores[parent], i)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && better(indices[child], scores[child], child + 1)) {
                child++;
            }
            if (!better(indices[i], scores[i], child)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        int index = indices[a];
        indices[a] = indices[b];
        indices[b] = index;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
