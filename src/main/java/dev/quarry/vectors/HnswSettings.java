package dev.quarry.vectors;

/**
 * How an {@link HnswIndex} is built and searched.
 *
 * @param maxConnections HNSW's {@code M}: graph neighbours per node (2..512); more means better recall, a bigger and
 *                       slower-to-build graph
 * @param beamWidth      candidates kept while inserting a node ({@code efConstruction}, 1..3200)
 * @param searchBeam     candidates kept while searching ({@code ef}); a search for {@code k} uses
 *                       {@code max(k, searchBeam)} and returns the best {@code k} of them, rescored exactly
 * @param buildThreads   threads that build the graph (indexing threads and merge workers), {@code >= 1}
 */
public record HnswSettings(int maxConnections, int beamWidth, int searchBeam, int buildThreads) {

    public HnswSettings {
        check("maxConnections", maxConnections, 2, 512);
        check("beamWidth", beamWidth, 1, 3200);
        check("searchBeam", searchBeam, 1, 10_000);
        check("buildThreads", buildThreads, 1, 1024);
    }

    /**
     * M 32, beam width 64, search beam 40, one build thread per processor. On GloVe 100k x 100 that gave recall@10
     * 0.975-0.976 against exact search for word queries, with build CPU between that of M 16 / beam 64 and
     * M 16 / beam 100 (benchmarks/vectors/README.md).
     */
    public static HnswSettings defaults() {
        return new HnswSettings(32, 64, 40, Runtime.getRuntime().availableProcessors());
    }

    public HnswSettings withSearchBeam(int beam) {
        return new HnswSettings(maxConnections, beamWidth, beam, buildThreads);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
