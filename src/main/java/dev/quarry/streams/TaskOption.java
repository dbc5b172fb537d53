package dev.quarry.streams;

import java.util.Objects;

/**
 * One entry of a choice task's {@code "options"}: its {@code id} (a JSON string or number, given here as its text:
 * {@code 3} becomes {@code "3"}) and its display {@code text} (null when absent).
 */
public record TaskOption(String id, String text) {

    public TaskOption {
        Objects.requireNonNull(id, "id");
    }
}
