package dev.quarry.vectors;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Nearest neighbours by cosine over one {@link WordVectors} table: {@link WordVectors#exactSearch()} (every row
 * scored) or an {@link HnswIndex} (approximate). Implementations are thread-safe.
 */
public interface NearestNeighbours {

    /**
     * The {@code k} rows most similar to {@code query}, best first; ties go to the lower index.
     *
     * @param query  a vector of the table's dimension; it should be unit length for scores to be cosines
     * @param k      how many neighbours at most ({@code >= 1})
     * @param filter which row indices may be returned, or {@code null} for all; it may be asked about any subset of
     *               the rows, in any order, and must be thread-safe for {@link #searchAll}
     * @throws IllegalArgumentException if the query has the wrong dimension or {@code k < 1}
     */
    List<Neighbour> search(float[] query, int k, IntPredicate filter);

    /** {@link #search} with no filter. */
    default List<Neighbour> search(float[] query, int k) {
        return search(query, k, null);
    }

    /**
     * {@link #search} for each query, on all cores (the common fork-join pool); results in query order. The filter
     * is called from several threads at once.
     */
    default List<List<Neighbour>> searchAll(List<float[]> queries, int k, IntPredicate filter) {
        return IntStream.range(0, queries.size()).parallel()
                .mapToObj(i -> search(queries.get(i), k, filter))
                .toList();
    }
}
