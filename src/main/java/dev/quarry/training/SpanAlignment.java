package dev.quarry.training;

/** What {@link DatasetExamples} does with a span whose start or end falls inside a token. */
public enum SpanAlignment {
    /** Fail with a {@link TrainingDataException} naming the example and the span. */
    REJECT,
    /** Widen the span to the tokens it touches, and count it. */
    SNAP
}
