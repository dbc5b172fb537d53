package dev.quarry.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Writes the Lucene index: indexing threads over stripes of rows, then one merge with parallel workers. */
final class HnswBuilder {

    private HnswBuilder() {
    }

    static void build(WordVectors vectors, Path dir, HnswSettings settings, Map<String, String> userData)
            throws IOException {
        int threads = settings.buildThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int segmentDocs = segmentDocs(vectors.size(), threads);
        BuildCodec codec = new BuildCodec(settings, pool);
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, config(codec, segmentDocs))) {
            addAll(vectors, writer, pool, threads);
            codec.merging();
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
        return threads == 1 ? IndexWriterConfig.DISABLE_AUTO_FLUSH : Math.max(1000, rows / 64);
    }

    private static IndexWriterConfig config(BuildCodec codec, int segmentDocs) {
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
            doc.add(new KnnFloatVectorField(HnswIndex.VECTOR_FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
            doc.add(new NumericDocValuesField(HnswIndex.ROW_FIELD, row));
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
