package dev.quarry.training;

/**
 * How many training examples one label's model learned from. For an exclusive model, positives are the texts of the
 * label and negatives the texts of every other label.
 *
 * @param positives texts known to have the label, at least 0
 * @param negatives texts known not to have it, at least 0
 */
public record TextcatLabelCounts(long positives, long negatives) {

    public TextcatLabelCounts {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + positives + "/" + negatives);
        }
    }
}
