package dev.quarry.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Approximate nearest neighbours on Lucene's HNSW graph ({@code Lucene99HnswVectorsFormat}, dot-product similarity on
 * the table's unit vectors), persisted as a Lucene index directory, by convention {@link #besideCache beside the
 * cache file}. The hits Lucene returns are rescored with the exact dot product, so scores equal
 * {@link WordVectors#exactSearch()}'s; only which rows are found is approximate (see the recall numbers in
 * {@code benchmarks/vectors/README.md}). All-zero rows are not indexed and never returned.
 *
 * <p>Thread-safe for searching; {@link #close()} when done. A filter that rejects most rows makes the graph search
 * slow and its recall poor: use exact search for those.
 */
public final class HnswIndex implements NearestNeighbours, AutoCloseable {

    static final String VECTOR_FIELD = "vector";
    static final String ROW_FIELD = "row";
    private static final String COUNT_KEY = "quarry.count";
    private static final String DIM_KEY = "quarry.dimension";
    private static final String FINGERPRINT_KEY = "quarry.fingerprint";

    private final WordVectors vectors;
    private final Directory directory;
    private final DirectoryReader reader;
    private final List<LeafReaderContext> leaves;
    private final int[][] rows;
    private final int searchBeam;

    private HnswIndex(WordVectors vectors, Directory directory, DirectoryReader reader, int searchBeam)
            throws IOException {
        this.vectors = vectors;
        this.directory = directory;
        this.reader = reader;
        this.leaves = reader.leaves();
        this.rows = new int[leaves.size()][];
        for (int i = 0; i < leaves.size(); i++) {
            rows[i] = rowsOf(leaves.get(i));
        }
        this.searchBeam = searchBeam;
    }

    /** The conventional index directory for a cache file: {@code glove.qvec} gets {@code glove.qvec.hnsw}. */
    public static Path besideCache(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".hnsw");
    }

    /**
     * Builds the graph for every non-zero row into {@code directory} and opens it. The index is built in a temporary
     * sibling directory and moved into place at the end, so a failed build leaves no half-built index at
     * {@code directory}. An existing index there is replaced.
     *
     * @throws IOException if {@code directory} exists and is neither empty nor a Lucene index (nothing is deleted)
     */
    public static HnswIndex build(WordVectors vectors, Path directory, HnswSettings settings) throws IOException {
        Path target = directory.toAbsolutePath();
        checkReplaceable(target);
        Files.createDirectories(target.getParent());
        // not Files.createTempDirectory, which makes the directory owner-only
        Path temp = Files.createDirectory(
                target.resolveSibling(target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp"));
        try {
            HnswBuilder.build(vectors, temp, settings, userData(vectors));
            deleteRecursively(target);
            Files.move(temp, target);
        } finally {
            deleteRecursively(temp);
        }
        return open(vectors, target, settings.searchBeam());
    }

    /**
     * Opens an index built by {@link #build} for this same table.
     *
     * @throws VectorsFormatException if the index was built from a different table (other words or values)
     */
    public static HnswIndex open(WordVectors vectors, Path directory, int searchBeam) throws IOException {
        if (searchBeam < 1) {
            throw new IllegalArgumentException("searchBeam must be >= 1, got " + searchBeam);
        }
        Directory dir = FSDirectory.open(directory);
        try {
            DirectoryReader reader = DirectoryReader.open(dir);
            Map<String, String> data = reader.getIndexCommit().getUserData();
            if (!userData(vectors).equals(Map.of(COUNT_KEY, data.getOrDefault(COUNT_KEY, ""),
                    DIM_KEY, data.getOrDefault(DIM_KEY, ""), FINGERPRINT_KEY, data.getOrDefault(FINGERPRINT_KEY, "")))) {
                reader.close();
                throw new VectorsFormatException(directory + ": HNSW index was built from other vectors ("
                        + data.get(COUNT_KEY) + " x " + data.get(DIM_KEY) + ", fingerprint "
                        + data.get(FINGERPRINT_KEY) + "), not from " + vectors + " with fingerprint "
                        + Long.toHexString(vectors.fingerprint()));
            }
            return new HnswIndex(vectors, dir, reader, searchBeam);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    @Override
    public List<Neighbour> search(float[] query, int k, IntPredicate filter) {
        vectors.checkQuery(query, k);
        TopK top = new TopK(Math.min(k, vectors.size()));
        int beam = Math.max(k, searchBeam);
        try {
            for (int leaf = 0; leaf < leaves.size(); leaf++) {
                int[] leafRows = rows[leaf];
                LeafReaderContext context = leaves.get(leaf);
                AcceptDocs accept = AcceptDocs.fromLiveDocs(filter == null ? null : bits(leafRows, filter),
                        context.reader().maxDoc());
                TopDocs hits = context.reader().searchNearestVectors(VECTOR_FIELD, query, beam, accept,
                        Integer.MAX_VALUE);
                for (ScoreDoc hit : hits.scoreDocs) {
                    int row = leafRows[hit.doc];
                    top.offer(row, vectors.dot(row, query));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return top.toNeighbours(vectors);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }

    @Override
    public String toString() {
        return "HnswIndex[" + vectors + ", searchBeam " + searchBeam + "]";
    }

    private static Bits bits(int[] leafRows, IntPredicate filter) {
        return new Bits() {
            @Override
            public boolean get(int doc) {
                return filter.test(leafRows[doc]);
            }

            @Override
            public int length() {
                return leafRows.length;
            }
        };
    }

    private static int[] rowsOf(LeafReaderContext context) throws IOException {
        int[] out = new int[context.reader().maxDoc()];
        NumericDocValues values = context.reader().getNumericDocValues(ROW_FIELD);
        for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
            out[doc] = (int) values.longValue();
        }
        return out;
    }

    private static Map<String, String> userData(WordVectors vectors) {
        return Map.of(COUNT_KEY, Integer.toString(vectors.size()), DIM_KEY, Integer.toString(vectors.dimension()),
                FINGERPRINT_KEY, Long.toHexString(vectors.fingerprint()));
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        boolean index;
        try (Stream<Path> files = Files.list(target)) {
            index = files.map(p -> p.getFileName().toString()).allMatch(n -> n.startsWith("segments_") || n.startsWith("_")
                    || n.equals("write.lock"));
        }
        if (!index) {
            throw new IOException(target + ": exists and is not an HNSW index directory; not replacing it");
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Writes the Lucene index: indexing threads over stripes of rows, then one merge with parallel workers. */
    static final class HnswBuilder {

        private HnswBuilder() {
        }

        static void build(WordVectors vectors, Path dir, HnswSettings settings, Map<String, String> userData)
                throws IOException {
            int threads = settings.buildThreads();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            int segmentDocs = segmentDocs(vectors.size(), threads);
            try (Directory directory = FSDirectory.open(dir);
                 IndexWriter writer = new IndexWriter(directory, config(settings, segmentDocs, pool))) {
                addAll(vectors, writer, pool, threads);
                LogDocMergePolicy oneMerge = new LogDocMergePolicy();
                oneMerge.setMergeFactor(Integer.MAX_VALUE);
                writer.getConfig().setMergePolicy(oneMerge);
                writer.forceMerge(1);
                writer.setLiveCommitData(userData.entrySet());
                writer.commit();
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * Rows per flushed segment. Small segments get small, cheap graphs; the final merge then inserts almost every
         * node into one graph with {@code buildThreads} workers in parallel, which is where the cores help.
         */
        static int segmentDocs(int rows, int threads) {
            int override = Integer.getInteger("dev.quarry.vectors.hnswSegmentDocs", 0);
            if (override > 0) {
                return override;
            }
            return threads == 1 ? IndexWriterConfig.DISABLE_AUTO_FLUSH : Math.max(1000, rows / 64);
        }

        private static IndexWriterConfig config(HnswSettings settings, int segmentDocs, ExecutorService pool) {
            int workers = settings.buildThreads();
            KnnVectorsFormat format = new Lucene99HnswVectorsFormat(settings.maxConnections(), settings.beamWidth(),
                    workers, workers == 1 ? null : pool);
            Codec codec = new Lucene103Codec() {
                @Override
                public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                    return format;
                }
            };
            long heapMb = Runtime.getRuntime().maxMemory() >> 20;
            return new IndexWriterConfig()
                    .setCodec(codec)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setUseCompoundFile(false)
                    .setMergePolicy(NoMergePolicy.INSTANCE)
                    .setRAMBufferSizeMB(Math.max(16, Math.min(1900, heapMb / 4)))
                    .setMaxBufferedDocs(segmentDocs);
        }

        private static void addAll(WordVectors vectors, IndexWriter writer, ExecutorService pool, int threads)
                throws IOException {
            List<Future<?>> parts = new ArrayList<>();
            int n = vectors.size();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                parts.add(pool.submit(() -> addRange(vectors, writer, from, to)));
            }
            for (Future<?> part : parts) {
                try {
                    part.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while building the HNSW index");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        }

        private static Void addRange(WordVectors vectors, IndexWriter writer, int from, int to) throws IOException {
            for (int row = from; row < to; row++) {
                float[] v = vectors.vector(row);
                if (isZero(v)) {
                    continue;
                }
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(VECTOR_FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
                doc.add(new NumericDocValuesField(ROW_FIELD, row));
                writer.addDocument(doc);
            }
            return null;
        }

        private static boolean isZero(float[] v) {
            for (float x : v) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
