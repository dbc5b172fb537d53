import dev.quarry.vectors.HnswIndex;
import dev.quarry.vectors.HnswSettings;
import dev.quarry.vectors.NearestNeighbours;
import dev.quarry.vectors.Neighbour;
import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.lucene.util.VectorUtil;

/**
 * Speed of dev.quarry.vectors on one table: load (text vs cache), exact top-k (library kernel, a plain loop, Lucene's
 * VectorUtil over row arrays), batch throughput, and HNSW build / latency / recall for a few settings.
 *
 * Usage: VectorsBenchmark VECTORS WORKDIR [exact|all] [M:beam:threads ...]
 * Queries are the normalised means of two random words (seed 42), as the terms builder's seed centroids are.
 */
public final class VectorsBenchmark {

    static final int QUERIES = 500;
    static final int WARMUP = 300;

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path work = Path.of(args[1]);
        boolean all = args.length < 3 || args[2].equals("all");
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "# %s, %s, %d cores, load average at start %s%n",
                System.getProperty("java.vm.version"), ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                        ? "with --add-modules jdk.incubator.vector" : "WITHOUT the Vector API module",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        Path cache = work.resolve("vectors.qvec");
        WordVectors vectors = all ? loading(input, cache) : WordVectors.load(cache);
        List<float[]> queries = queries(vectors, QUERIES + WARMUP, 42);
        exact(vectors, queries);
        if (all) {
            batch(vectors, queries);
            List<String> settings = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                    : List.of("16:100:2", "16:100:1", "32:100:2", "16:64:2");
            for (String s : settings) {
                String[] p = s.split(":");
                hnsw(vectors, queries, work, Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        }
        System.out.printf(Locale.ROOT, "# load average at end %s%n", loadAverage());
    }

    static WordVectors loading(Path input, Path cache) throws IOException {
        long[] text = new long[3];
        WordVectors vectors = null;
        for (int i = 0; i < text.length; i++) {
            long t = System.nanoTime();
            vectors = WordVectors.load(input);
            text[i] = System.nanoTime() - t;
        }
        long t = System.nanoTime();
        vectors.writeCache(cache);
        long write = System.nanoTime() - t;
        long[] open = new long[15];
        for (int i = 0; i < open.length; i++) {
            t = System.nanoTime();
            WordVectors reopened = WordVectors.openCache(cache);
            open[i] = System.nanoTime() - t;
            if (reopened.size() != vectors.size()) {
                throw new AssertionError("cache lost rows");
            }
        }
        System.out.printf(Locale.ROOT, "%nload %s: %d x %d%n", input.getFileName(), vectors.size(), vectors.dimension());
        System.out.printf(Locale.ROOT, "| text load (3 runs) | min %.0f ms, median %.0f ms, first %.0f ms |%n",
                min(text) / 1e6, median(text) / 1e6, text[0] / 1e6);
        System.out.printf(Locale.ROOT, "| cache write | %.0f ms, %d MB |%n", write / 1e6, Files.size(cache) >> 20);
        System.out.printf(Locale.ROOT, "| cache open (15 runs) | median %.1f ms, min %.1f ms, first %.1f ms |%n",
                median(open) / 1e6, min(open) / 1e6, open[0] / 1e6);
        return vectors;
    }

    static void exact(WordVectors vectors, List<float[]> queries) {
        int n = vectors.size();
        int dim = vectors.dimension();
        float[] flat = new float[n * dim];
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = vectors.vector(i);
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        NearestNeighbours library = vectors.exactSearch();
        System.out.printf(Locale.ROOT, "%nexact search, single thread, %d queries after %d warm-up (%s)%n", QUERIES,
                WARMUP, library);
        System.out.println("| method | k | median | p99 | mean |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (int k : new int[] {10, 100}) {
            report("library exactSearch()", k, time(queries, q -> sink(library.search(q, k).size())));
            report("plain loop (flat float[])", k, time(queries, q -> sink(plainTopK(flat, dim, q, k))));
            report("Lucene VectorUtil (float[][] rows)", k, time(queries, q -> sink(vectorUtilTopK(rows, q, k))));
        }
    }

    static void batch(WordVectors vectors, List<float[]> queries) {
        NearestNeighbours exact = vectors.exactSearch();
        List<float[]> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.addAll(queries);
        }
        exact.searchAll(batch.subList(0, 400), 10, null);
        long t = System.nanoTime();
        for (float[] q : batch) {
            exact.search(q, 10);
        }
        double single = batch.size() / ((System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        exact.searchAll(batch, 10, null);
        double parallel = batch.size() / ((System.nanoTime() - t) / 1e9);
        System.out.printf(Locale.ROOT, "%nbatch exact top-10, %d queries: one thread %.0f q/s, searchAll on %d cores "
                + "%.0f q/s (x%.2f)%n", batch.size(), single, Runtime.getRuntime().availableProcessors(), parallel,
                parallel / single);
    }

    static void hnsw(WordVectors vectors, List<float[]> queries, Path work, int m, int beam, int threads)
            throws IOException {
        Path dir = work.resolve("hnsw-" + m + "-" + beam + "-" + threads);
        long cpu = processCpuNanos();
        long t = System.nanoTime();
        HnswIndex.build(vectors, dir, new HnswSettings(m, beam, 10, threads)).close();
        long wall = System.nanoTime() - t;
        cpu = processCpuNanos() - cpu;
        System.out.printf(Locale.ROOT, "%nHNSW M=%d beamWidth=%d buildThreads=%d: built in %.1f s wall, %.1f s CPU "
                + "(load average %s)%n", m, beam, threads, wall / 1e9, cpu / 1e9, loadAverage());
        System.out.println("| k | searchBeam | recall@k | median | p99 |");
        System.out.println("| --- | --- | --- | --- | --- |");
        NearestNeighbours exact = vectors.exactSearch();
        for (int k : new int[] {10, 100}) {
            List<Set<Integer>> truth = new ArrayList<>();
            for (float[] q : queries.subList(WARMUP, queries.size())) {
                Set<Integer> rows = new HashSet<>();
                exact.search(q, k).forEach(hit -> rows.add(hit.index()));
                truth.add(rows);
            }
            for (int searchBeam : k == 10 ? new int[] {10, 20, 40, 80} : new int[] {100, 150}) {
                try (HnswIndex index = HnswIndex.open(vectors, dir, searchBeam)) {
                    long[] times = time(queries, q -> sink(index.search(q, k).size()));
                    double recall = recall(index, queries.subList(WARMUP, queries.size()), truth, k);
                    System.out.printf(Locale.ROOT, "| %d | %d | %.3f | %.0f µs | %.0f µs |%n", k, searchBeam, recall,
                            median(times) / 1e3, percentile(times, 0.99) / 1e3);
                }
            }
        }
    }

    static double recall(NearestNeighbours index, List<float[]> queries, List<Set<Integer>> truth, int k) {
        long found = 0;
        for (int i = 0; i < queries.size(); i++) {
            for (Neighbour hit : index.search(queries.get(i), k)) {
                found += truth.get(i).contains(hit.index()) ? 1 : 0;
            }
        }
        return found / (double) (queries.size() * k);
    }

    static List<float[]> queries(WordVectors vectors, int count, long seed) {
        Random random = new Random(seed);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(vectors.phraseVector(List.of(vectors.word(random.nextInt(vectors.size())),
                    vectors.word(random.nextInt(vectors.size())))).vector());
        }
        return queries;
    }

    /** Runs every query; the first WARMUP are warm-up, the rest are timed one by one (nanoseconds). */
    static long[] time(List<float[]> queries, ToLongFunction<float[]> run) {
        for (float[] q : queries.subList(0, WARMUP)) {
            run.applyAsLong(q);
        }
        List<float[]> timed = queries.subList(WARMUP, queries.size());
        long[] times = new long[timed.size()];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            run.applyAsLong(timed.get(i));
            times[i] = System.nanoTime() - t;
        }
        return times;
    }

    static void report(String method, int k, long[] times) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f ms | %.3f ms | %.3f ms |%n", method, k, median(times) / 1e6,
                percentile(times, 0.99) / 1e6, Arrays.stream(times).average().orElse(0) / 1e6);
    }

    static long plainTopK(float[] m, int dim, float[] q, int k) {
        float[] best = new float[k];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int n = m.length / dim;
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int d = 0, o = i * dim; d < dim; d++) {
                s += m[o + d] * q[d];
            }
            insert(best, s);
        }
        return Float.floatToIntBits(best[0]);
    }

    static long vectorUtilTopK(float[][] rows, float[] q, int k) {
        float[] best = new float[k];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (float[] row : rows) {
            insert(best, VectorUtil.dotProduct(row, q));
        }
        return Float.floatToIntBits(best[0]);
    }

    /** Keeps the k best scores, best[k - 1] the weakest (insertion; the same cost for both peers). */
    static void insert(float[] best, float s) {
        int k = best.length;
        if (s <= best[k - 1]) {
            return;
        }
        int i = k - 1;
        while (i > 0 && best[i - 1] < s) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = s;
    }

    static long sinkValue;

    static long sink(long v) {
        sinkValue += v;
        return v;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long min(long[] a) {
        return Arrays.stream(a).min().orElse(0);
    }

    static double median(long[] a) {
        return percentile(a, 0.5);
    }

    static double percentile(long[] a, double p) {
        long[] s = a.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }
}
