package dev.quarry.streams;

import java.util.Locale;

/** An annotator's decision on a task, written in JSON as {@code "answer": "accept" | "reject" | "ignore"}. */
public enum Answer {
    ACCEPT,
    REJECT,
    IGNORE;

    /** The JSON spelling: {@code accept}, {@code reject} or {@code ignore}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The answer spelled {@code value} in JSON (exact, lower case).
     *
     * @throws IllegalArgumentException naming the allowed values and the actual one
     */
    public static Answer parse(String value) {
        for (Answer answer : values()) {
            if (answer.json().equals(value)) {
                return answer;
            }
        }
        throw new IllegalArgumentException(
                "\"answer\" must be one of accept, reject, ignore, got " + Task.show(value));
    }
}
