package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordClustersTest {

    private static WordVectors vectors() {
        return WordVectors.of(List.of("paris", "berlin", "rome", "red", "green", "blue"), List.of(
                new float[] {1, 0.1f, 0}, new float[] {0.9f, 0.2f, 0}, new float[] {1, 0, 0.1f},
                new float[] {0, 1, 0.1f}, new float[] {0.1f, 0.9f, 0}, new float[] {0, 1, 0.2f}));
    }

    @Test
    void kMeansGroupsNearbyVectorsAndIsSeeded() {
        WordClusters clusters = WordClusters.kMeans(vectors(), 2, 5, 7);
        assertEquals(clusters.cluster("paris"), clusters.cluster("rome"));
        assertEquals(clusters.cluster("red"), clusters.cluster("blue"));
        assertNotEquals(clusters.cluster("paris"), clusters.cluster("red"));
        assertEquals(clusters, WordClusters.kMeans(vectors(), 2, 5, 7));
    }

    @Test
    void lookupLowerCasesAndUnknownIsMinusOne() {
        WordClusters clusters = WordClusters.kMeans(vectors(), 2, 5, 7);
        assertEquals(clusters.cluster("paris"), clusters.cluster("Paris"));
        assertEquals(-1, clusters.cluster("london"));
    }

    @Test
    void writtenClustersReadBackEqual(@TempDir Path dir) throws IOException {
        WordClusters clusters = WordClusters.kMeans(vectors(), 3, 2, 1);
        clusters.write(dir.resolve("c.txt"));
        assertEquals(clusters, WordClusters.read(dir.resolve("c.txt")));
    }

    @Test
    void shapeCollapsesRuns() {
        assertEquals("Xx", FeatureGenerators.shape("Paris"));
        assertEquals("d-d", FeatureGenerators.shape("1996-08"));
        assertEquals("X.X.", FeatureGenerators.shape("U.S."));
    }
}
