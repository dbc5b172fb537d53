import dev.quarry.training.ConllReader;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerFeature;
import dev.quarry.training.NerSettings;
import dev.quarry.training.SpanCounts;
import dev.quarry.training.WordClusters;
import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** What the binary and bootstrap benchmarks share: CoNLL data, learner settings, clusters, result rows. */
final class BenchData {

    static final List<String> LABELS = List.of("LOC", "MISC", "ORG", "PER");

    private BenchData() {
    }

    static List<NerExample> read(Path conll, String file) throws IOException {
        return ConllReader.read(conll.resolve(file), IobScheme.IOB1);
    }

    /** The documents of {@code examples} in a seeded random order. */
    static List<List<NerExample>> shuffledDocuments(List<NerExample> examples, long seed) {
        List<List<NerExample>> documents = new ArrayList<>(NerExample.documents(examples));
        Collections.shuffle(documents, new Random(seed));
        return documents;
    }

    /**
     * a: OpenNLP's defaults (maxent 100 iterations, cutoff 5); b: averaged perceptron 300 / cutoff 0 with k=256 GloVe
     * clusters in a +-2 window (the best plain-OpenNLP setting in OPENNLP-NOTES); f: Quarry's recommended NER
     * settings, {@code quarry train --ner-features f} (benchmarks/training: perceptron 300 / cutoff 0, k=64, 256 and
     * 1024 clusters, affixes, shapes, document features, cluster bigrams, cluster x shape, document topic).
     */
    static NerSettings settings(String name) {
        return switch (name) {
            case "a" -> NerSettings.openNlpDefaults();
            case "b" -> NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0)
                    .withClusters(List.of("k256"), 2);
            case "f" -> NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0)
                    .withClusters(List.of("k64", "k256", "k1024"), 2).withRichFeatures(4, true, true)
                    .withFeatures(List.of(NerFeature.PLAIN_HISTORY, NerFeature.CLUSTER_BIGRAMS,
                            NerFeature.CLUSTER_SHAPE, NerFeature.DOCUMENT_TOPIC));
            default -> throw new IllegalArgumentException("settings must be a, b or f, got " + name);
        };
    }

    /**
     * The clusters the settings name ({@code kN}), k-means over GloVe (seed 42, 10 iterations), cached in
     * {@code work}; with {@code vote}, also those {@link NerEnsemble#EXTRA_CLUSTERS} names (a vote's fifth member).
     */
    static Map<String, WordClusters> clusters(NerSettings settings, Path glove, Path work, boolean vote)
            throws IOException {
        List<String> names = new ArrayList<>(settings.clusters());
        if (vote && !names.isEmpty() && !names.contains(NerEnsemble.EXTRA_CLUSTERS)) {
            names.add(NerEnsemble.EXTRA_CLUSTERS);
        }
        Files.createDirectories(work);
        Map<String, WordClusters> clusters = new LinkedHashMap<>();
        WordVectors vectors = null;
        for (String name : names) {
            int k = Integer.parseInt(name.substring(1));
            Path cache = work.resolve("clusters-k" + k + "-seed42-it10.txt");
            if (!Files.exists(cache)) {
                vectors = vectors == null ? WordVectors.load(glove) : vectors;
                long t0 = System.nanoTime();
                WordClusters.kMeans(vectors, k, 10, 42).write(cache);
                System.out.printf(Locale.ROOT, "k-means k=%d: %.0f s%n", k, (System.nanoTime() - t0) / 1e9);
            }
            clusters.put(name, WordClusters.read(cache));
        }
        return clusters;
    }

    static String header() {
        return "| run | testb F1 | P | R | LOC | MISC | ORG | PER | train s |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }

    static String row(String name, NerEvaluation e, double seconds) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |", name,
                100 * e.micro().f1(), 100 * e.micro().precision(), 100 * e.micro().recall()));
        for (String label : LABELS) {
            double f1 = e.perLabel().getOrDefault(label, SpanCounts.ZERO).f1();
            row.append(String.format(Locale.ROOT, " %.2f |", 100 * f1));
        }
        return row.append(String.format(Locale.ROOT, " %.0f |", seconds)).toString();
    }

    /** The binary benchmark's rows: testa F1 (for choosing), then testb as {@link #row}. */
    static String binaryHeader() {
        return "| run | testa F1 | testb F1 | P | R | LOC | MISC | ORG | PER | train s |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    }

    static String row(String name, NerEvaluation testa, NerEvaluation testb, double seconds) {
        return row(name + String.format(Locale.ROOT, " | %.2f", 100 * testa.micro().f1()), testb, seconds);
    }

    static NerEvaluation evaluate(List<NerExample> gold, List<List<EntitySpan>> predicted) {
        return NerEvaluation.of(gold.stream().map(NerExample::spans).toList(), predicted);
    }
}
