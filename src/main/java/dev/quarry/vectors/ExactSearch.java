package dev.quarry.vectors;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Exact search: every row's dot product with the query, the best {@code k} kept in a heap. Cost is one pass over the
 * matrix per query (about 1 ms for 100k x 100 with the Vector API kernel). Thread-safe: it holds no mutable state.
 */
final class ExactSearch implements NearestNeighbours {

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
        int dim = vectors.dimension();
        int n = vectors.size();
        TopK top = new TopK(Math.min(k, n));
        for (int i = 0; i < n; i++) {
            if (filter == null || filter.test(i)) {
                float score = kernel.dot(m, i * dim, query, 0, dim);
                if (score >= top.threshold()) {
                    top.offer(i, score);
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
