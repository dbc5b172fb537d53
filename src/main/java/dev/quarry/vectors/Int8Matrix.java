package dev.quarry.vectors;

/**
 * An int8 copy of a row-major float matrix, a quarter of its size, for the first pass of exact search: every row is
 * scored approximately against it, and only rows whose approximate score is within {@link #errorBound} of the best
 * are rescored with the floats (see {@link ExactSearch}).
 *
 * <p>Quantization is per dimension: {@code scale[d] = max over rows of |x[row][d]| / 127} and the stored value is
 * {@code round(x[row][d] / scale[d])}, in {@code [-127, 127]}; a dimension that is zero in every row has scale 0. The
 * layout is column-blocked so that a SIMD kernel scores {@link #BLOCK_ROWS} rows at once with no horizontal sums:
 * rows are grouped in blocks of {@code BLOCK_ROWS}, and inside a block the values of one dimension are contiguous,
 * {@code (row, d)} at {@code ((row / BLOCK_ROWS) * dim + d) * BLOCK_ROWS + row % BLOCK_ROWS}. The padding rows of
 * the last block are zero. Immutable and thread-safe once built.
 */
final class Int8Matrix {

    static final int BLOCK_ROWS = 64;
    private static final int MAX_VALUE = 127;

    private final byte[] values;
    private final float[] scales;
    private final int rows;
    private final int dim;

    private Int8Matrix(byte[] values, float[] scales, int rows, int dim) {
        this.values = values;
        this.scales = scales;
        this.rows = rows;
        this.dim = dim;
    }

    /** Whether an int8 copy of {@code rows x dim} fits in one Java array (blocks padded to whole blocks). */
    static boolean fits(int rows, int dim) {
        return blocks(rows) * (long) BLOCK_ROWS * dim <= Integer.MAX_VALUE - 8;
    }

    /**
     * Quantizes the first {@code rows} rows of {@code matrix} (row-major, {@code dim} values per row).
     *
     * @throws IllegalArgumentException if the copy does not {@link #fits fit} in one array
     */
    static Int8Matrix of(float[] matrix, int rows, int dim) {
        if (!fits(rows, dim)) {
            throw new IllegalArgumentException("an int8 copy of " + rows + " x " + dim + " does not fit in one array");
        }
        float[] scales = columnScales(matrix, rows, dim);
        float[] inverse = new float[dim];
        for (int d = 0; d < dim; d++) {
            inverse[d] = scales[d] == 0 ? 0 : 1 / scales[d];
        }
        byte[] values = new byte[blocks(rows) * BLOCK_ROWS * dim];
        for (int row = 0; row < rows; row++) {
            int from = row * dim;
            int to = (row / BLOCK_ROWS) * dim * BLOCK_ROWS + row % BLOCK_ROWS;
            for (int d = 0; d < dim; d++) {
                values[to + d * BLOCK_ROWS] = quantize(matrix[from + d] * inverse[d]);
            }
        }
        return new Int8Matrix(values, scales, rows, dim);
    }

    /** Rounds half away from zero (cheaper than {@code Math.round}), clamped to {@code [-127, 127]}. */
    private static byte quantize(float steps) {
        int q = (int) (steps + Math.copySign(0.5f, steps));
        return (byte) Math.max(-MAX_VALUE, Math.min(MAX_VALUE, q));
    }

    private static float[] columnScales(float[] matrix, int rows, int dim) {
        float[] max = new float[dim];
        for (int row = 0; row < rows; row++) {
            for (int d = 0, offset = row * dim; d < dim; d++) {
                max[d] = Math.max(max[d], Math.abs(matrix[offset + d]));
            }
        }
        for (int d = 0; d < dim; d++) {
            max[d] /= MAX_VALUE;
        }
        return max;
    }

    static int blocks(int rows) {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    int blocks() {
        return blocks(rows);
    }

    int rows() {
        return rows;
    }

    int dimension() {
        return dim;
    }

    /** The quantized values in the layout of the class comment (shared, not copied: never write to it). */
    byte[] values() {
        return values;
    }

    /** {@code query[d] * scale[d]}: the weights that turn a dot product with the stored bytes into a score. */
    float[] scaledQuery(float[] query) {
        float[] scaled = new float[dim];
        for (int d = 0; d < dim; d++) {
            scaled[d] = query[d] * scales[d];
        }
        return scaled;
    }

    /**
     * A bound on {@code |approximate - exact|} for every row, where <em>approximate</em> is any float summation of
     * {@code scaledQuery[d] * value[row][d]} and <em>exact</em> is any float summation of
     * {@code query[d] * x[row][d]} (the dot kernels: fused or not, in any order).
     *
     * <p>Why it holds: rounding to the nearest step moves each value by at most half a step, so the real-number dot
     * products differ by at most {@code S / 2} with {@code S = sum |query[d]| * scale[d]} (one more {@code 2^-8 S}
     * covers the float error of the division and of {@code query[d] * scale[d]}). Each float summation of {@code n}
     * products is within {@code n * 2^-23 * sum |products|} of its real value, and both sums of magnitudes are at most
     * {@code 127.5 S}. So the bound is {@code S * (0.5 + 2^-8 + 255 * dim * 2^-23)}, computed in double and rounded
     * up; for 100 dimensions the rounding terms add 0.7 % to {@code S / 2}.
     */
    double errorBound(float[] query) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += Math.abs((double) query[d]) * scales[d];
        }
        return Math.nextUp(s * (0.5 + 0x1p-8 + 255.0 * dim * 0x1p-23));
    }
}
