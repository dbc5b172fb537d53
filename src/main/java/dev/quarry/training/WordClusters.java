package dev.quarry.training;

import dev.quarry.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * A word-to-cluster dictionary (word vectors clustered by spherical k-means), the source of the NER's cluster
 * features. Words are stored as the vectors spell them (lower case for GloVe); lookups lower-case the token.
 *
 * <p>Immutable and thread-safe. Stored inside OpenNLP models through {@link WordClustersSerializer}, and on disk as
 * UTF-8 text, one {@code word cluster} pair per line.
 */
public final class WordClusters implements SerializableArtifact {

    private final Map<String, Integer> clusters;
    private final int k;
    /** Every word is in lower case (GloVe's are), so a lookup as given cannot hit where the lower case misses. */
    private final boolean lowerCaseOnly;

    private WordClusters(Map<String, Integer> clusters, int k) {
        this.clusters = java.util.Collections.unmodifiableMap(new HashMap<>(clusters));
        this.k = k;
        this.lowerCaseOnly = clusters.keySet().stream().allMatch(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)));
    }

    /** A dictionary from explicit assignments; {@code k} is one more than the largest cluster id. */
    public static WordClusters of(Map<String, Integer> clusters) {
        int k = clusters.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return new WordClusters(clusters, k);
    }

    /**
     * Spherical k-means over unit-length vectors: seeded random initial centroids (distinct rows), then
     * {@code iterations} rounds of assign-to-highest-cosine and renormalised mean. Uses the common fork-join pool.
     *
     * @throws IllegalArgumentException if {@code k} is not in [1, vectors.size()] or iterations is negative
     */
    public static WordClusters kMeans(WordVectors vectors, int k, int iterations, long seed) {
        if (k < 1 || k > vectors.size() || iterations < 0) {
            throw new IllegalArgumentException("k must be in [1, " + vectors.size() + "] and iterations >= 0, got k="
                    + k + ", iterations=" + iterations);
        }
        int[] assignment = new KMeans(vectors, k, seed).run(iterations);
        Map<String, Integer> clusters = new HashMap<>();
        for (int row = 0; row < vectors.size(); row++) {
            clusters.putIfAbsent(vectors.word(row), assignment[row]);
        }
        return new WordClusters(clusters, k);
    }

    /** The cluster of {@code word}, looked up as given then lower-cased (Locale.ROOT); -1 when unknown. */
    public int cluster(String word) {
        Integer id = lowerCaseOnly ? null : clusters.get(word);
        if (id == null) {
            id = clusters.get(word.toLowerCase(java.util.Locale.ROOT));
        }
        return id == null ? -1 : id;
    }

    /** The number of clusters. */
    public int k() {
        return k;
    }

    /** The number of words. */
    public int size() {
        return clusters.size();
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    /** Writes the dictionary to {@code out} and flushes it; does not close it. */
    public void write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(clusters).entrySet()) {
            writer.write(entry.getKey() + " " + entry.getValue() + "\n");
        }
        writer.flush();
    }

    /**
     * Reads a dictionary written by {@link #write(Path)}.
     *
     * @throws IOException naming the line of a malformed entry
     */
    public static WordClusters read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a dictionary from {@code in} to its end, without closing it. */
    public static WordClusters read(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Integer> clusters = new HashMap<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            int space = line.lastIndexOf(' ');
            try {
                clusters.put(line.substring(0, space), Integer.parseInt(line.substring(space + 1)));
            } catch (RuntimeException e) {
                throw new IOException(source + ":" + number + ": expected \"word cluster\", got \"" + line + "\"");
            }
        }
        return of(clusters);
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return WordClustersSerializer.class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordClusters other && clusters.equals(other.clusters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusters);
    }

    @Override
    public String toString() {
        return "WordClusters[k=" + k + ", words=" + clusters.size() + "]";
    }

    /** Lloyd iterations on the unit sphere. */
    private static final class KMeans {
        private final WordVectors vectors;
        private final int k;
        private final int dim;
        private final float[][] rows;
        private float[][] centroids;

        KMeans(WordVectors vectors, int k, long seed) {
            this.vectors = vectors;
            this.k = k;
            this.dim = vectors.dimension();
            this.rows = IntStream.range(0, vectors.size()).mapToObj(vectors::vector).toArray(float[][]::new);
            java.util.Random random = new java.util.Random(seed);
            int[] order = IntStream.range(0, vectors.size()).toArray();
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(order.length - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            centroids = IntStream.range(0, k).mapToObj(i -> rows[order[i]].clone()).toArray(float[][]::new);
        }

        int[] run(int iterations) {
            int[] assignment = assign();
            for (int round = 0; round < iterations; round++) {
                update(assignment);
                assignment = assign();
            }
            return assignment;
        }

        private int[] assign() {
            return IntStream.range(0, vectors.size()).parallel().map(row -> nearest(rows[row])).toArray();
        }

        private int nearest(float[] row) {
            int best = 0;
            float bestDot = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                float[] centroid = centroids[c];
                float dot = 0;
                for (int d = 0; d < dim; d++) {
                    dot += centroid[d] * row[d];
                }
                if (dot > bestDot) {
                    bestDot = dot;
                    best = c;
                }
            }
            return best;
        }

        private void update(int[] assignment) {
            float[][] sums = new float[k][dim];
            for (int row = 0; row < rows.length; row++) {
                float[] sum = sums[assignment[row]];
                for (int d = 0; d < dim; d++) {
                    sum[d] += rows[row][d];
                }
            }
            for (int c = 0; c < k; c++) {
                double norm = 0;
                for (float v : sums[c]) {
                    norm += v * v;
                }
                if (norm > 0) {
                    float scale = (float) (1 / Math.sqrt(norm));
                    for (int d = 0; d < dim; d++) {
                        sums[c][d] *= scale;
                    }
                    centroids[c] = sums[c];
                }
            }
        }
    }
}
