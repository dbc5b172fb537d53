package dev.quarry.training;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores of a text classifier.
 *
 * <p>Exclusive: accuracy over the texts with one gold label, and per label the counts of a one-vs-rest view (a text
 * of gold label A predicted as B is a false negative of A and a false positive of B), plus a confusion matrix.
 * Multi-label: each label is scored on the texts that know it ({@link TextcatExample#has}); a label is predicted
 * when its score reaches its threshold; "accuracy" is the exact-match ratio (the predicted label set equals the
 * gold set) over the texts that know every label of the model (complete gold, or a choice that showed them all). In
 * both, per-label P/R/F1 come from {@link SpanCounts}; micro F1 pools the counts of all labels, macro F1 is the mean
 * over labels; ROC AUC per label from the scores ({@link RocAuc}, NaN where a label has no positive or no negative
 * text), macro AUC the mean over labels where it is defined. The Hamming loss is the share of wrong label decisions:
 * false positives and false negatives of all labels over the decisions scored (per label, the texts that know it).
 *
 * @param mode      how the labels were predicted
 * @param perLabel  counts per label, sorted by label
 * @param auc       ROC AUC per label, sorted by label; empty when evaluated without scores
 * @param correct   texts counted correct (see above)
 * @param total     texts counted for accuracy
 * @param decisions label decisions scored: per label the texts that know it, summed (exclusive: texts x labels)
 * @param confusion gold against predicted labels (exclusive; null for multi-label)
 */
public record TextcatEvaluation(TextcatMode mode, Map<String, SpanCounts> perLabel, Map<String, Double> auc,
                                long correct, long total, long decisions, ConfusionMatrix confusion) {

    public TextcatEvaluation {
        Objects.requireNonNull(mode, "mode");
        perLabel = Collections.unmodifiableMap(new TreeMap<>(perLabel));
        auc = Collections.unmodifiableMap(new TreeMap<>(auc));
        if (correct < 0 || total < correct) {
            throw new IllegalArgumentException("need 0 <= correct <= total, got " + correct + "/" + total);
        }
        if (decisions < 0) {
            throw new IllegalArgumentException("decisions must be >= 0, got " + decisions);
        }
        if ((confusion == null) != (mode == TextcatMode.MULTI_LABEL)) {
            throw new IllegalArgumentException("a confusion matrix belongs to EXCLUSIVE evaluations only");
        }
    }

    /**
     * Scores exclusive predictions against gold labels, without scores (no AUC).
     *
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static TextcatEvaluation of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " labels but predictions have "
                    + predicted.size());
        }
        Map<String, SpanCounts> counts = new TreeMap<>();
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            if (g.equals(p)) {
                correct++;
                counts.merge(g, new SpanCounts(1, 0, 0), SpanCounts::plus);
            } else {
                counts.merge(g, new SpanCounts(0, 0, 1), SpanCounts::plus);
                counts.merge(p, new SpanCounts(0, 1, 0), SpanCounts::plus);
            }
        }
        List<String> labels = new ArrayList<>(counts.keySet());
        return new TextcatEvaluation(TextcatMode.EXCLUSIVE, counts, Map.of(), correct, gold.size(),
                (long) gold.size() * labels.size(), ConfusionMatrix.of(labels, gold, predicted));
    }

    /**
     * Scores an exclusive classifier from its scores: the prediction is the best-scoring label (the first in the
     * scores' order on ties); texts without exactly one gold label are left out.
     *
     * @param scores per text, every label's score
     */
    public static TextcatEvaluation exclusive(List<TextcatExample> gold, List<Map<String, Double>> scores) {
        sameSize(gold, scores);
        List<String> goldLabels = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Map<String, Double>> kept = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).label() != null) {
                goldLabels.add(gold.get(i).label());
                predicted.add(TextcatModel.best(scores.get(i)));
                kept.add(scores.get(i));
            }
        }
        TextcatEvaluation counts = of(goldLabels, predicted);
        TreeSet<String> labels = new TreeSet<>(counts.perLabel().keySet());
        kept.forEach(s -> labels.addAll(s.keySet()));
        Map<String, Double> auc = new TreeMap<>();
        for (String label : labels) {
            List<Double> labelScores = kept.stream().map(s -> s.getOrDefault(label, 0.0)).toList();
            auc.put(label, RocAuc.of(labelScores, goldLabels.stream().map(label::equals).toList()));
        }
        Map<String, SpanCounts> perLabel = new TreeMap<>(counts.perLabel());
        labels.forEach(label -> perLabel.putIfAbsent(label, SpanCounts.ZERO));
        return new TextcatEvaluation(TextcatMode.EXCLUSIVE, perLabel, auc, counts.correct(), counts.total(),
                counts.total() * labels.size(), ConfusionMatrix.of(new ArrayList<>(labels), goldLabels, predicted));
    }

    /**
     * Scores a multi-label classifier: label L is predicted for a text when its score reaches {@code
     * thresholds.get(L)}, and scored only on texts that know L.
     *
     * @param scores per text, every label's score
     */
    public static TextcatEvaluation multiLabel(List<TextcatExample> gold, List<Map<String, Double>> scores,
                                               Map<String, Double> thresholds) {
        sameSize(gold, scores);
        Map<String, SpanCounts> perLabel = new TreeMap<>();
        Map<String, Double> auc = new TreeMap<>();
        long decisions = 0;
        for (String label : new TreeSet<>(thresholds.keySet())) {
            SpanCounts counts = SpanCounts.ZERO;
            List<Double> labelScores = new ArrayList<>();
            List<Boolean> positive = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                Boolean has = gold.get(i).has(label);
                if (has != null) {
                    double score = scores.get(i).get(label);
                    boolean predicted = score >= thresholds.get(label);
                    counts = counts.plus(new SpanCounts(has && predicted ? 1 : 0, !has && predicted ? 1 : 0,
                            has && !predicted ? 1 : 0));
                    labelScores.add(score);
                    positive.add(has);
                }
            }
            perLabel.put(label, counts);
            auc.put(label, RocAuc.of(labelScores, positive));
            decisions += positive.size();
        }
        long correct = 0;
        long total = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (knowsAll(gold.get(i), thresholds.keySet())) {
                total++;
                correct += predictedSet(scores.get(i), thresholds).equals(gold.get(i).labels()) ? 1 : 0;
            }
        }
        return new TextcatEvaluation(TextcatMode.MULTI_LABEL, perLabel, auc, correct, total, decisions, null);
    }

    private static boolean knowsAll(TextcatExample example, Set<String> labels) {
        return labels.stream().allMatch(label -> example.has(label) != null);
    }

    private static TreeSet<String> predictedSet(Map<String, Double> scores, Map<String, Double> thresholds) {
        TreeSet<String> set = new TreeSet<>();
        thresholds.forEach((label, t) -> {
            if (scores.get(label) >= t) {
                set.add(label);
            }
        });
        return set;
    }

    private static void sameSize(List<TextcatExample> gold, List<Map<String, Double>> scores) {
        if (gold.size() != scores.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " texts but scores have " + scores.size());
        }
    }

    /** Correct / total; 0 for no texts. */
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** The counts of all labels pooled. */
    public SpanCounts micro() {
        return perLabel.values().stream().reduce(SpanCounts.ZERO, SpanCounts::plus);
    }

    public double microF1() {
        return micro().f1();
    }

    public double macroF1() {
        return perLabel.values().stream().mapToDouble(SpanCounts::f1).average().orElse(0);
    }

    /** Wrong label decisions (false positives and negatives) over {@link #decisions()}; 0 when there are none. */
    public double hammingLoss() {
        SpanCounts micro = micro();
        return decisions == 0 ? 0 : (double) (micro.falsePositives() + micro.falseNegatives()) / decisions;
    }

    /** The mean AUC over labels where it is defined; NaN when it is defined for none. */
    public double macroAuc() {
        return auc.values().stream().filter(a -> !a.isNaN()).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    /**
     * The JSON form: {@code mode}, {@code accuracy}, {@code correct}, {@code total}, {@code micro_f1},
     * {@code macro_f1}, {@code hamming_loss}, {@code macro_auc}, {@code labels} (per label {@code tp}, {@code fp},
     * {@code fn}, {@code gold}, {@code predicted}, {@code precision}, {@code recall}, {@code f1}, {@code auc}), and for
     * exclusive evaluations {@code confusion} ({@link ConfusionMatrix#toJson}). Fractions in [0, 1]; an undefined
     * AUC is null.
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("mode", mode.name()).put("accuracy", accuracy()).put("correct", correct).put("total", total)
                .put("micro_f1", microF1()).put("macro_f1", macroF1()).put("hamming_loss", hammingLoss());
        putAuc(json, "macro_auc", macroAuc());
        ObjectNode labels = json.putObject("labels");
        perLabel.forEach((label, c) -> {
            ObjectNode node = labels.putObject(label).put("tp", c.truePositives()).put("fp", c.falsePositives())
                    .put("fn", c.falseNegatives()).put("gold", c.gold()).put("predicted", c.predicted())
                    .put("precision", c.precision()).put("recall", c.recall()).put("f1", c.f1());
            putAuc(node, "auc", auc.getOrDefault(label, Double.NaN));
        });
        if (confusion != null) {
            json.set("confusion", confusion.toJson());
        }
        return json;
    }

    private static void putAuc(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /**
     * A plain-text table: per label gold, predicted, P, R, F1, AUC (percent), then accuracy, micro and macro F1,
     * macro AUC and the Hamming loss, then the confusion matrix (exclusive).
     */
    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-26s %6s %6s %7s %7s %7s %7s", "label", "gold", "pred", "P", "R", "F1",
                "AUC"));
        perLabel.forEach((label, c) -> lines.add(String.format(Locale.ROOT, "%-26s %6d %6d %7.2f %7.2f %7.2f %7s",
                label, c.gold(), c.predicted(), 100 * c.precision(), 100 * c.recall(), 100 * c.f1(),
                percent(auc.getOrDefault(label, Double.NaN)))));
        lines.add(String.format(Locale.ROOT, "%s %.2f (%d/%d), micro F1 %.2f, macro F1 %.2f, macro AUC %s, "
                        + "Hamming loss %.4f", mode == TextcatMode.EXCLUSIVE ? "accuracy" : "exact match",
                100 * accuracy(), correct, total, 100 * microF1(), 100 * macroF1(), percent(macroAuc()),
                hammingLoss()));
        if (confusion != null) {
            lines.add("");
            lines.add(confusion.table());
        }
        return String.join("\n", lines);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * value);
    }
}
