package dev.quarry.bench;

import dev.quarry.training.ConllReader;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.ScoredEntity;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Multi-label text classification on two label sets derived from real annotations:
 * <ul>
 *   <li>{@code 20ng}: 20 Newsgroups (headers stripped) with its hierarchy as label sets: a text of
 *       {@code comp.sys.mac.hardware} has {@code comp}, {@code comp.sys} and {@code comp.sys.mac.hardware}; a prefix
 *       is a label when it groups at least two of the 20 newsgroups (so {@code soc} and {@code comp.sys.mac}, which
 *       would only repeat their single group, are not): 20 groups + 7 parents, 1 to 3 labels per text.</li>
 *   <li>{@code conll}: CoNLL-2003 documents ({@code -DOCSTART-}), each labelled with the entity types its gold
 *       annotation contains (PER, ORG, LOC, MISC); text = its sentences, tokens joined by spaces. Trained on
 *       eng.train, thresholds tuned on eng.testa, scored on eng.testb.</li>
 * </ul>
 * {@code MULTI_LABEL} (one-vs-rest, each label's threshold tuned for F1 on held-out texts) against baselines: per-label
 * majority, the exclusive classifier of the leaf group plus its parents (20ng), and the NER's predicted entity types
 * (conll, the NER of {@link EntityFeatureBenchmark} when cached). Usage: MultiLabelBenchmark DATA_DIR GLOVE_FILE
 * WORK_DIR [20ng] [conll] [config=TEXTCAT_CONFIG].
 */
public final class MultiLabelBenchmark {

    static final long SEED = 42;
    static final double HELD_OUT = 0.1;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path work = Path.of(args[2]);
        String config = "cnb1t-c2-w1000-a0.01";
        List<String> sets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("config=")) {
                config = args[i].substring("config=".length());
            } else {
                sets.add(args[i]);
            }
        }
        if (sets.isEmpty()) {
            sets = List.of("20ng", "conll");
        }
        TextcatSettings settings = TextcatBenchmark.settings(config).withMode(TextcatMode.MULTI_LABEL, 0.5);
        if (sets.contains("20ng")) {
            newsgroups(data.resolve("20newsgroups-bydate"), settings, config);
        }
        if (sets.contains("conll")) {
            conll(data.resolve("conll2003-en"), work.resolve("entities/ner-" + EntityFeatureBenchmark.NER_CONFIG
                    + ".bin"), settings, config);
        }
    }

    static void newsgroups(Path dir, TextcatSettings settings, String config) throws Exception {
        List<TextcatExample> leafTrain = TextcatBenchmark.read(dir.resolve("train.jsonl"), 'x');
        List<TextcatExample> leafTest = TextcatBenchmark.read(dir.resolve("test.jsonl"), 'x');
        Map<String, Set<String>> hierarchy = hierarchy(leafTrain.stream().map(TextcatExample::label).toList());
        List<TextcatExample> train = withLabelSets(leafTrain, hierarchy);
        List<TextcatExample> test = withLabelSets(leafTest, hierarchy);
        Set<String> labels = new TreeSet<>();
        hierarchy.values().forEach(labels::addAll);
        System.out.printf(Locale.ROOT, "%n## 20 Newsgroups hierarchy: %d labels %s; train %d, test %d texts, "
                + "%.2f labels per test text%n", labels.size(), labels, train.size(), test.size(), cardinality(test));
        header();
        report("majority per label", test, majority(train, test));
        long t0 = System.nanoTime();
        TextcatSettings exclusive = settings.withMode(TextcatMode.EXCLUSIVE, 0.5).withAlpha(1.0);
        TextcatModel leaves = new TextcatTrainer(exclusive, Map.of()).train(leafTrain);
        List<Map<String, Double>> leafScores = leafTest.stream().map(leaves::scores).toList();
        Scored derived = derived(leafScores, hierarchy, labels);
        report(String.format(Locale.ROOT, "exclusive leaf (%s) + its parents (%.0f s)", exclusive.algorithm(),
                seconds(t0)), test, derived);
        Scored oneVsRest = multiLabel(settings, train, test);
        report(config + " MULTI_LABEL, tuned thresholds", test, oneVsRest);
        shapes(oneVsRest, hierarchy);
        report(config + " MULTI_LABEL scores, best group + its parents", test, bestGroup(oneVsRest, hierarchy));
    }

    /**
     * How the one-vs-rest label sets look against the tree: texts given no group, several groups, and sets not
     * closed under parents (a label without one of its parents that is a label).
     */
    private static void shapes(Scored scored, Map<String, Set<String>> hierarchy) {
        int noGroup = 0;
        int severalGroups = 0;
        int open = 0;
        Set<String> labels = new TreeSet<>();
        hierarchy.values().forEach(labels::addAll);
        for (Map<String, Double> scores : scored.scores()) {
            Set<String> predicted = new TreeSet<>();
            scores.forEach((label, score) -> {
                if (score >= scored.thresholds().get(label)) {
                    predicted.add(label);
                }
            });
            long groups = predicted.stream().filter(hierarchy::containsKey).count();
            noGroup += groups == 0 ? 1 : 0;
            severalGroups += groups > 1 ? 1 : 0;
            open += predicted.stream().anyMatch(label -> labels.stream().anyMatch(parent -> label.startsWith(parent
                    + ".") && !predicted.contains(parent))) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "(one-vs-rest label sets of %d texts: %d with no group, %d with several, %d "
                + "with a label but not its parent)%n", scored.scores().size(), noGroup, severalGroups, open);
    }

    /** The one-vs-rest scores decoded with the tree: the best-scoring group and its parents; AUC from the scores. */
    private static Scored bestGroup(Scored scored, Map<String, Set<String>> hierarchy) {
        List<Map<String, Double>> decided = new ArrayList<>();
        for (Map<String, Double> scores : scored.scores()) {
            Map<String, Double> groups = new TreeMap<>(scores);
            groups.keySet().retainAll(hierarchy.keySet());
            Set<String> chosen = hierarchy.get(best(groups));
            Map<String, Double> d = new HashMap<>();
            scores.keySet().forEach(label -> d.put(label, chosen.contains(label) ? 1.0 : 0.0));
            decided.add(d);
        }
        Map<String, Double> half = new TreeMap<>();
        scored.thresholds().keySet().forEach(label -> half.put(label, 0.5));
        return new Scored(decided, half).withAuc(scored.scores());
    }

    static void conll(Path dir, Path nerFile, TextcatSettings settings, String config) throws Exception {
        List<List<NerExample>> trainDocs = NerExample.documents(ConllReader.read(dir.resolve("eng.train"),
                IobScheme.IOB1));
        List<List<NerExample>> devDocs = NerExample.documents(ConllReader.read(dir.resolve("eng.testa"),
                IobScheme.IOB1));
        List<List<NerExample>> testDocs = NerExample.documents(ConllReader.read(dir.resolve("eng.testb"),
                IobScheme.IOB1));
        List<TextcatExample> train = trainDocs.stream().map(MultiLabelBenchmark::document).toList();
        List<TextcatExample> dev = devDocs.stream().map(MultiLabelBenchmark::document).toList();
        List<TextcatExample> test = testDocs.stream().map(MultiLabelBenchmark::document).toList();
        System.out.printf(Locale.ROOT, "%n## CoNLL-2003 documents by entity types: train %d, testa (thresholds) %d, "
                + "testb %d documents, %.2f labels per testb document; share of train documents per label %s%n",
                train.size(), dev.size(), test.size(), cardinality(test), shares(train));
        header();
        report("majority per label", test, majority(train, test));
        if (Files.exists(nerFile)) {
            report("NER " + EntityFeatureBenchmark.NER_CONFIG + " (eng.train): the types it predicts", test,
                    nerTypes(NerModel.load(nerFile, null), testDocs));
        }
        long t0 = System.nanoTime();
        TextcatTrainer trainer = new TextcatTrainer(settings, Map.of());
        TextcatModel model = trainer.train(train, dev);
        report(String.format(Locale.ROOT, "%s MULTI_LABEL, thresholds tuned on testa (%.0f s)", config,
                seconds(t0)), test, new Scored(test.stream().map(model::scores).toList(), model.thresholds()));
    }

    /** The labels of each of the groups: the group and each prefix shared by at least two groups. */
    static Map<String, Set<String>> hierarchy(List<String> groups) {
        Set<String> distinct = new TreeSet<>(groups);
        Map<String, Set<String>> labels = new TreeMap<>();
        for (String group : distinct) {
            Set<String> set = new TreeSet<>();
            set.add(group);
            for (int dot = group.indexOf('.'); dot > 0; dot = group.indexOf('.', dot + 1)) {
                String prefix = group.substring(0, dot + 1);
                if (distinct.stream().filter(g -> g.startsWith(prefix)).count() >= 2) {
                    set.add(group.substring(0, dot));
                }
            }
            labels.put(group, set);
        }
        return labels;
    }

    private static List<TextcatExample> withLabelSets(List<TextcatExample> leaves, Map<String, Set<String>> sets) {
        return leaves.stream().map(e -> TextcatExample.of(e.text(), sets.get(e.label()))).toList();
    }

    /** A CoNLL document as a text with the entity types of its gold spans. */
    private static TextcatExample document(List<NerExample> sentences) {
        StringBuilder text = new StringBuilder();
        Set<String> types = new TreeSet<>();
        for (NerExample sentence : sentences) {
            text.append(String.join(" ", sentence.tokens())).append('\n');
            sentence.spans().forEach(span -> types.add(span.label()));
        }
        return TextcatExample.of(text.toString(), types);
    }

    /** Scores per text with a threshold per label, and other scores for AUC when they differ (null: the same). */
    record Scored(List<Map<String, Double>> scores, Map<String, Double> thresholds,
                  List<Map<String, Double>> aucScores) {

        Scored(List<Map<String, Double>> scores, Map<String, Double> thresholds) {
            this(scores, thresholds, null);
        }

        Scored withAuc(List<Map<String, Double>> aucScores) {
            return new Scored(scores, thresholds, aucScores);
        }
    }

    /** The one-vs-rest model, thresholds tuned on a seeded held-out 10% and then trained on all (as quarry train). */
    private static Scored multiLabel(TextcatSettings settings, List<TextcatExample> train, List<TextcatExample> test) {
        long t0 = System.nanoTime();
        TextcatTrainer trainer = new TextcatTrainer(settings, Map.of());
        Map<String, Double> thresholds = trainer.tuneThresholds(train, HELD_OUT, SEED);
        TextcatModel model = trainer.train(train).withThresholds(thresholds);
        System.out.printf(Locale.ROOT, "(multi-label: thresholds tuned and model trained in %.0f s; thresholds %s)%n",
                seconds(t0), thresholds);
        return new Scored(test.stream().map(model::scores).toList(), model.thresholds());
    }

    /** Each label predicted iff more than half of the training texts have it; its score is that share. */
    private static Scored majority(List<TextcatExample> train, List<TextcatExample> test) {
        Map<String, Double> share = shares(train);
        Map<String, Double> thresholds = new TreeMap<>();
        share.keySet().forEach(label -> thresholds.put(label, 0.5 + 1e-9));
        return new Scored(test.stream().map(t -> share).toList(), thresholds);
    }

    private static Map<String, Double> shares(List<TextcatExample> examples) {
        Map<String, Double> share = new TreeMap<>();
        examples.forEach(e -> e.labels().forEach(label -> share.merge(label, 1.0 / examples.size(), Double::sum)));
        return share;
    }

    /**
     * The exclusive leaf model's answer and its parents: scores for the counts are 1 for the labels of the best
     * leaf and 0 otherwise; for AUC each label scores the summed
     * probability of the leaves under it.
     */
    private static Scored derived(List<Map<String, Double>> leafScores, Map<String, Set<String>> hierarchy,
                                  Set<String> labels) {
        List<Map<String, Double>> decided = new ArrayList<>();
        List<Map<String, Double>> summed = new ArrayList<>();
        for (Map<String, Double> scores : leafScores) {
            Set<String> chosen = hierarchy.get(best(scores));
            Map<String, Double> d = new HashMap<>();
            Map<String, Double> s = new HashMap<>();
            for (String label : labels) {
                d.put(label, chosen.contains(label) ? 1.0 : 0.0);
                s.put(label, 0.0);
            }
            scores.forEach((leaf, p) -> hierarchy.get(leaf).forEach(label -> s.merge(label, p, Double::sum)));
            decided.add(d);
            summed.add(s);
        }
        Map<String, Double> half = new TreeMap<>();
        labels.forEach(label -> half.put(label, 0.5));
        return new Scored(decided, half).withAuc(summed);
    }

    /** The best-scoring label, the first in the map's order on ties. */
    private static String best(Map<String, Double> scores) {
        String best = null;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (best == null || e.getValue() > scores.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static void header() {
        System.out.println("| model | exact match | micro F1 | macro F1 | Hamming loss | macro AUC | leaf / parent "
                + "macro F1 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    }

    private static void report(String name, List<TextcatExample> gold, Scored scored) {
        TextcatEvaluation e = TextcatEvaluation.multiLabel(gold, scored.scores(), scored.thresholds());
        double auc = scored.aucScores() == null ? e.macroAuc()
                : TextcatEvaluation.multiLabel(gold, scored.aucScores(), scored.thresholds()).macroAuc();
        if (scored.aucScores() != null) {
            System.out.printf(Locale.ROOT, "(counts from the decided label sets; macro AUC %.2f from the scores)%n",
                    100 * auc);
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.4f | %.2f | %s |%n", name, 100 * e.accuracy(),
                100 * e.microF1(), 100 * e.macroF1(), e.hammingLoss(), 100 * auc, levels(e));
        System.out.println(e.table().lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse(""));
    }

    /** Macro F1 over the leaves (labels no other label extends) and over the parents; "-" without parents. */
    private static String levels(TextcatEvaluation e) {
        Set<String> labels = e.perLabel().keySet();
        List<Double> leaves = new ArrayList<>();
        List<Double> parents = new ArrayList<>();
        e.perLabel().forEach((label, counts) -> (labels.stream().anyMatch(l -> l.startsWith(label + "."))
                ? parents : leaves).add(counts.f1()));
        if (parents.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f", 100 * mean(leaves), 100 * mean(parents));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double cardinality(List<TextcatExample> examples) {
        return examples.stream().mapToInt(e -> e.labels().size()).average().orElse(0);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The NER's answer: a type is predicted when the NER finds an entity of it in the document, scored by the best
     * probability of such an entity (0 without one), threshold just above 0.
     */
    private static Scored nerTypes(NerModel ner, List<List<NerExample>> docs) {
        List<Map<String, Double>> scores = new ArrayList<>();
        for (List<NerExample> doc : docs) {
            Map<String, Double> best = new HashMap<>();
            ner.labels().forEach(label -> best.put(label, 0.0));
            for (List<ScoredEntity> sentence : ner.predictScored(doc.stream().map(NerExample::tokens).toList())) {
                for (ScoredEntity entity : sentence) {
                    EntitySpan span = entity.span();
                    best.merge(span.label(), entity.probability(), Math::max);
                }
            }
            scores.add(best);
        }
        Map<String, Double> thresholds = new TreeMap<>();
        ner.labels().forEach(label -> thresholds.put(label, 1e-9));
        return new Scored(scores, thresholds);
    }
}
