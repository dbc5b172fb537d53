package dev.quarry.training;

import java.util.Objects;

/**
 * A labelled run of tokens: {@code start} inclusive, {@code end} exclusive, both token indices within one sentence.
 */
public record EntitySpan(int start, int end, String label) {

    public EntitySpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span needs 0 <= start < end, got " + start + ".." + end);
        }
        Objects.requireNonNull(label, "label");
        if (label.isEmpty()) {
            throw new IllegalArgumentException("span label must be non-empty");
        }
    }
}
