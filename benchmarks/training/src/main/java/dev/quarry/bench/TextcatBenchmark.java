package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
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
 * on train and scores test. Usage: TextcatBenchmark DATA_DIR GLOVE_FILE WORK_DIR CONFIG... (nb1, nb2, nb2b, p1b,
 * p2b, p2bc, m2b).
 */
public final class TextcatBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path glove = Path.of(args[1]);
        Path work = Path.of(args[2]);
        List<TextcatExample> train = read(data.resolve("train.jsonl"));
        List<TextcatExample> test = read(data.resolve("test.jsonl"));
        System.out.printf(Locale.ROOT, "train %d docs, test %d docs (headers stripped)%n", train.size(), test.size());
        for (int i = 3; i < args.length; i++) {
            TextcatSettings settings = settings(args[i]);
            Map<String, WordClusters> clusters = NerBenchmark.clusters(settings.clusters(), glove, work);
            long t0 = System.nanoTime();
            TextcatModel model = new TextcatTrainer(settings, clusters).train(train);
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            TextcatEvaluation e = model.evaluate(test);
            System.out.printf(Locale.ROOT, "%n### config %s: %s%ntrain %.0f s%n", args[i], settings, trainSeconds);
            System.out.printf(Locale.ROOT, "| accuracy | macro F1 |%n| %.2f | %.2f |%n", 100 * e.accuracy(),
                    100 * e.macroF1());
            System.out.println(e.table());
        }
    }

    /** A config name, optionally with a cutoff suffix: {@code nb2b-c3} is nb2b with cutoff 3,
     * {@code nb2b-c3-w1000} that with only the first 1000 words of each text. */
    static TextcatSettings settings(String name) {
        int words = name.lastIndexOf("-w");
        if (words > 0) {
            return settings(name.substring(0, words)).withMaxWords(Integer.parseInt(name.substring(words + 2)));
        }
        int dash = name.lastIndexOf("-c");
        if (dash > 0) {
            TextcatSettings base = settings(name.substring(0, dash));
            return base.withLearner(base.algorithm(), base.iterations(), Integer.parseInt(name.substring(dash + 2)));
        }
        TextcatSettings nb = TextcatSettings.naiveBayesBagOfWords();
        TextcatSettings perceptron = nb.withLearner("PERCEPTRON", 100, 0);
        return switch (name) {
            case "nb1" -> nb;
            case "nb1b" -> nb.withFeatures(1, true, false, List.of());
            case "nb1bc" -> nb.withFeatures(1, true, false, List.of("k256"));
            case "nb2bc" -> nb.withFeatures(2, true, false, List.of("k256"));
            case "nb2" -> nb.withFeatures(2, false, false, List.of());
            case "nb2b" -> nb.withFeatures(2, true, false, List.of());
            case "p1b" -> perceptron.withFeatures(1, true, false, List.of());
            case "p2b" -> perceptron.withFeatures(2, true, false, List.of());
            case "p2bc" -> perceptron.withFeatures(2, true, false, List.of("k256"));
            case "q1b" -> nb.withLearner("MAXENT_QN", 100, 0).withFeatures(1, true, false, List.of());
            case "q2b" -> nb.withLearner("MAXENT_QN", 100, 0).withFeatures(2, true, false, List.of());
            case "q1bl2" -> nb.withLearner("MAXENT_QN", 100, 0).withFeatures(1, true, false, List.of()).withCosts(0, 1);
            case "q2bl2" -> nb.withLearner("MAXENT_QN", 100, 0).withFeatures(2, true, false, List.of()).withCosts(0, 1);
            case "m2b" -> nb.withLearner("MAXENT", 100, 0).withFeatures(2, true, false, List.of());
            default -> throw new IllegalArgumentException("unknown config " + name);
        };
    }

    /** Header stripping: the text after the first blank line (the whole text when there is none). */
    static String body(String post) {
        int blank = post.indexOf("\n\n");
        return blank < 0 ? post : post.substring(blank + 2);
    }

    private static List<TextcatExample> read(Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<TextcatExample> examples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode json = mapper.readTree(line);
                examples.add(new TextcatExample(body(json.get("text").asText()), json.get("label").asText()));
            }
        }
        return examples;
    }
}
