package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSearchTest {

    /** Unit vectors at angles 0, 10, 30, 60, 90 and 180 degrees in the plane: cosines are easy to check. */
    static final WordVectors CIRCLE = WordVectors.of(
            List.of("a0", "a10", "a30", "a60", "a90", "a180"),
            List.of(at(0), at(10), at(30), at(60), at(90), at(180)));

    static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    static List<String> words(List<Neighbour> hits) {
        return hits.stream().map(Neighbour::word).toList();
    }

    @Test
    void nearestByCosineBestFirst() {
        List<Neighbour> hits = CIRCLE.exactSearch().search(at(18), 3);
        assertEquals(List.of("a10", "a30", "a0"), words(hits));
        assertEquals((float) Math.cos(Math.toRadians(8)), hits.get(0).score(), 1e-6f);
        assertEquals(1, hits.get(0).index());
    }

    @Test
    void filterIsRespected() {
        List<Neighbour> hits = CIRCLE.exactSearch().search(at(18), 3, i -> i % 2 == 0);
        assertEquals(List.of("a30", "a0", "a90"), words(hits));
    }

    @Test
    void kLargerThanTheTableReturnsEveryRow() {
        assertEquals(List.of("a180", "a90", "a60", "a30", "a10", "a0"),
                words(CIRCLE.exactSearch().search(at(180), 10)));
    }

    @Test
    void equalScoresGoToTheLowerIndex() {
        WordVectors twins = WordVectors.of(List.of("x", "y", "z"),
                List.of(new float[] {0, 1}, new float[] {1, 0}, new float[] {1, 0}));
        assertEquals(List.of("y", "z"), words(twins.exactSearch().search(new float[] {1, 0}, 2)));
    }

    @Test
    void badQueriesAreRejected() {
        var exact = CIRCLE.exactSearch();
        assertEquals("query has dimension 3, expected 2",
                assertThrows(IllegalArgumentException.class, () -> exact.search(new float[3], 1)).getMessage());
        assertEquals("k must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> exact.search(new float[2], 0)).getMessage());
    }

    @Test
    void batchSearchEqualsOneByOne() {
        WordVectors random = RandomVectors.table(2_000, 24, 11);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            queries.add(random.vector(i * 37));
        }
        var exact = random.exactSearch();
        List<List<Neighbour>> batch = exact.searchAll(queries, 10, i -> i % 3 != 0);
        for (int i = 0; i < queries.size(); i++) {
            List<Neighbour> one = exact.search(queries.get(i), 10, j -> j % 3 != 0);
            // the Vector API's lane-sum order is unspecified: the last bit may differ before and after JIT compilation
            assertEquals(one.stream().map(Neighbour::index).toList(),
                    batch.get(i).stream().map(Neighbour::index).toList());
            for (int j = 0; j < one.size(); j++) {
                assertEquals(one.get(j).score(), batch.get(i).get(j).score(), 1e-6f);
            }
        }
    }

    @Test
    void vectorApiKernelAgreesWithTheScalarLoop() {
        Random random = new Random(5);
        for (int length : new int[] {1, 3, 4, 7, 8, 12, 16, 17, 28, 100, 300}) {
            float[] a = new float[length + 5];
            float[] b = new float[length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextGaussian();
            }
            double expected = 0;
            for (int i = 0; i < length; i++) {
                expected += (double) a[i + 5] * b[i];
            }
            assertEquals(expected, DotKernel.SCALAR.dot(a, 5, b, 0, length), 1e-4 * length);
            assertEquals(expected, DotKernel.DEFAULT.dot(a, 5, b, 0, length), 1e-4 * length);
        }
    }
}
