package dev.quarry.bench;

import dev.quarry.model.ModelPackage;
import dev.quarry.text.Language;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * What a text classifier costs on 20 Newsgroups (bydate, headers stripped): training time, {@code textcat.bin} bytes
 * (and a package of only that classifier, zipped), load time, retained heap and scoring throughput (1 thread and all
 * cores) over the test texts. Usage: TextcatCostBenchmark DATA_DIR WORK_DIR CONFIG... where CONFIG is a {@link
 * TextcatBenchmark#settings} name or {@code opennlp-nb}: plain OpenNLP {@code DocumentCategorizerME}, naive Bayes over
 * whitespace tokens, cutoff 0 (its best setting in OPENNLP-NOTES). Single-thread rows report the measuring thread's
 * CPU time beside the wall time (the machine is shared); all-cores rows are wall time.
 */
public final class TextcatCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A trained classifier of one kind: its file, how to load it, and how a loaded one labels a text. */
    interface Subject {
        byte[] bytes();

        Object load(byte[] bytes) throws IOException;

        /** A labeller per thread over a loaded model. */
        Supplier<Function<String, String>> labeller(Object loaded);

        /** The zipped package of only this classifier (null where there is none). */
        Path packageZip(Path dir) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path work = Path.of(args[1]).resolve("textcat-cost");
        Files.createDirectories(work);
        List<TextcatExample> train = TextcatBenchmark.read(data.resolve("train.jsonl"), 'x');
        List<TextcatExample> test = TextcatBenchmark.read(data.resolve("test.jsonl"), 'x');
        long testBytes = test.stream().mapToLong(e -> e.text().getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf(Locale.ROOT, "train %d texts, test %d texts (%.2f MB UTF-8, headers stripped), %d cores%n",
                train.size(), test.size(), testBytes / 1e6, Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            rows.add(measure(args[i], train, test, testBytes, work));
        }
        System.out.println();
        System.out.println("| config | train s (CPU / wall) | textcat.bin bytes | package zip bytes | load ms | package "
                + "load ms | retained heap MB | accuracy | docs/s 1 thread (CPU) | MB/s 1 thread (CPU) | docs/s all "
                + "cores | MB/s all cores |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String measure(String config, List<TextcatExample> train, List<TextcatExample> test,
                                  long testBytes, Path work) throws Exception {
        System.out.printf(Locale.ROOT, "%n### %s%n", config);
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Subject subject = config.equals("opennlp-nb") ? openNlp(train) : quarry(config, train);
        double trainCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double trainWall = (System.nanoTime() - wall0) / 1e9;
        byte[] bytes = subject.bytes();
        Path bin = work.resolve(config + ".bin");
        Files.write(bin, bytes);
        entries(bin);
        Path zip = subject.packageZip(work.resolve(config + "-package"));
        double packageLoadMs = zip == null ? Double.NaN : packageLoadMs(zip);
        long before = usedHeap();
        long t0 = System.nanoTime();
        Object loaded = subject.load(bytes);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long heap = usedHeap() - before;
        Supplier<Function<String, String>> labellers = subject.labeller(loaded);
        double accuracy = accuracy(labellers.get(), test);
        double[] single = singleThread(labellers.get(), test);
        double allWall = allCores(labellers, test);
        int n = test.size();
        System.out.printf(Locale.ROOT, "train %.1f s CPU, %.1f s wall; %d bytes; load %.0f ms; heap %.1f MB; accuracy "
                + "%.2f; 1 thread %.2f s CPU %.2f s wall; all cores %.2f s wall%n", trainCpu, trainWall, bytes.length,
                loadMs, heap / 1e6, 100 * accuracy, single[0], single[1], allWall);
        return String.format(Locale.ROOT, "| %s | %.1f / %.1f | %,d | %s | %.0f | %s | %.1f | %.2f | %,.0f | %.2f | "
                + "%,.0f | %.2f |", config, trainCpu, trainWall, bytes.length, zip == null ? "" : String.format(
                Locale.ROOT, "%,d", Files.size(zip)), loadMs, zip == null ? "" : String.format(Locale.ROOT, "%.0f",
                packageLoadMs), heap / 1e6, 100 * accuracy, n / single[0], testBytes / 1e6 / single[0], n / allWall,
                testBytes / 1e6 / allWall);
    }

    private static Subject quarry(String config, List<TextcatExample> train) throws IOException {
        TextcatSettings settings = TextcatBenchmark.settings(config);
        System.out.println(settings);
        TextcatModel model = new TextcatTrainer(settings, Map.of()).train(train);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        byte[] bytes = out.toByteArray();
        return new Subject() {
            @Override
            public byte[] bytes() {
                return bytes;
            }

            @Override
            public Object load(byte[] b) throws IOException {
                return TextcatModel.load(new ByteArrayInputStream(b), settings, Map.of());
            }

            @Override
            public Supplier<Function<String, String>> labeller(Object loaded) {
                TextcatModel m = (TextcatModel) loaded;
                return () -> text -> m.predict(new TextcatExample(text, null, List.of()));
            }

            @Override
            public Path packageZip(Path dir) throws Exception {
                Path zip = dir.resolveSibling(dir.getFileName() + ".zip");
                Files.deleteIfExists(zip);
                ModelPackage.builder(Language.ENGLISH).textcat(model).build().save(zip);
                return zip;
            }
        };
    }

    private static Subject openNlp(List<TextcatExample> train) throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (TextcatExample e : train) {
            samples.add(new DocumentSample(e.label(), tokens(e.text())));
        }
        Collections.shuffle(samples, new java.util.Random(42));
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "NAIVEBAYES");
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        DoccatModel model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params,
                new DoccatFactory());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.serialize(out);
        byte[] bytes = out.toByteArray();
        return new Subject() {
            @Override
            public byte[] bytes() {
                return bytes;
            }

            @Override
            public Object load(byte[] b) throws IOException {
                return new DoccatModel(new ByteArrayInputStream(b));
            }

            @Override
            public Supplier<Function<String, String>> labeller(Object loaded) {
                return () -> {
                    DocumentCategorizerME categorizer = new DocumentCategorizerME((DoccatModel) loaded);
                    return text -> categorizer.getBestCategory(categorizer.categorize(tokens(text)));
                };
            }

            @Override
            public Path packageZip(Path dir) {
                return null;
            }
        };
    }

    private static String[] tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static void entries(Path bin) throws IOException {
        try (ZipFile zip = new ZipFile(bin.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                System.out.printf(Locale.ROOT, "  entry %s: %,d bytes, %,d compressed%n", e.getName(), e.getSize(),
                        e.getCompressedSize());
            }
        }
    }

    private static double packageLoadMs(Path zip) throws Exception {
        ModelPackage.load(zip); // warm the classes
        long t0 = System.nanoTime();
        ModelPackage.load(zip);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double accuracy(Function<String, String> labeller, List<TextcatExample> test) {
        long right = test.stream().filter(e -> e.label().equals(labeller.apply(e.text()))).count();
        return (double) right / test.size();
    }

    /** The faster of two passes: {CPU seconds, wall seconds} of the calling thread. */
    private static double[] singleThread(Function<String, String> labeller, List<TextcatExample> test) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int pass = 0; pass < 2; pass++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            int labelled = 0;
            for (TextcatExample e : test) {
                labelled += labeller.apply(e.text()) == null ? 0 : 1;
            }
            if (labelled != test.size()) {
                throw new IllegalStateException("unlabelled texts");
            }
            best[0] = Math.min(best[0], (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
            best[1] = Math.min(best[1], (System.nanoTime() - wall0) / 1e9);
        }
        return best;
    }

    /** The faster of two passes over all cores (the common fork-join pool plus the caller), wall seconds. */
    private static double allCores(Supplier<Function<String, String>> labellers, List<TextcatExample> test) {
        ThreadLocal<Function<String, String>> perThread = ThreadLocal.withInitial(labellers);
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 2; pass++) {
            long wall0 = System.nanoTime();
            long labelled = IntStream.range(0, test.size()).parallel()
                    .filter(i -> perThread.get().apply(test.get(i).text()) != null).count();
            if (labelled != test.size()) {
                throw new IllegalStateException("unlabelled texts");
            }
            best = Math.min(best, (System.nanoTime() - wall0) / 1e9);
        }
        return best;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
