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
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import org.apache.lucene.util.VectorUtil;

/**
 * Speed of dev.quarry.vectors on one table: load (text vs cache), exact top-k (the library's int8-then-rescore search
 * and its float scan, a plain loop, Lucene's VectorUtil over row arrays), batch throughput, and HNSW build / latency / recall for a few settings.
 *
 * Usage: VectorsBenchmark VECTORS WORKDIR [exact|all] [M:beam:threads ...]
 * Queries: "word" queries are random words of the table (seed 42), and their neighbours leave the word itself out
 * (both searches ask for k + 1 and drop it); "pair" queries are normalised means of two random words (seed 43), far
 * from any word, the hardest case for a graph.
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
        List<float[]> queries = new ArrayList<>();
        int[] selves = new Random(42).ints(QUERIES + WARMUP, 0, vectors.size()).toArray();
        for (int self : selves) {
            queries.add(vectors.vector(self));
        }
        List<float[]> pairs = pairQueries(vectors, QUERIES, 43);
        exact(vectors, queries, pairs, cache);
        if (all) {
            batch(vectors, queries);
            List<String> settings = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                    : List.of("32:64:2", "16:100:2", "16:100:1", "16:64:2", "32:100:2");
            for (String s : settings) {
                String[] p = s.split(":");
                hnsw(vectors, queries, selves, pairs, work, Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]));
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

    static void exact(WordVectors vectors, List<float[]> queries, List<float[]> pairs, Path cache) throws IOException {
        int n = vectors.size();
        int dim = vectors.dimension();
        float[] flat = new float[n * dim];
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = vectors.vector(i);
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        firstSearch(cache, queries.get(0));
        NearestNeighbours library = vectors.exactSearch();
        NearestNeighbours floats = vectors.exactFloatSearch();
        System.out.printf(Locale.ROOT, "%nexact search, single thread, %d queries after %d warm-up and an untimed "
                + "round at each k (%s; %s); the methods take turns query by query, so they see the same machine "
                + "load%n", QUERIES, WARMUP, library, floats);
        System.out.println("| method | k | median | p99 | mean |");
        System.out.println("| --- | --- | --- | --- | --- |");
        IntFunction<List<ToLongFunction<float[]>>> methods = k -> List.of(
                q -> sink(library.search(q, k).size()),
                q -> sink(floats.search(q, k).size()),
                q -> sink(plainTopK(flat, dim, q, k)),
                q -> sink(vectorUtilTopK(rows, q, k)));
        // One untimed round at each k first: otherwise the JIT is still compiling the kernels while k=10 is timed.
        interleaved(queries, methods.apply(10));
        interleaved(queries, methods.apply(100));
        for (int k : new int[] {10, 100}) {
            long[][] times = interleaved(queries, methods.apply(k));
            report("library exactSearch(): int8 scan + float rescoring", k, times[0]);
            report("library exactFloatSearch(): float kernel", k, times[1]);
            report("plain loop (flat float[])", k, times[2]);
            report("Lucene VectorUtil (float[][] rows)", k, times[3]);
        }
        for (int k : new int[] {10, 100}) {
            System.out.printf(Locale.ROOT, "exactSearch() vs exactFloatSearch(), k=%d: same rows in the same order "
                    + "for %s word queries and %s pair queries%n", k, agreement(library, floats, queries, k),
                    agreement(library, floats, pairs, k));
        }
    }

    /** The first search on a freshly opened cache pays for the int8 copy: its time, median of 5 fresh opens. */
    static void firstSearch(Path cache, float[] query) throws IOException {
        long[] first = new long[5];
        long[] second = new long[5];
        for (int i = 0; i < first.length; i++) {
            WordVectors fresh = WordVectors.openCache(cache);
            long t = System.nanoTime();
            fresh.exactSearch().search(query, 10);
            first[i] = System.nanoTime() - t;
            t = System.nanoTime();
            fresh.exactSearch().search(query, 10);
            second[i] = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "%nfirst exactSearch() on a fresh table (builds the int8 copy): median %.1f ms, "
                + "min %.1f ms; the second search right after it: median %.1f ms (not warmed up)%n",
                median(first) / 1e6, min(first) / 1e6, median(second) / 1e6);
    }

    /** "agreeing/total": queries whose k neighbours (rows, in order) are the same for both searches. */
    static String agreement(NearestNeighbours a, NearestNeighbours b, List<float[]> queries, int k) {
        int same = 0;
        for (float[] q : queries) {
            same += a.search(q, k).stream().map(Neighbour::index).toList()
                    .equals(b.search(q, k).stream().map(Neighbour::index).toList()) ? 1 : 0;
        }
        return same + "/" + queries.size();
    }

    /** Warms every method up, then times each query with every method, rotating which goes first. */
    static long[][] interleaved(List<float[]> queries, List<ToLongFunction<float[]>> methods) {
        for (float[] q : queries.subList(0, WARMUP)) {
            methods.forEach(m -> m.applyAsLong(q));
        }
        List<float[]> timed = queries.subList(WARMUP, queries.size());
        long[][] times = new long[methods.size()][timed.size()];
        for (int i = 0; i < timed.size(); i++) {
            for (int j = 0; j < methods.size(); j++) {
                int m = (i + j) % methods.size();
                long t = System.nanoTime();
                methods.get(m).applyAsLong(timed.get(i));
                times[m][i] = System.nanoTime() - t;
            }
        }
        return times;
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

    static void hnsw(WordVectors vectors, List<float[]> queries, int[] selves, List<float[]> pairs, Path work, int m,
            int beam, int threads) throws IOException {
        Path dir = work.resolve("hnsw-" + m + "-" + beam + "-" + threads);
        long cpu = processCpuNanos();
        long t = System.nanoTime();
        HnswIndex.build(vectors, dir, new HnswSettings(m, beam, 10, threads)).close();
        long wall = System.nanoTime() - t;
        cpu = processCpuNanos() - cpu;
        System.out.printf(Locale.ROOT, "%nHNSW M=%d beamWidth=%d buildThreads=%d: built in %.1f s wall, %.1f s CPU "
                + "(load average %s)%n", m, beam, threads, wall / 1e9, cpu / 1e9, loadAverage());
        System.out.println("| k | searchBeam | recall@k, word queries | median | p99 | recall@k, pair queries |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        NearestNeighbours exact = vectors.exactSearch();
        List<float[]> timed = queries.subList(WARMUP, queries.size());
        int[] timedSelves = Arrays.copyOfRange(selves, WARMUP, selves.length);
        int[] none = new int[pairs.size()];
        Arrays.fill(none, -1);
        for (int k : new int[] {10, 100}) {
            List<Set<Integer>> truth = neighbourSets(exact, timed, timedSelves, k);
            List<Set<Integer>> pairTruth = neighbourSets(exact, pairs, none, k);
            for (int searchBeam : k == 10 ? new int[] {10, 20, 30, 40, 60, 100} : new int[] {100, 150}) {
                try (HnswIndex index = HnswIndex.open(vectors, dir, searchBeam)) {
                    long[] times = time(queries, q -> sink(index.search(q, k + 1).size()));
                    double recall = recall(neighbourSets(index, timed, timedSelves, k), truth);
                    double pairRecall = recall(neighbourSets(index, pairs, none, k), pairTruth);
                    System.out.printf(Locale.ROOT, "| %d | %d | %.3f | %.0f µs | %.0f µs | %.3f |%n", k, searchBeam,
                            recall, median(times) / 1e3, percentile(times, 0.99) / 1e3, pairRecall);
                }
            }
        }
    }

    /** The rows of each query's k nearest neighbours, leaving out the query's own row (selves[i], or -1). */
    static List<Set<Integer>> neighbourSets(NearestNeighbours search, List<float[]> queries, int[] selves, int k) {
        List<Set<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Set<Integer> rows = new HashSet<>();
            for (Neighbour hit : search.search(queries.get(i), k + 1)) {
                if (hit.index() != selves[i] && rows.size() < k) {
                    rows.add(hit.index());
                }
            }
            sets.add(rows);
        }
        return sets;
    }

    static double recall(List<Set<Integer>> found, List<Set<Integer>> truth) {
        long hits = 0;
        long total = 0;
        for (int i = 0; i < truth.size(); i++) {
            total += truth.get(i).size();
            for (int row : found.get(i)) {
                hits += truth.get(i).contains(row) ? 1 : 0;
            }
        }
        return hits / (double) total;
    }

    static List<float[]> pairQueries(WordVectors vectors, int count, long seed) {
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
