package dev.quarry.bench;

import dev.quarry.matching.Matcher;
import dev.quarry.training.ConllReader;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerFeature;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.SpanCounts;
import dev.quarry.training.WordClusters;
import dev.quarry.vectors.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CoNLL-2003 NER: trains each named configuration on eng.train and scores testa and testb (exact-span F1).
 * Usage: NerBenchmark DATA_DIR GLOVE_FILE WORK_DIR [--testa-only] [--beams=N,...] CONFIG... where CONFIG is one of a,
 * a-perceptron, b, b-maxent, b3, c, c-affix, c-gaz, b3-gaz, c-gaz30, b3-gaz30, d, e, f, f-gaz, each optionally followed
 * by modifiers ({@link #settings}), or {@code prepare} (compute the k=64/256/1024 clusters only).
 * {@code --testa-only} skips testb (for selecting settings on the dev set); {@code --beams} also scores testa with
 * those beam sizes, without retraining; {@code --vote} also scores the majority vote of all the configs' models
 * ({@link NerEnsemble}). testa predictions are written to WORK_DIR/testa-CONFIG.txt.
 */
public final class NerBenchmark {

    private static final long SEED = 42;
    private static final int KMEANS_ITERATIONS = 10;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path glove = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Files.createDirectories(work);
        List<NerExample> train = ConllReader.read(data.resolve("eng.train"), IobScheme.IOB1);
        List<NerExample> testa = ConllReader.read(data.resolve("eng.testa"), IobScheme.IOB1);
        List<NerExample> testb = ConllReader.read(data.resolve("eng.testb"), IobScheme.IOB1);
        System.out.printf(Locale.ROOT, "train %d sentences, testa %d, testb %d%n", train.size(), testa.size(),
                testb.size());
        boolean scoreTestb = true;
        boolean vote = false;
        List<NerModel> models = new ArrayList<>();
        List<Integer> beams = List.of();
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("prepare")) {
                clusters(List.of("k64", "k256", "k1024"), glove, work);
                continue;
            }
            if (args[i].equals("--testa-only")) {
                scoreTestb = false;
                continue;
            }
            if (args[i].equals("--vote")) {
                vote = true;
                continue;
            }
            if (args[i].startsWith("--beams=")) {
                beams = java.util.Arrays.stream(args[i].substring(8).split(",")).map(Integer::valueOf).toList();
                continue;
            }
            NerSettings settings = settings(args[i]);
            Map<String, WordClusters> clusters = clusters(settings.clusters(), glove, work);
            long t0 = System.nanoTime();
            Matcher matcher = settings.patternFeatures()
                    ? Gazetteers.matcher(data.getParent().resolve("corpora-lists"), args[i].contains("gaz30")) : null;
            NerModel model = new NerTrainer(settings, clusters, matcher).train(train);
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            List<List<dev.quarry.training.EntitySpan>> predicted = model.predictExamples(testa);
            NerEvaluation a = NerEvaluation.of(testa.stream().map(NerExample::spans).toList(), predicted);
            double predictSeconds = (System.nanoTime() - t1) / 1e9;
            NerEvaluation b = scoreTestb ? model.evaluate(testb) : null;
            report(args[i], settings, a, b, trainSeconds, predictSeconds);
            for (int beam : beams) {
                NerEvaluation e = model.withBeamSize(beam).evaluate(testa);
                System.out.printf(Locale.ROOT, "testa with beam %d: %.2f%n", beam, 100 * e.micro().f1());
            }
            dump(work.resolve("testa-" + args[i].replaceAll("[^A-Za-z0-9_.+-]", "_") + ".txt"), testa, predicted);
            if (vote) {
                models.add(model);
            }
        }
        if (vote) {
            NerEnsemble ensemble = new NerEnsemble(models);
            report("vote of the " + models.size() + " models above", models.getFirst().settings(),
                    ensemble.evaluate(testa), scoreTestb ? ensemble.evaluate(testb) : null, 0, 0);
        }
    }

    /** testa as {@code word gold predicted} lines (IOB2), a blank line between sentences, for error analysis. */
    private static void dump(Path file, List<NerExample> gold, List<List<dev.quarry.training.EntitySpan>> predicted)
            throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < gold.size(); s++) {
            List<String> tokens = gold.get(s).tokens();
            String[] g = tags(tokens.size(), gold.get(s).spans());
            String[] p = tags(tokens.size(), predicted.get(s));
            for (int i = 0; i < tokens.size(); i++) {
                out.append(tokens.get(i)).append(' ').append(g[i]).append(' ').append(p[i]).append('\n');
            }
            out.append('\n');
        }
        Files.writeString(file, out);
    }

    private static String[] tags(int length, List<dev.quarry.training.EntitySpan> spans) {
        String[] tags = new String[length];
        java.util.Arrays.fill(tags, "O");
        for (var span : spans) {
            for (int i = span.start(); i < span.end(); i++) {
                tags[i] = (i == span.start() ? "B-" : "I-") + span.label();
            }
        }
        return tags;
    }

    /**
     * The settings of a config name: a base config, then modifiers: {@code +F} / {@code ~F} switch an optional
     * feature on / off (hist, cbi, csh, head, poc, topic, ctx), {@code @itN} sets the iterations, {@code @beamN} the
     * beam size, {@code &kNsM} adds k-means clusters with k=N and seed M (the seed part optional, default 42).
     */
    static NerSettings settings(String name) {
        String[] parts = name.split("(?=[+~@&])");
        NerSettings settings = base(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("@it")) {
                settings = settings.withLearner(settings.algorithm(), Integer.parseInt(part.substring(3)),
                        settings.cutoff());
            } else if (part.startsWith("@qn")) {
                settings = settings.withLearner("MAXENT_QN", Integer.parseInt(part.substring(3)), 0);
            } else if (part.startsWith("@beam")) {
                settings = settings.withBeamSize(Integer.parseInt(part.substring(5)));
            } else if (part.startsWith("&")) {
                List<String> clusters = new ArrayList<>(settings.clusters());
                clusters.add(part.substring(1));
                settings = settings.withClusters(clusters, settings.clusterWindow());
            } else {
                settings = settings.with(feature(part.substring(1)), part.charAt(0) == '+');
            }
        }
        return settings;
    }

    private static NerFeature feature(String shortName) {
        return switch (shortName) {
            case "hist" -> NerFeature.PLAIN_HISTORY;
            case "cbi" -> NerFeature.CLUSTER_BIGRAMS;
            case "csh" -> NerFeature.CLUSTER_SHAPE;
            case "head" -> NerFeature.TRUECASE_HEADLINES;
            case "poc" -> NerFeature.OUTCOME_CLUSTERS;
            case "topic" -> NerFeature.DOCUMENT_TOPIC;
            case "ctx" -> NerFeature.CONTEXT_AGGREGATION;
            default -> throw new IllegalArgumentException("unknown feature " + shortName);
        };
    }

    /** A base config; a trailing {@code 30} (c-gaz30) only selects the 30 gazetteer lists. */
    private static NerSettings base(String name) {
        if (name.endsWith("-gaz30")) {
            return base(name.substring(0, name.length() - 2));
        }
        NerSettings defaults = NerSettings.openNlpDefaults();
        NerSettings perceptron = defaults.withLearner("PERCEPTRON", 300, 0);
        NerSettings b3 = perceptron.withClusters(List.of("k64", "k256", "k1024"), 2);
        NerSettings c = b3.withRichFeatures(4, true, true);
        NerSettings f = c.withFeatures(List.of(NerFeature.PLAIN_HISTORY, NerFeature.CLUSTER_BIGRAMS,
                NerFeature.CLUSTER_SHAPE, NerFeature.DOCUMENT_TOPIC));
        return switch (name) {
            case "a" -> defaults;
            case "a-perceptron" -> perceptron;
            case "b" -> perceptron.withClusters(List.of("k256"), 2);
            case "b-maxent" -> defaults.withClusters(List.of("k256"), 2);
            case "b3" -> b3;
            case "c" -> c;
            case "c-affix" -> b3.withRichFeatures(4, true, false);
            case "d" -> c.withTwoPass(true);
            case "c-gaz" -> c.withPatternFeatures(true);
            case "b3-gaz" -> b3.withPatternFeatures(true);
            case "e" -> c.withTwoPass(true).withPatternFeatures(true);
            case "f" -> f;
            case "f-gaz" -> f.withPatternFeatures(true);
            default -> throw new IllegalArgumentException("unknown config " + name);
        };
    }

    private static WordVectors vectors;

    static Map<String, WordClusters> clusters(List<String> names, Path glove, Path work) throws Exception {
        Map<String, WordClusters> clusters = new LinkedHashMap<>();
        for (String name : names) {
            int s = name.indexOf('s');
            int k = Integer.parseInt(name.substring(1, s < 0 ? name.length() : s));
            long seed = s < 0 ? SEED : Long.parseLong(name.substring(s + 1));
            Path cache = work.resolve("clusters-k" + k + "-seed" + seed + "-it" + KMEANS_ITERATIONS + ".txt");
            if (!Files.exists(cache)) {
                if (vectors == null) {
                    vectors = WordVectors.load(glove);
                }
                long t0 = System.nanoTime();
                WordClusters.kMeans(vectors, k, KMEANS_ITERATIONS, seed).write(cache);
                System.out.printf(Locale.ROOT, "k-means k=%d: %.0f s (cached in %s)%n", k,
                        (System.nanoTime() - t0) / 1e9, cache.getFileName());
            }
            clusters.put(name, WordClusters.read(cache));
        }
        return clusters;
    }

    private static void report(String name, NerSettings settings, NerEvaluation a, NerEvaluation b,
                               double trainSeconds, double predictSeconds) {
        System.out.printf(Locale.ROOT, "%n### config %s: %s%n", name, settings.encode());
        System.out.printf(Locale.ROOT, "train %.0f s, predict testa+testb %.1f s%n", trainSeconds, predictSeconds);
        List<String> labels = new ArrayList<>(a.perLabel().keySet());
        StringBuilder header = new StringBuilder("| set | micro F1 | macro F1 |");
        labels.forEach(l -> header.append(' ').append(l).append(" |"));
        System.out.println(header);
        System.out.println(row("testa", a, labels));
        if (b != null) {
            System.out.println(row("testb", b, labels));
            System.out.println("testb detail:\n" + b.table());
        } else {
            System.out.println("testa detail:\n" + a.table());
        }
    }

    private static String row(String set, NerEvaluation e, List<String> labels) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f | %.2f |", set,
                100 * e.micro().f1(), 100 * e.macroF1()));
        for (String label : labels) {
            row.append(String.format(Locale.ROOT, " %.2f |",
                    100 * e.perLabel().getOrDefault(label, SpanCounts.ZERO).f1()));
        }
        return row.toString();
    }
}
