package dev.quarry.vectors;

/**
 * The inner loops of exact search: dot products of float runs, and approximate scores against an
 * {@link Int8Matrix}. {@link #DEFAULT} is the Vector API kernel when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else plain loops; both are thread-safe.
 */
interface DotKernel {

    DotKernel SCALAR = new ScalarDot();
    DotKernel DEFAULT = select();

    /** {@code sum(a[aOffset + i] * b[bOffset + i])} for {@code i < length}; the summation order is the kernel's. */
    float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * The dot products of {@code query} with rows {@code [fromRow, toRow)} of the row-major {@code matrix} whose rows
     * have {@code query.length} values, into {@code out[0, toRow - fromRow)}.
     */
    default void scoreRows(float[] matrix, int fromRow, int toRow, float[] query, float[] out) {
        int dim = query.length;
        for (int row = fromRow; row < toRow; row++) {
            out[row - fromRow] = dot(matrix, row * dim, query, 0, dim);
        }
    }

    /**
     * Approximate scores against the rows of blocks {@code [fromBlock, toBlock)} of {@code matrix}:
     * {@code out[row] = sum(weights[d] * value(row, d))} for every row of those blocks, padding rows included, so
     * {@code out} must hold at least {@code toBlock * Int8Matrix.BLOCK_ROWS} floats. The summation order is the
     * kernel's.
     */
    default void scoreInt8(Int8Matrix matrix, float[] weights, int fromBlock, int toBlock, float[] out) {
        byte[] values = matrix.values();
        int dim = matrix.dimension();
        int width = Int8Matrix.BLOCK_ROWS;
        for (int block = fromBlock; block < toBlock; block++) {
            int first = block * width;
            java.util.Arrays.fill(out, first, first + width, 0f);
            for (int d = 0; d < dim; d++) {
                float w = weights[d];
                int offset = (block * dim + d) * width;
                for (int j = 0; j < width; j++) {
                    out[first + j] += values[offset + j] * w;
                }
            }
        }
    }

    /** {@code "vector-api"} or {@code "scalar"}, for benchmark reports. */
    String name();

    private static DotKernel select() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return SCALAR;
        }
        try {
            // Loaded by name so that a JVM without the incubator module never links the class.
            return (DotKernel) Class.forName("dev.quarry.vectors.VectorApiDot").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }
}
