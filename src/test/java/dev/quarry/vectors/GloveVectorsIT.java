package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real GloVe 100k x 100 table from ../shared/data, if present (one text load, about a second). */
class GloveVectorsIT {

    /** {@code ../shared/data} beside the repository; a worktree under {@code wt/} has it one level further up. */
    static final Path GLOVE = java.util.stream.Stream.of("../shared/data", "../../shared/data")
            .map(d -> Path.of(d, "glove-6b-100d-top100k/glove.6B.100d.top100k.txt"))
            .filter(Files::isRegularFile).findFirst()
            .orElse(Path.of("../shared/data/glove-6b-100d-top100k/glove.6B.100d.top100k.txt"));

    @TempDir
    Path dir;

    @Test
    void gloveLoadsCachesAndFindsInfluenzaNearFlu() throws IOException {
        assumeTrue(Files.isRegularFile(GLOVE), "skipped: " + GLOVE.toAbsolutePath() + " is absent");
        WordVectors text = WordVectors.load(GLOVE);
        assertEquals(100_000, text.size());
        assertEquals(100, text.dimension());
        assertEquals(966, text.indexOf("paris").orElseThrow());
        assertEquals("barbu", text.word(99_999));
        Path cache = dir.resolve("glove.qvec");
        text.writeCache(cache);
        WordVectors cached = WordVectors.openCache(cache);
        assertEquals(text.fingerprint(), cached.fingerprint());
        List<String> near = cached.exactSearch().search(cached.vector(cached.indexOf("flu").orElseThrow()), 10)
                .stream().map(Neighbour::word).toList();
        assertTrue(near.contains("influenza"), near.toString());
        int8SearchEqualsFloatSearch(cached);
    }

    /** Word, pair and random queries (seeded): the int8-then-rescore search returns the float scan's neighbours. */
    private static void int8SearchEqualsFloatSearch(WordVectors glove) {
        NearestNeighbours fast = glove.exactSearch();
        NearestNeighbours floats = glove.exactFloatSearch();
        for (float[] query : Int8SearchTest.queries(glove, 150, 7)) {
            for (int k : new int[] {10, 100}) {
                List<Neighbour> expected = floats.search(query, k);
                List<Neighbour> actual = fast.search(query, k);
                for (int i = 0; i < k; i++) {
                    // a Vector API sum may change in its last bit at JIT compilation: only a near-tie may swap
                    assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-6f);
                    if (expected.get(i).index() != actual.get(i).index()) {
                        assertEquals(expected.get(i).score(), expected.get(i == 0 ? 1 : i - 1).score(), 1e-6f);
                    }
                }
            }
        }
    }
}
