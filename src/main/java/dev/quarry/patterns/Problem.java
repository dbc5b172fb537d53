package dev.quarry.patterns;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in a pattern file: an error (the line is not loaded) or a warning (from
 * {@link PatternFiles#check}, the line loads but is probably a mistake).
 *
 * @param severity error or warning
 * @param file     the file as the caller named it
 * @param line     the line, from 1; 0 when the problem is about the whole file
 * @param column   the column, from 1, counted in Unicode code points (an emoji is one column, as in the JSON offsets
 *                 of {@code dev.quarry.text}); 0 when the problem has no column
 * @param field    where in the line, as a JSON path ({@code label}, {@code pattern[1].LOWER}, {@code
 *                 pattern[0].LOWER.IN[2]}); null when the problem is not about one field (malformed JSON, lints)
 * @param message  what is wrong, the rule and the actual value; never null or empty
 */
public record Problem(Severity severity, String file, int line, int column, String field, String message) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("message must be non-empty");
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code file:line:column: error: message}, for example
     * {@code patterns/diseases.jsonl:12:18: error: "label" must be a non-empty string, got 42}; the line and column
     * are left out where they are 0.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(severity.name().toLowerCase(Locale.ROOT)).append(": ").append(message)
                .toString();
    }
}
