package dev.quarry.vectors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel on the incubating Vector API (widest species the CPU has, fused multiply-add). Only instantiated by
 * {@link DotKernel} when the module is present; compiled with {@code -Xlint:-incubating}.
 */
final class VectorApiDot implements DotKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
            FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
            sum = x.fma(y, sum);
        }
        float result = sum.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            result += a[aOffset + i] * b[bOffset + i];
        }
        return result;
    }

    /** Two rows at a time: each query slice is loaded once for both, and the two sums overlap in the pipeline. */
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
            int i = 0;
            for (; i < bound; i += SPECIES.length()) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, i);
                sumA = FloatVector.fromArray(SPECIES, matrix, a + i).fma(q, sumA);
                sumB = FloatVector.fromArray(SPECIES, matrix, b + i).fma(q, sumB);
            }
            float resultA = sumA.reduceLanes(VectorOperators.ADD);
            float resultB = sumB.reduceLanes(VectorOperators.ADD);
            for (; i < dim; i++) {
                resultA += matrix[a + i] * query[i];
                resultB += matrix[b + i] * query[i];
            }
            out[row - fromRow] = resultA;
            out[row + 1 - fromRow] = resultB;
        }
        if (row < toRow) {
            out[row - fromRow] = dot(matrix, row * dim, query, 0, dim);
        }
    }

    @Override
    public String name() {
        return "vector-api " + SPECIES.vectorBitSize() + "-bit";
    }
}
