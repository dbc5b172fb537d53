package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The int8 first pass of exact search: its copy, its error bound, and that rescoring makes it exact. */
class Int8SearchTest {

    @Test
    void copyIsColumnBlockedWithPerDimensionScales() {
        float[] matrix = new float[65 * 2];
        for (int row = 0; row < 65; row++) {
            matrix[row * 2] = row / 64f;
            matrix[row * 2 + 1] = -0.5f;
        }
        Int8Matrix copy = Int8Matrix.of(matrix, 65, 2);
        assertEquals(2, copy.blocks());
        byte[] v = copy.values();
        assertEquals(256, v.length);
        assertEquals(0, v[0]);
        assertEquals(32, v[16]);
        assertEquals(-127, v[64 + 32]);
        assertEquals(127, v[128]);
        assertEquals(-127, v[128 + 64]);
        assertEquals(0, v[129]);
        assertEquals(0, v[255]);
        assertArrayEquals(new float[] {2 / 127f, 1 / 254f}, copy.scaledQuery(new float[] {2, 1}), 1e-7f);
    }

    @Test
    void approximateScoresStayWithinTheErrorBound() {
        WordVectors table = RandomVectors.table(1_000, 100, 21);
        Int8Matrix copy = table.int8();
        float[] approximate = new float[copy.blocks() * Int8Matrix.BLOCK_ROWS];
        double worst = 0;
        for (float[] query : queries(table, 40, 22)) {
            DotKernel.DEFAULT.scoreInt8(copy, copy.scaledQuery(query), 0, copy.blocks(), approximate);
            double bound = copy.errorBound(query);
            for (int row = 0; row < table.size(); row++) {
                float exact = DotKernel.SCALAR.dot(table.matrix(), row * 100, query, 0, 100);
                double error = Math.abs(approximate[row] - exact);
                assertTrue(error <= bound, row + ": error " + error + " > bound " + bound);
                worst = Math.max(worst, error / bound);
            }
            assertTrue(bound < 0.05, "bound " + bound);
        }
        assertTrue(worst > 0.1, "the bound should not be absurdly loose, worst error/bound " + worst);
    }

    @Test
    void simdAndScalarInt8KernelsAgree() {
        WordVectors table = RandomVectors.table(300, 37, 23);
        Int8Matrix copy = table.int8();
        float[] weights = copy.scaledQuery(table.vector(5));
        float[] simd = new float[copy.blocks() * Int8Matrix.BLOCK_ROWS];
        float[] scalar = simd.clone();
        DotKernel.DEFAULT.scoreInt8(copy, weights, 1, copy.blocks(), simd);
        DotKernel.SCALAR.scoreInt8(copy, weights, 1, copy.blocks(), scalar);
        for (int row = 0; row < simd.length; row++) {
            assertEquals(scalar[row], simd[row], 1e-5f, "row " + row);
        }
        assertEquals(0f, simd[0], "blocks before fromBlock are not written");
    }

    @Test
    void approximateRankingAloneIsWrongSoRescoringMatters() {
        WordVectors table = RandomVectors.table(2_003, 100, 24);
        Int8Matrix copy = table.int8();
        float[] approximate = new float[copy.blocks() * Int8Matrix.BLOCK_ROWS];
        int wrong = 0;
        List<float[]> queries = queries(table, 60, 25);
        for (float[] query : queries) {
            DotKernel.SCALAR.scoreInt8(copy, copy.scaledQuery(query), 0, copy.blocks(), approximate);
            TopK top = new TopK(10);
            for (int row = 0; row < table.size(); row++) {
                top.offer(row, approximate[row]);
            }
            wrong += rows(top.toNeighbours(table)).equals(rows(floatScan(table, DotKernel.SCALAR, query, 10, null)))
                    ? 0 : 1;
        }
        assertTrue(wrong > queries.size() / 10, "int8 order differed from float order on only " + wrong);
    }

    @Test
    void int8ScanWithRescoringEqualsTheFloatScan() {
        for (int dim : new int[] {1, 3, 17, 100}) {
            WordVectors table = RandomVectors.table(2_003, dim, 30 + dim);
            List<float[]> queries = queries(table, 45, 31 + dim);
            for (int k : new int[] {1, 10, 100}) {
                for (IntPredicate filter : new IntPredicate[] {null, row -> row % 7 != 3}) {
                    for (float[] query : queries) {
                        assertSameHits(table, query, k, filter);
                    }
                }
            }
        }
    }

    @Test
    void selectiveFilterAndLargeKStillExact() {
        WordVectors table = RandomVectors.table(500, 24, 40);
        for (float[] query : queries(table, 20, 41)) {
            assertSameHits(table, query, 10, row -> row % 97 == 0);
            assertSameHits(table, query, 600, null);
            assertSameHits(table, query, 5, row -> false);
        }
    }

    @Test
    void defaultKernelGivesTheFloatScanRowsToo() {
        WordVectors table = RandomVectors.table(3_000, 100, 50);
        NearestNeighbours fast = new ExactSearch(table, DotKernel.DEFAULT, true);
        for (float[] query : queries(table, 100, 51)) {
            List<Neighbour> expected = floatScan(table, DotKernel.DEFAULT, query, 10, null);
            List<Neighbour> actual = fast.search(query, 10);
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                // the Vector API's lane-sum order may change at JIT compilation: a near-tie may then swap
                assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-6f);
                if (expected.get(i).index() != actual.get(i).index()) {
                    assertEquals(expected.get(i).score(), expected.get(i == 0 ? 1 : i - 1).score(), 1e-6f);
                }
            }
        }
    }

    @Test
    void copyIsBuiltOnceAndShared() {
        WordVectors table = RandomVectors.table(100, 8, 60);
        assertSame(table.int8(), table.int8());
        assertTrue(table.exactSearch().toString().contains("int8"), table.exactSearch().toString());
        assertTrue(table.exactFloatSearch().toString().contains("float scan"), table.exactFloatSearch().toString());
    }

    /** With the deterministic scalar kernel, the int8 way returns exactly the float scan's neighbours. */
    private static void assertSameHits(WordVectors table, float[] query, int k, IntPredicate filter) {
        List<Neighbour> expected = floatScan(table, DotKernel.SCALAR, query, k, filter);
        List<Neighbour> actual = new ExactSearch(table, DotKernel.SCALAR, true).search(query, k, filter);
        assertEquals(expected, actual, "k " + k + ", dim " + table.dimension());
    }

    private static List<Neighbour> floatScan(WordVectors table, DotKernel kernel, float[] query, int k,
            IntPredicate filter) {
        return new ExactSearch(table, kernel, false).search(query, k, filter);
    }

    private static List<Integer> rows(List<Neighbour> hits) {
        return hits.stream().map(Neighbour::index).toList();
    }

    /** Rows of the table, means of two rows, and random Gaussian directions, a third each, normalised. */
    static List<float[]> queries(WordVectors table, int count, long seed) {
        Random random = new Random(seed);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] q = switch (i % 3) {
                case 0 -> table.vector(random.nextInt(table.size()));
                case 1 -> table.phraseVector(List.of(table.word(random.nextInt(table.size())),
                        table.word(random.nextInt(table.size())))).vector();
                default -> gaussian(random, table.dimension());
            };
            queries.add(q);
        }
        return queries;
    }

    private static float[] gaussian(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < dim; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
