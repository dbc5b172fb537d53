package dev.quarry.pipeline;

import java.util.Objects;

/** Where a span of an {@link Analysis} came from: a pattern, or the NER model. */
public sealed interface Origin {

    /** The name written as the span's {@code "origin"} in JSON: {@code pattern} or {@code model}. */
    String name();

    /**
     * A pattern match.
     *
     * @param patternId the pattern's id, or null
     * @param source    where the pattern was written, {@code file:line}
     */
    record FromPattern(String patternId, String source) implements Origin {
        public FromPattern {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String name() {
            return "pattern";
        }
    }

    /**
     * An NER prediction.
     *
     * @param score the model's probability for the span in [0, 1], or null when the model does not give one
     */
    record FromModel(Double score) implements Origin {
        public FromModel {
            if (score != null && !(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be in [0, 1] or null, got " + score);
            }
        }

        @Override
        public String name() {
            return "model";
        }
    }
}
