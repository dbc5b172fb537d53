package dev.quarry.training;

import java.io.Serial;

/**
 * Stored annotations that cannot become training examples: a span off the token boundaries, overlapping spans of a
 * complete annotation, a choice with several accepted options for exclusive labels, malformed tokens. The message
 * names the dataset (or file), the example and the span or field.
 */
public final class TrainingDataException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public TrainingDataException(String message) {
        super(message);
    }
}
