package dev.quarry.vectors;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernels on the incubating Vector API (widest species the CPU has, fused multiply-add). Only instantiated
 * by {@link DotKernel} when the module is present; compiled with {@code -Xlint:-incubating}.
 */
final class VectorApiDot implements DotKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> QUARTER = FloatVector.SPECIES_128;
    /** One byte per float lane, for the int8 kernel; null where that is narrower than the smallest byte species. */
    private static final VectorSpecies<Byte> BYTES = byteSpecies();
    /** Rows scored per inner loop of the int8 kernel: four accumulators of one vector each. */
    private static final int INT8_STEP = 4 * SPECIES.length();

    private static VectorSpecies<Byte> byteSpecies() {
        int bits = SPECIES.length() * Byte.SIZE;
        if (bits < 64 || Int8Matrix.BLOCK_ROWS % (4 * SPECIES.length()) != 0) {
            return null;
        }
        return VectorSpecies.of(byte.class, VectorShape.forBitSize(bits));
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
            FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
            sum = x.fma(y, sum);
        }
        return sum.reduceLanes(VectorOperators.ADD) + tail(a, aOffset, b, bOffset, bound, length);
    }

    /**
     * The products from {@code from} to {@code length}, fewer than one full vector: narrower vectors first (a
     * 100-dimension row on 512-bit vectors leaves 4, one 128-bit step instead of four scalar ones), then a loop.
     */
    private static float tail(float[] a, int aOffset, float[] b, int bOffset, int from, int length) {
        float result = 0;
        int i = from;
        if (SPECIES.length() > HALF.length() && length - i >= HALF.length()) {
            result += FloatVector.fromArray(HALF, a, aOffset + i).mul(FloatVector.fromArray(HALF, b, bOffset + i))
                    .reduceLanes(VectorOperators.ADD);
            i += HALF.length();
        }
        if (SPECIES.length() > QUARTER.length() && length - i >= QUARTER.length()) {
            result += FloatVector.fromArray(QUARTER, a, aOffset + i)
                    .mul(FloatVector.fromArray(QUARTER, b, bOffset + i)).reduceLanes(VectorOperators.ADD);
            i += QUARTER.length();
        }
        for (; i < length; i++) {
            result += a[aOffset + i] * b[bOffset + i];
        }
        return result;
    }

    /**
     * Two rows at a time: each query slice is loaded once for both, and the two sums overlap in the pipeline. Every
     * row's score is computed exactly as {@link #dot} computes it.
     */
    @Override
    public void scoreRows(float[] matrix, int fromRow, int toRow, float[] query, float[] out) {
        int dim = query.length;
        int bound = SPECIES.loopBound(dim);
        int row = fromRow;
        for (; row + 1 < toRow; row += 2) {
            int a = row * dim;
            int b = a + dim;
            FloatVector sumA = FloatVector.zero(SPECIES);
            FloatVector sumB = FloatVector.zero(SPECIES);
            for (int i = 0; i < bound; i += SPECIES.length()) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, i);
                sumA = FloatVector.fromArray(SPECIES, matrix, a + i).fma(q, sumA);
                sumB = FloatVector.fromArray(SPECIES, matrix, b + i).fma(q, sumB);
            }
            out[row - fromRow] = sumA.reduceLanes(VectorOperators.ADD) + tail(matrix, a, query, 0, bound, dim);
            out[row + 1 - fromRow] = sumB.reduceLanes(VectorOperators.ADD) + tail(matrix, b, query, 0, bound, dim);
        }
        if (row < toRow) {
            out[row - fromRow] = dot(matrix, row * dim, query, 0, dim);
        }
    }

    /**
     * Per block and dimension: one broadcast weight, {@code BLOCK_ROWS} bytes widened to floats a vector at a time,
     * four independent fused multiply-adds, no horizontal sums. Falls back to the scalar loop on CPUs whose float
     * vectors have fewer than 8 lanes.
     */
    @Override
    public void scoreInt8(Int8Matrix matrix, float[] weights, int fromBlock, int toBlock, float[] out) {
        if (BYTES == null) {
            DotKernel.super.scoreInt8(matrix, weights, fromBlock, toBlock, out);
            return;
        }
        byte[] values = matrix.values();
        int dim = matrix.dimension();
        for (int block = fromBlock; block < toBlock; block++) {
            int base = block * dim * Int8Matrix.BLOCK_ROWS;
            for (int sub = 0; sub < Int8Matrix.BLOCK_ROWS; sub += INT8_STEP) {
                scoreInt8Step(values, base + sub, dim, weights, out, block * Int8Matrix.BLOCK_ROWS + sub);
            }
        }
    }

    private static void scoreInt8Step(byte[] values, int offset, int dim, float[] weights, float[] out, int outAt) {
        int lanes = SPECIES.length();
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        for (int d = 0; d < dim; d++) {
            FloatVector w = FloatVector.broadcast(SPECIES, weights[d]);
            int at = offset + d * Int8Matrix.BLOCK_ROWS;
            a0 = widen(values, at).fma(w, a0);
            a1 = widen(values, at + lanes).fma(w, a1);
            a2 = widen(values, at + 2 * lanes).fma(w, a2);
            a3 = widen(values, at + 3 * lanes).fma(w, a3);
        }
        a0.intoArray(out, outAt);
        a1.intoArray(out, outAt + lanes);
        a2.intoArray(out, outAt + 2 * lanes);
        a3.intoArray(out, outAt + 3 * lanes);
    }

    private static FloatVector widen(byte[] values, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, values, offset).convertShape(VectorOperators.B2F, SPECIES, 0);
    }

    @Override
    public String name() {
        return "vector-api " + SPECIES.vectorBitSize() + "-bit";
    }
}
