package dev.quarry.training;

/**
 * Exact-match counts for one label (or all labels): a predicted span is a true positive only when a gold span has the
 * same start, end and label; every other predicted span is a false positive and every unmatched gold span a false
 * negative (conlleval's rule: a partly overlapping prediction counts once as each).
 *
 * <p>Precision, recall and F1 are fractions in [0, 1]; each is 0 where its denominator is 0.
 */
public record SpanCounts(long truePositives, long falsePositives, long falseNegatives) {

    public static final SpanCounts ZERO = new SpanCounts(0, 0, 0);

    public SpanCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + truePositives + "/" + falsePositives
                    + "/" + falseNegatives);
        }
    }

    public SpanCounts plus(SpanCounts other) {
        return new SpanCounts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** Gold spans: true positives + false negatives. */
    public long gold() {
        return truePositives + falseNegatives;
    }

    /** Predicted spans: true positives + false positives. */
    public long predicted() {
        return truePositives + falsePositives;
    }

    public double precision() {
        return ratio(truePositives, predicted());
    }

    public double recall() {
        return ratio(truePositives, gold());
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
