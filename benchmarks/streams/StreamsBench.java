import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.datasets.Session;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.PatternSet;
import dev.quarry.streams.Answer;
import dev.quarry.streams.HashKind;
import dev.quarry.streams.IndexedSource;
import dev.quarry.streams.ParagraphIndex;
import dev.quarry.streams.Reorder;
import dev.quarry.streams.Scorers;
import dev.quarry.streams.SourceOptions;
import dev.quarry.streams.Sources;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskFilters;
import dev.quarry.streams.TaskHashes;
import dev.quarry.streams.TaskSource;
import dev.quarry.streams.TaskStages;
import dev.quarry.streams.TaskWriter;
import dev.quarry.streams.WindowedOrder;
import dev.quarry.text.Tokenizer;
import java.io.BufferedReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The streams benchmarks: a plain harness, one mode per JVM (run.sh starts each with -Xmx256m). Prints one
 * "RESULT key=value ..." line per measurement; run.sh collects them.
 *
 *   generate DATA OUT MIN_MB SEED         JSONL from the 20 newsgroups texts, repeated (each copy's text made unique)
 *   reorder IN MODE WINDOW PATTERNS   MODE: read | as-is | uncertain | matches (the pipeline quarry stream runs)
 *   index CORPUS IDX PATTERNS         build a paragraph index, then time phrase queries and a full stream
 *   db LOCATION|postgres IN ROWS      db-in and db-out rows per second (Database API, batches of 1000)
 */
public final class StreamsBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]),
                    Long.parseLong(args[4]));
            case "reorder" -> reorder(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "index" -> index(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "db" -> db(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void generate(Path data, Path out, long minMb, long seed) throws Exception {
        List<Path> inputs = List.of(data.resolve("train.jsonl"), data.resolve("test.jsonl"));
        Random random = new Random(seed);
        long bytes = 0;
        long lines = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int copy = 0; bytes < minMb * 1_000_000L; copy++) {
                for (Path input : inputs) {
                    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            JsonNode in = JSON.readTree(line);
                            ObjectNode task = JSON.createObjectNode();
                            task.put("text", "Copy " + copy + ". " + in.get("text").asText());
                            task.putObject("meta").put("id", copy + "-" + in.get("id").asText())
                                    .put("group", in.get("label").asText())
                                    .put("score", Math.round(random.nextDouble() * 1000) / 1000.0);
                            String json = JSON.writeValueAsString(task) + "\n";
                            writer.write(json);
                            bytes += json.getBytes(StandardCharsets.UTF_8).length;
                            lines++;
                        }
                    }
                }
            }
        }
        System.out.printf("RESULT mode=generate tasks=%d mb=%.1f%n", lines, bytes / 1e6);
    }

    static void reorder(Path in, String mode, int window, Path patterns) throws Exception {
        long start = System.nanoTime();
        TaskSource source = Sources.open(in, SourceOptions.defaults());
        WindowedOrder windowed = null;
        if (!mode.equals("read")) {
            if (mode.equals("matches")) {
                source = TaskStages.annotate(source, matcher(patterns));
            }
            source = TaskStages.hashed(source, TaskHashes.DEFAULT);
            source = TaskFilters.dedup(source, HashKind.TASK, TaskHashes.DEFAULT);
            if (mode.equals("matches")) {
                source = windowed = Reorder.preferMatches(source, window, Reorder.defaultMaxWait(window));
            } else if (mode.equals("uncertain")) {
                source = windowed = Reorder.uncertainFirst(source, Scorers.field("meta.score"), 0.5, window,
                        Reorder.defaultMaxWait(window));
            }
        }
        long tasks = 0;
        long withSpans = 0;
        long liveMax = 0;
        long[] written = new long[1];
        try (TaskSource all = source; TaskWriter out = new TaskWriter(new CountingWriter(written))) {
            while (all.hasNext()) {
                Task task = all.next();
                out.write(task);
                tasks++;
                withSpans += task.spans().isEmpty() ? 0 : 1;
                if (tasks % LIVE_SAMPLE_EVERY == 0) {
                    liveMax = Math.max(liveMax, liveHeap());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double mb = Files.size(in) / 1e6;
        System.out.printf("RESULT mode=reorder order=%s window=%d tasks=%d with_spans=%d input_mb=%.1f "
                        + "output_mchars=%.1f seconds=%.1f mb_per_s=%.1f tasks_per_s=%.0f peak_heap_mb=%.1f "
                        + "live_heap_max_mb=%.1f max_held=%d xmx_mb=%d%n", mode, window, tasks, withSpans, mb,
                written[0] / 1e6, seconds, mb / seconds, tasks / seconds, peakHeapMb(), liveMax / 1e6,
                windowed == null ? 0 : windowed.maxHeld(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    static void index(Path corpus, Path output, Path patterns) throws Exception {
        ParagraphIndex.BuildStats stats;
        try (TaskSource tasks = Sources.open(corpus, SourceOptions.defaults().withParagraphs(true))) {
            stats = ParagraphIndex.build(tasks, output, Tokenizer.standard(), 32);
        }
        double seconds = stats.nanos() / 1e9;
        System.out.printf("RESULT mode=index-build input_mb=%.1f paragraphs=%d seconds=%.1f mb_per_s=%.2f "
                        + "paragraphs_per_s=%.0f peak_heap_mb=%.1f%n", Files.size(corpus) / 1e6, stats.paragraphs(),
                seconds, Files.size(corpus) / 1e6 / seconds, stats.paragraphs() / seconds, peakHeapMb());
        List<String> phrases = ParagraphIndex.phrases(PatternFiles.load(patterns).patterns());
        try (ParagraphIndex index = ParagraphIndex.open(output)) {
            for (int warm = 0; warm < 5; warm++) {
                index.countMatches(phrases);
            }
            double[] micros = new double[phrases.size() * 10];
            int n = 0;
            for (int round = 0; round < 10; round++) {
                for (String phrase : phrases) {
                    long t = System.nanoTime();
                    index.countMatches(List.of(phrase));
                    micros[n++] = (System.nanoTime() - t) / 1e3;
                }
            }
            Arrays.sort(micros);
            long t = System.nanoTime();
            int hits = index.countMatches(phrases);
            double allMicros = (System.nanoTime() - t) / 1e3;
            t = System.nanoTime();
            IndexedSource first = index.matchesFirst(phrases);
            for (int i = 0; i < 100 && first.hasNext(); i++) {
                first.next();
            }
            double first100Ms = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            long all = 0;
            IndexedSource stream = index.matchesFirst(phrases);
            while (stream.hasNext()) {
                stream.next();
                all++;
            }
            double streamSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("RESULT mode=index-query phrases=%d one_phrase_count_p50_us=%.0f p95_us=%.0f "
                            + "all_phrases_count_us=%.0f hits=%d first_100_ms=%.1f full_stream_paragraphs=%d "
                            + "full_stream_seconds=%.1f paragraphs_per_s=%.0f%n", phrases.size(), micros[n / 2],
                    micros[n * 95 / 100], allMicros, hits, first100Ms, all, streamSeconds, all / streamSeconds);
        }
    }

    static void db(String where, Path in, int rows) throws Exception {
        AutoCloseable server = null;
        String location = where;
        if (where.equals("postgres")) {
            var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.start();
            server = postgres;
            location = postgres.getJdbcUrl("postgres", "postgres");
        }
        try (Database database = Database.open(location)) {
            database.createDataset("bench");
            Session session = database.startSession("bench", "bench");
            long start = System.nanoTime();
            try (TaskSource tasks = Sources.open(in, SourceOptions.defaults())) {
                Iterator<Task> limited = limit(tasks, rows);
                database.add(session, limited, 1000, batch -> { });
            }
            double inSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long out = 0;
            long[] chars = new long[1];
            try (Stream<Example> examples = database.examples("bench");
                 TaskWriter writer = new TaskWriter(new CountingWriter(chars))) {
                for (Iterator<Example> it = examples.iterator(); it.hasNext(); out++) {
                    writer.write(it.next().task());
                }
            }
            double outSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT mode=db store=%s rows=%d db_in_seconds=%.1f db_in_rows_per_s=%.0f "
                            + "db_out_rows=%d db_out_seconds=%.1f db_out_rows_per_s=%.0f%n",
                    where.equals("postgres") ? "postgres" : "sqlite", rows, inSeconds, rows / inSeconds, out,
                    outSeconds, out / outSeconds);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static Iterator<Task> limit(TaskSource tasks, int rows) {
        return new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                return given < rows && tasks.hasNext();
            }

            @Override
            public Task next() {
                given++;
                return tasks.next().withAnswer(Answer.ACCEPT);
            }
        };
    }

    private static Matcher matcher(Path patterns) throws Exception {
        PatternSet set = PatternFiles.load(patterns);
        return Matcher.compile(set.patterns(), MatchOptions.defaults());
    }

    /** Tasks between two samples of the live heap (a full GC each, about 0.1 s). */
    private static final long LIVE_SAMPLE_EVERY = 50_000;

    /** The heap in use right after a full collection: what the pipeline really holds at that moment. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sum of the heap pools' peak usage since the JVM started: an upper bound of the peak heap used. */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }

    /** Counts chars written and drops them. */
    static final class CountingWriter extends Writer {
        private final long[] count;

        CountingWriter(long[] count) {
            this.count = count;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            count[0] += length;
        }

        @Override
        public void write(String s, int offset, int length) {
            count[0] += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

}
