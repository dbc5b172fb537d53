package dev.quarry.terms;

import dev.quarry.vectors.WordVectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made 4-dimensional table: axis 0 is "fruit", 1 "vehicle", 2 "colour", 3 "noise". Rows are in this order
 * (file order is frequency order).
 */
final class TinyTable {

    static final Map<String, float[]> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("the", new float[] {0.99f, 0.05f, 0, 0});
        ROWS.put(",", new float[] {0.99f, 0, 0.01f, 0});
        ROWS.put("42", new float[] {0.99f, 0, 0, 0.05f});
        ROWS.put("apple", new float[] {1, 0, 0, 0});
        ROWS.put("pear", new float[] {0.9f, 0.1f, 0, 0});
        ROWS.put("apples", new float[] {0.99f, 0, 0, 0.01f});
        ROWS.put("plum", new float[] {0.95f, 0, 0.05f, 0});
        ROWS.put("cherry", new float[] {0.8f, 0, 0.3f, 0});
        ROWS.put("red", new float[] {0.3f, 0, 1, 0});
        ROWS.put("crimson", new float[] {0.25f, 0, 1, 0.05f});
        ROWS.put("car", new float[] {0, 1, 0, 0});
        ROWS.put("plums", new float[] {0.94f, 0, 0.06f, 0.01f});
        ROWS.put("granny", new float[] {0.7f, 0, 0, 0.4f});
        ROWS.put("smith", new float[] {0.6f, 0, 0, 0.5f});
        ROWS.put("smiths", new float[] {0.55f, 0, 0, 0.5f});
        ROWS.put("pie", new float[] {0.6f, 0, 0, 0.3f});
        ROWS.put("x", new float[] {0.99f, 0, 0, 0});
    }

    private TinyTable() {
    }

    static WordVectors vectors() {
        return WordVectors.of(new ArrayList<>(ROWS.keySet()), new ArrayList<>(ROWS.values()));
    }

    /** Cosine of two raw vectors. */
    static double cos(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The mean of the unit vectors of these words (not normalised: cosine does not care). */
    static float[] mean(String... words) {
        float[] sum = new float[4];
        for (String w : words) {
            float[] v = ROWS.get(w);
            double norm = Math.sqrt(cos(v, v) == 0 ? 0 : dot(v, v));
            for (int i = 0; i < 4; i++) {
                sum[i] += (float) (v[i] / norm);
            }
        }
        return sum;
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    static List<String> terms(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::term).toList();
    }
}
