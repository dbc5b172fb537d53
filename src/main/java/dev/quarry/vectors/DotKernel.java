package dev.quarry.vectors;

/**
 * The dot product of two float runs, the inner loop of exact search. {@link #DEFAULT} is the Vector API kernel when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}, else a plain loop; both are thread-safe.
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
