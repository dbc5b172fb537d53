package dev.quarry.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exact-span NER scores with conlleval semantics: per label, micro (all spans pooled) and macro (the mean of the
 * per-label F1 over every label seen in the gold or the predictions).
 *
 * @param perLabel counts per label, sorted by label
 * @param micro    counts over all labels
 */
public record NerEvaluation(Map<String, SpanCounts> perLabel, SpanCounts micro) {

    public NerEvaluation {
        perLabel = java.util.Collections.unmodifiableMap(new TreeMap<>(perLabel));
        java.util.Objects.requireNonNull(micro, "micro");
    }

    /**
     * Scores predictions against gold, sentence by sentence.
     *
     * @param gold      the gold spans of each sentence
     * @param predicted the predicted spans of the same sentences, in the same order
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static NerEvaluation of(List<List<EntitySpan>> gold, List<List<EntitySpan>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " sentences but predictions have "
                    + predicted.size());
        }
        Map<String, SpanCounts> counts = new TreeMap<>();
        for (int i = 0; i < gold.size(); i++) {
            count(gold.get(i), predicted.get(i), counts);
        }
        SpanCounts micro = counts.values().stream().reduce(SpanCounts.ZERO, SpanCounts::plus);
        return new NerEvaluation(counts, micro);
    }

    private static void count(List<EntitySpan> gold, List<EntitySpan> predicted, Map<String, SpanCounts> counts) {
        Set<EntitySpan> goldSet = new HashSet<>(gold);
        Set<EntitySpan> found = new HashSet<>();
        for (EntitySpan span : new HashSet<>(predicted)) {
            boolean hit = goldSet.contains(span);
            if (hit) {
                found.add(span);
            }
            counts.merge(span.label(), new SpanCounts(hit ? 1 : 0, hit ? 0 : 1, 0), SpanCounts::plus);
        }
        for (EntitySpan span : goldSet) {
            if (!found.contains(span)) {
                counts.merge(span.label(), new SpanCounts(0, 0, 1), SpanCounts::plus);
            }
        }
    }

    /** The mean of the per-label F1; 0 when there are no labels. */
    public double macroF1() {
        return perLabel.values().stream().mapToDouble(SpanCounts::f1).average().orElse(0);
    }

    /** A plain-text table: label, gold, predicted, TP, P, R, F1 (percent, two decimals), then micro and macro. */
    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-8s %7s %7s %7s %7s %7s %7s", "label", "gold", "pred", "tp", "P", "R",
                "F1"));
        perLabel.forEach((label, counts) -> lines.add(row(label, counts)));
        lines.add(row("micro", micro));
        lines.add(String.format(Locale.ROOT, "%-8s %47.2f", "macro", 100 * macroF1()));
        return String.join("\n", lines);
    }

    private static String row(String label, SpanCounts c) {
        return String.format(Locale.ROOT, "%-8s %7d %7d %7d %7.2f %7.2f %7.2f", label, c.gold(), c.predicted(),
                c.truePositives(), 100 * c.precision(), 100 * c.recall(), 100 * c.f1());
    }
}
