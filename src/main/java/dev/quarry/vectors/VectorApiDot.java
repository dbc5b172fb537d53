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

    @Override
    public String name() {
        return "vector-api " + SPECIES.vectorBitSize() + "-bit";
    }
}
