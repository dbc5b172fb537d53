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

    /** M 16, beam width 100, search beam 40, one build thread per processor: measured in benchmarks/vectors. */
    public static HnswSettings defaults() {
        return new HnswSettings(16, 100, 40, Runtime.getRuntime().availableProcessors());
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
