package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswIndexTest {

    static final WordVectors VECTORS = RandomVectors.table(3_000, 32, 17);

    @TempDir
    static Path dir;
    static Path indexDir;

    @BeforeAll
    static void build() throws IOException {
        indexDir = HnswIndex.besideCache(dir.resolve("random.qvec"));
        HnswIndex.build(VECTORS, indexDir, new HnswSettings(16, 100, 40, 2)).close();
    }

    static List<float[]> queries(int n, long seed) {
        Random random = new Random(seed);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queries.add(VECTORS.phraseVector(List.of("w" + random.nextInt(3_000), "w" + random.nextInt(3_000)))
                    .vector());
        }
        return queries;
    }

    static double recall(NearestNeighbours approximate, List<float[]> queries, int k) {
        NearestNeighbours exact = VECTORS.exactSearch();
        int found = 0;
        for (float[] q : queries) {
            Set<Integer> truth = new HashSet<>();
            exact.search(q, k).forEach(n -> truth.add(n.index()));
            found += (int) approximate.search(q, k).stream().filter(n -> truth.contains(n.index())).count();
        }
        return found / (double) (queries.size() * k);
    }

    @Test
    void recallAtTenAgainstExactSearchIsHigh() throws IOException {
        try (HnswIndex index = HnswIndex.open(VECTORS, indexDir, 40)) {
            double recall = recall(index, queries(200, 1), 10);
            assertTrue(recall >= 0.95, "recall@10 " + recall);
        }
    }

    @Test
    void scoresAreExactCosinesBestFirst() throws IOException {
        try (HnswIndex index = HnswIndex.open(VECTORS, indexDir, 40)) {
            float[] q = VECTORS.vector(123);
            List<Neighbour> hits = index.search(q, 5);
            assertEquals(123, hits.get(0).index());
            for (int i = 0; i < hits.size(); i++) {
                assertEquals(VECTORS.dot(hits.get(i).index(), q), hits.get(i).score());
                assertEquals(VECTORS.word(hits.get(i).index()), hits.get(i).word());
                assertTrue(i == 0 || hits.get(i - 1).score() >= hits.get(i).score());
            }
        }
    }

    @Test
    void filterIsRespected() throws IOException {
        try (HnswIndex index = HnswIndex.open(VECTORS, indexDir, 40)) {
            List<Neighbour> hits = index.search(VECTORS.vector(124), 10, i -> i % 2 == 1);
            assertEquals(10, hits.size());
            assertTrue(hits.stream().allMatch(n -> n.index() % 2 == 1), hits.toString());
            assertFalse(hits.stream().anyMatch(n -> n.index() == 124));
        }
    }

    @Test
    void indexOfOtherVectorsIsRejected() {
        WordVectors other = RandomVectors.table(3_000, 32, 18);
        var e = assertThrows(VectorsFormatException.class, () -> HnswIndex.open(other, indexDir, 10));
        assertTrue(e.getMessage().startsWith(indexDir + ": HNSW index was built from other vectors (3000 x 32"),
                e.getMessage());
    }

    @Test
    void buildLeavesNoTemporaryDirectory() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(indexDir), files.toList().stream().filter(p -> !p.endsWith("notes")).toList());
        }
    }

    @Test
    void buildRefusesToReplaceADirectoryThatIsNotAnIndex() throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        var e = assertThrows(IOException.class, () -> HnswIndex.build(VECTORS, notes, HnswSettings.defaults()));
        assertEquals(notes.toAbsolutePath() + ": exists and is not an HNSW index directory; not replacing it",
                e.getMessage());
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }
}
