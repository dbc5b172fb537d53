package dev.quarry.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores of an exclusive-label classifier: accuracy, and per label the counts of a one-vs-rest view (a text of gold
 * label A predicted as B is a false negative of A and a false positive of B), with precision, recall and F1 from
 * {@link SpanCounts}; macro F1 is the mean over every label seen in the gold or the predictions.
 *
 * @param perLabel counts per label, sorted by label
 * @param correct  texts whose predicted label is the gold one
 * @param total    texts scored
 */
public record TextcatEvaluation(Map<String, SpanCounts> perLabel, long correct, long total) {

    public TextcatEvaluation {
        perLabel = java.util.Collections.unmodifiableMap(new TreeMap<>(perLabel));
        if (correct < 0 || total < correct) {
            throw new IllegalArgumentException("need 0 <= correct <= total, got " + correct + "/" + total);
        }
    }

    /**
     * Scores predictions against gold labels.
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
        return new TextcatEvaluation(counts, correct, gold.size());
    }

    /** Correct / total; 0 for no texts. */
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double macroF1() {
        return perLabel.values().stream().mapToDouble(SpanCounts::f1).average().orElse(0);
    }

    /** A plain-text table: per label gold, predicted, P, R, F1 (percent), then accuracy and macro F1. */
    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-26s %6s %6s %7s %7s %7s", "label", "gold", "pred", "P", "R", "F1"));
        perLabel.forEach((label, c) -> lines.add(String.format(Locale.ROOT, "%-26s %6d %6d %7.2f %7.2f %7.2f", label,
                c.gold(), c.predicted(), 100 * c.precision(), 100 * c.recall(), 100 * c.f1())));
        lines.add(String.format(Locale.ROOT, "accuracy %.2f, macro F1 %.2f", 100 * accuracy(), 100 * macroF1()));
        return String.join("\n", lines);
    }
}
