package dev.quarry.vectors;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Exact search: every row's dot product with the query, the best {@code k} kept in a heap. The filter is only asked
 * about rows that score high enough to enter the heap. Cost is one pass over the
 * matrix per query (about 1 ms for 100k x 100 with the Vector API kernel). Thread-safe: it holds no mutable state.
 */
final class ExactSearch implements NearestNeighbours {

    /** Rows scored per kernel call: the score block stays in L1. */
    private static final int BLOCK_ROWS = 512;

    private final WordVectors vectors;
    private final DotKernel kernel;

    ExactSearch(WordVectors vectors, DotKernel kernel) {
        this.vectors = vectors;
        this.kernel = kernel;
    }

    @Override
    public List<Neighbour> search(float[] query, int k, IntPredicate filter) {
        vectors.checkQuery(query, k);
        float[] m = vectors.matrix();
        int n = vectors.size();
        TopK top = new TopK(Math.min(k, n));
        float[] scores = new float[Math.min(BLOCK_ROWS, n)];
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            kernel.scoreRows(m, from, to, query, scores);
            for (int row = from; row < to; row++) {
                float score = scores[row - from];
                if (score >= top.threshold() && (filter == null || filter.test(row))) {
                    top.offer(row, score);
                }
            }
        }
        return top.toNeighbours(vectors);
    }

    @Override
    public String toString() {
        return "ExactSearch[" + kernel.name() + "]";
    }
}
