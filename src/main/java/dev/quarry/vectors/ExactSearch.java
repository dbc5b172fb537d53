package dev.quarry.vectors;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Exact search: the best {@code k} rows by dot product, found in one of two ways with the same results.
 * <ul>
 * <li><b>float scan</b>: every row's float dot product with the query, the best {@code k} kept in a heap (one pass
 * over the matrix: 40 MB for 100k x 100).</li>
 * <li><b>int8 scan, then float rescoring</b> (the default): every row is scored approximately against the table's
 * {@link Int8Matrix} (10 MB for 100k x 100, no horizontal sums); with {@code T} the {@code k}-th best approximate
 * score among the rows the filter accepts and {@code e} the copy's {@link Int8Matrix#errorBound error bound} for
 * this query, only rows whose approximate score is at least {@code T - 2e} are rescored with the float kernel.</li>
 * </ul>
 * Why the second is exact: every approximate score is within {@code e} of the float score. The {@code k} rows behind
 * {@code T} have float scores of at least {@code T - e}, so the {@code k}-th best float score is at least
 * {@code T - e}; a row of the float top {@code k} (ties included) therefore scores at least {@code T - e} in floats
 * and at least {@code T - 2e} approximately, and is rescored. The rescoring uses {@link DotKernel#dot}, which
 * computes each row's score exactly as {@link DotKernel#scoreRows} does, and the same heap (ties to the lower
 * index), so both ways return the same rows with the same scores.
 *
 * <p>The filter is only asked about rows that score high enough to enter a heap; the int8 way may ask about a row
 * twice. Thread-safe: it holds no mutable state (the table builds its int8 copy once, on the first search).
 */
final class ExactSearch implements NearestNeighbours {

    /** Rows scored per float-kernel call: the score block stays in L1. */
    private static final int BLOCK_ROWS = 512;
    /** Int8 blocks scored per kernel call before their scores go through the heap. */
    private static final int INT8_BLOCKS = 8;

    private final WordVectors vectors;
    private final DotKernel kernel;
    private final boolean int8;

    ExactSearch(WordVectors vectors, DotKernel kernel, boolean int8) {
        this.vectors = vectors;
        this.kernel = kernel;
        this.int8 = int8 && Int8Matrix.fits(vectors.size(), vectors.dimension());
    }

    @Override
    public List<Neighbour> search(float[] query, int k, IntPredicate filter) {
        vectors.checkQuery(query, k);
        TopK top = int8 ? rescored(query, k, filter) : floatScan(query, k, filter);
        return top.toNeighbours(vectors);
    }

    private TopK floatScan(float[] query, int k, IntPredicate filter) {
        float[] m = vectors.matrix();
        int n = vectors.size();
        TopK top = new TopK(Math.min(k, n));
        float[] scores = new float[Math.min(BLOCK_ROWS, n)];
        for (int from = 0; from < n; from += BLOCK_ROWS) {
            int to = Math.min(n, from + BLOCK_ROWS);
            kernel.scoreRows(m, from, to, query, scores);
            for (int row = from; row < to; row++) {
                offer(top, row, scores[row - from], filter);
            }
        }
        return top;
    }

    private TopK rescored(float[] query, int k, IntPredicate filter) {
        Int8Matrix copy = vectors.int8();
        float[] approximate = new float[copy.blocks() * Int8Matrix.BLOCK_ROWS];
        TopK first = approximateTop(copy, query, Math.min(k, copy.rows()), filter, approximate);
        float cut = Float.NEGATIVE_INFINITY;
        double bound = first.threshold() - 2 * copy.errorBound(query);
        if (first.isFull() && !Double.isNaN(bound)) {
            cut = (float) bound > bound ? Math.nextDown((float) bound) : (float) bound;
        }
        float[] m = vectors.matrix();
        int dim = vectors.dimension();
        TopK top = new TopK(Math.min(k, copy.rows()));
        for (int row = 0; row < copy.rows(); row++) {
            if (approximate[row] >= cut) {
                offer(top, row, kernel.dot(m, row * dim, query, 0, dim), filter);
            }
        }
        return top;
    }

    /** Scores every row against the int8 copy into {@code scores}; returns the best {@code k} approximate scores. */
    private TopK approximateTop(Int8Matrix copy, float[] query, int k, IntPredicate filter, float[] scores) {
        float[] weights = copy.scaledQuery(query);
        TopK top = new TopK(k);
        int rows = copy.rows();
        for (int from = 0; from < copy.blocks(); from += INT8_BLOCKS) {
            int to = Math.min(copy.blocks(), from + INT8_BLOCKS);
            kernel.scoreInt8(copy, weights, from, to, scores);
            for (int row = from * Int8Matrix.BLOCK_ROWS, end = Math.min(rows, to * Int8Matrix.BLOCK_ROWS);
                    row < end; row++) {
                offer(top, row, scores[row], filter);
            }
        }
        return top;
    }

    private static void offer(TopK top, int row, float score, IntPredicate filter) {
        if (score >= top.threshold() && (filter == null || filter.test(row))) {
            top.offer(row, score);
        }
    }

    @Override
    public String toString() {
        return "ExactSearch[" + (int8 ? "int8 scan, float rescoring, " : "float scan, ") + kernel.name() + "]";
    }
}
