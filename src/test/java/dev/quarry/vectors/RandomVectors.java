package dev.quarry.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random tables for search tests: clustered, so neighbourhoods mean something. */
final class RandomVectors {

    private RandomVectors() {
    }

    static WordVectors table(int size, int dim, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[Math.max(1, size / 50)][dim];
        for (float[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = (float) random.nextGaussian();
            }
        }
        List<String> words = new ArrayList<>(size);
        List<float[]> vectors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = centre[d] + (float) (0.7 * random.nextGaussian());
            }
            words.add("w" + i);
            vectors.add(v);
        }
        return WordVectors.of(words, vectors);
    }
}
