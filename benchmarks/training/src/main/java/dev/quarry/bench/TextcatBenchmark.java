package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.training.LearningCurve;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import dev.quarry.training.WordClusters;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 20 Newsgroups (bydate), headers stripped (everything before the first blank line): trains each named configuration
 * on train and scores test. Usage: TextcatBenchmark DATA_DIR GLOVE_FILE WORK_DIR CONFIG... (see {@link
 * #settings}; {@code curve:CONFIG} runs a learning curve of CONFIG). Settings are chosen without test: {@code
 * dev:CONFIG} trains on a seeded 90% of train (seed 42) and scores the other 10%, {@code late:CONFIG} holds out the
 * latest 10% of each group's posts (by article number, as bydate's test is later than its train).
 */
public final class TextcatBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path glove = Path.of(args[1]);
        Path work = Path.of(args[2]);
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("curve:")) {
                curve(args[i].substring("curve:".length()), data, glove, work);
                continue;
            }
            String split = args[i].startsWith("dev:") || args[i].startsWith("late:")
                    ? args[i].substring(0, args[i].indexOf(':')) : "test";
            String config = args[i].substring(split.equals("test") ? 0 : split.length() + 1);
            char headers = headers(config);
            List<List<TextcatExample>> trainTest = split(data, headers, split);
            List<TextcatExample> train = trainTest.get(0);
            List<TextcatExample> test = trainTest.get(1);
            System.out.printf(Locale.ROOT, "%ntrain %d docs, %s %d docs (headers: %s)%n", train.size(), split,
                    test.size(), headers == 'k' ? "kept" : headers == 's' ? "stripped, Subject kept" : "stripped");
            TextcatSettings settings = settings(config);
            Map<String, WordClusters> clusters = NerBenchmark.clusters(settings.clusters(), glove, work);
            long t0 = System.nanoTime();
            TextcatModel model = train(new TextcatTrainer(settings, clusters), train, config.endsWith("-mlt"));
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            TextcatEvaluation e = model.evaluate(test);
            System.out.printf(Locale.ROOT, "%n### config %s: %s%ntrain %.0f s%n", args[i], settings, trainSeconds);
            System.out.printf(Locale.ROOT, "| accuracy | macro F1 | macro AUC |%n| %.2f | %.2f | %.2f |%n",
                    100 * e.accuracy(), 100 * e.macroF1(), 100 * e.macroAuc());
            System.out.println(e.table());
        }
    }

    /**
     * Train and the texts to score: {@code test} bydate's train and test; {@code dev} a seeded 90% of train and the
     * rest; {@code late} per group the posts of train up to the latest 10% by article number, and those.
     */
    static List<List<TextcatExample>> split(Path data, char headers, String split) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<TextcatExample> train = read(data.resolve("train.jsonl"), headers, ids);
        if (split.equals("test")) {
            return List.of(train, read(data.resolve("test.jsonl"), headers, new ArrayList<>()));
        }
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, train.size()).boxed().toList());
        java.util.Collections.shuffle(order, new java.util.Random(42));
        java.util.Set<Integer> heldOut = new java.util.HashSet<>();
        if (split.equals("dev")) {
            heldOut.addAll(order.subList(order.size() * 9 / 10, order.size()));
        } else {
            Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
            for (int i = 0; i < train.size(); i++) {
                byLabel.computeIfAbsent(train.get(i).label(), l -> new ArrayList<>()).add(i);
            }
            for (List<Integer> group : byLabel.values()) {
                group.sort(java.util.Comparator.comparing(ids::get));
                heldOut.addAll(group.subList(group.size() * 9 / 10, group.size()));
            }
        }
        List<TextcatExample> rest = new ArrayList<>();
        List<TextcatExample> held = new ArrayList<>();
        for (int i : order) {
            (heldOut.contains(i) ? held : rest).add(train.get(i));
        }
        return List.of(rest, held);
    }

    /**
     * A learning curve of one config, or of several separated by commas (the first's metrics unprefixed, the others'
     * prefixed by their name): 25/50/75/100% of train (nested, seed 42), always scored on all of test; writes {@code
     * curve-<configs joined by +>.json} and {@code .svg} to the work directory. The headers are the first config's.
     */
    static void curve(String configs, Path data, Path glove, Path work) throws Exception {
        List<String> names = List.of(configs.split(","));
        char headers = headers(names.get(0));
        List<TextcatExample> train = read(data.resolve("train.jsonl"), headers, new ArrayList<>());
        List<TextcatExample> test = read(data.resolve("test.jsonl"), headers, new ArrayList<>());
        Map<String, TextcatTrainer> trainers = new java.util.LinkedHashMap<>();
        for (String name : names) {
            TextcatSettings settings = settings(name);
            trainers.put(name, new TextcatTrainer(settings, NerBenchmark.clusters(settings.clusters(), glove, work)));
            System.out.printf(Locale.ROOT, "%ncurve config %s: %s%n", name, settings);
        }
        LearningCurve.Result curve = LearningCurve.run(train, test, (subset, eval) -> {
            Map<String, Double> metrics = new java.util.LinkedHashMap<>();
            trainers.forEach((name, trainer) -> {
                String prefix = name.equals(names.get(0)) ? "" : name + " ";
                long t0 = System.nanoTime();
                TextcatEvaluation e = trainer.train(subset).evaluate(eval);
                metrics.put(prefix + "accuracy", e.accuracy());
                metrics.put(prefix + "macro F1", e.macroF1());
                metrics.put(prefix + "macro AUC", e.macroAuc());
                System.out.printf(Locale.ROOT, "  %s, %d texts: accuracy %.4f (%.0f s)%n", name, subset.size(),
                        e.accuracy(), (System.nanoTime() - t0) / 1e9);
            });
            return metrics;
        }, LearningCurve.QUARTERS, 42);
        System.out.printf(Locale.ROOT, "%n### learning curve %s%n%s%n%s%n", configs, curve.table(),
                curve.toJson().toPrettyString());
        List<String> plotted = new ArrayList<>(List.of("accuracy", "macro F1"));
        names.subList(1, names.size()).forEach(name -> plotted.addAll(List.of(name + " accuracy",
                name + " macro F1")));
        Files.createDirectories(work);
        String file = "curve-" + configs.replace(',', '+');
        Files.writeString(work.resolve(file + ".json"), curve.toJson().toPrettyString() + "\n");
        Files.writeString(work.resolve(file + ".svg"), curve.svg("20 Newsgroups (bydate test), " + configs,
                plotted));
    }

    /**
     * A config name: {@code default} is {@link TextcatSettings#svmWithComplementNb()} itself (what {@code quarry
     * train --textcat} trains, there with the seed of {@code --seed}); otherwise learner ({@code nb} OpenNLP naive Bayes, {@code cnb} complement naive Bayes, {@code p}
     * perceptron, {@code q} L-BFGS maxent, {@code m} GIS maxent, {@code svm} linear SVM with C = 1, {@code sc} SVM
     * times complement NB, C = 1), n-gram length, then flags: {@code b} presence,
     * {@code c} k=256 clusters, {@code t} tf-idf values, {@code l2} L1 0 / L2 1. Suffixes: {@code -cN} cutoff,
     * {@code -wN} first N words, {@code -aX} alpha, {@code -lX} L2 cost (L1 0; the SVMs' C is 1/X), {@code -iN} iterations, {@code -gN} character n-grams of lengths 3 to N inside words, {@code -hs}
     * headers stripped but the Subject line kept, {@code -hk} headers kept, {@code -ml} multi-label (one-vs-rest,
     * thresholds 0.5), {@code -mlt} multi-label with thresholds tuned on a held-out 10% of train. {@code nb2b-c3-w1000}: nb2b, cutoff 3,
     * first 1000 words.
     */
    static TextcatSettings settings(String name) {
        if (name.equals("default")) {
            return TextcatSettings.svmWithComplementNb();
        }
        int dash = name.lastIndexOf('-');
        if (dash > 0) {
            TextcatSettings base = settings(name.substring(0, dash));
            String suffix = name.substring(dash + 1);
            String value = suffix.substring(1);
            return switch (suffix.charAt(0)) {
                case 'c' -> base.withLearner(base.algorithm(), base.iterations(), Integer.parseInt(value));
                case 'w' -> base.withMaxWords(Integer.parseInt(value));
                case 'a' -> base.withAlpha(Double.parseDouble(value));
                case 'l' -> base.withCosts(0, Double.parseDouble(value));
                case 'i' -> base.withLearner(base.algorithm(), Integer.parseInt(value), base.cutoff());
                case 'g' -> base.withCharNgrams(Integer.parseInt(value));
                case 'h' -> base;
                case 'm' -> base.withMode(TextcatMode.MULTI_LABEL, 0.5);
                default -> throw new IllegalArgumentException("unknown suffix -" + suffix);
            };
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(cnb|nb|svm|sc|p|q|m)([123])(b?)(c?)(t?)(l2)?")
                .matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown config " + name);
        }
        TextcatSettings nb = TextcatSettings.naiveBayesBagOfWords();
        TextcatSettings base = switch (m.group(1)) {
            case "nb" -> nb;
            case "cnb" -> nb.withLearner("COMPLEMENT_NB", 100, 0);
            case "p" -> nb.withLearner("PERCEPTRON", 100, 0);
            case "q" -> nb.withLearner("MAXENT_QN", 100, 0);
            case "svm" -> nb.withCosts(0, 1).withLearner("LINEAR_SVM", 1000, 0);
            case "sc" -> nb.withCosts(0, 1).withLearner("SVM_CNB", 1000, 0);
            default -> nb.withLearner("MAXENT", 100, 0);
        };
        base = base.withFeatures(Integer.parseInt(m.group(2)), !m.group(3).isEmpty(), false,
                m.group(4).isEmpty() ? List.of() : List.of("k256")).withTfidf(!m.group(5).isEmpty());
        return m.group(6) == null ? base : base.withCosts(0, 1);
    }

    /**
     * Trains on all of train, or ({@code tune}, multi-label) on a seeded 90% with the thresholds tuned on the other
     * 10%.
     */
    static TextcatModel train(TextcatTrainer trainer, List<TextcatExample> train, boolean tune) {
        if (!tune) {
            return trainer.train(train);
        }
        List<TextcatExample> shuffled = new ArrayList<>(train);
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        int cut = shuffled.size() * 9 / 10;
        return trainer.train(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
    }

    /** {@code s} (Subject kept), {@code k} (headers kept) or {@code x} (stripped) from a config's -h suffix. */
    static char headers(String name) {
        for (String part : name.split("-")) {
            if (part.length() == 2 && part.charAt(0) == 'h') {
                return part.charAt(1);
            }
        }
        return 'x';
    }

    /** Header stripping: the text after the first blank line (the whole text when there is none). */
    static String body(String post) {
        int blank = post.indexOf("\n\n");
        return blank < 0 ? post : post.substring(blank + 2);
    }

    /** The text as the header mode wants it: stripped, stripped but the Subject line kept, or whole. */
    static String text(String post, char headers) {
        if (headers == 'k') {
            return post;
        }
        String body = body(post);
        if (headers != 's') {
            return body;
        }
        int blank = post.indexOf("\n\n");
        String head = blank < 0 ? "" : post.substring(0, blank);
        for (String line : head.split("\n")) {
            if (line.startsWith("Subject:")) {
                return line.substring("Subject:".length()).trim() + "\n\n" + body;
            }
        }
        return body;
    }

    /** The posts of a jsonl file as examples. */
    static List<TextcatExample> read(Path file, char headers) throws Exception {
        return read(file, headers, new ArrayList<>());
    }

    /** The posts of a jsonl file as examples; adds each post's article number to {@code ids}. */
    static List<TextcatExample> read(Path file, char headers, List<Long> ids) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<TextcatExample> examples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode json = mapper.readTree(line);
                examples.add(new TextcatExample(text(json.get("text").asText(), headers), json.get("label").asText()));
                ids.add(Long.parseLong(json.get("id").asText().replaceAll("\\D", "")));
            }
        }
        return examples;
    }
}
