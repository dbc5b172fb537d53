package dev.quarry.training;

/**
 * How a text classifier treats its labels.
 *
 * <ul>
 *   <li>{@link #EXCLUSIVE}: every text has exactly one label; one multi-class model, the prediction is the most
 *       probable label and the scores sum to 1.</li>
 *   <li>{@link #MULTI_LABEL}: a text has any number of labels; one binary (one-vs-rest) model per label, a label is
 *       predicted when its probability reaches that label's threshold, and each score is an independent
 *       probability.</li>
 * </ul>
 */
public enum TextcatMode {
    EXCLUSIVE,
    MULTI_LABEL
}
