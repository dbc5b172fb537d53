package dev.quarry.streams;

/**
 * A view of one entry of a task's {@code "spans"}: a labelled stretch of the task's text.
 *
 * <p>{@code start} and {@code end} are given as in the JSON: Unicode <b>code point</b> offsets (start inclusive, end
 * exclusive), the way Prodigy and spaCy count, not Java {@code String} indices; convert with
 * {@link dev.quarry.text.Offsets}. {@code tokenStart} and {@code tokenEnd} are token indices, both inclusive as in
 * Prodigy, or -1 when absent. {@code label}, {@code source} (Quarry: what produced the span, e.g. a pattern file) and
 * {@code patternId} are null when absent. Other keys of the span stay in the task's JSON.
 */
public record TaskSpan(int start, int end, int tokenStart, int tokenEnd, String label, String source,
                       String patternId) {

    public TaskSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must have 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /** A span with only offsets and a label. */
    public static TaskSpan of(int start, int end, String label) {
        return new TaskSpan(start, end, -1, -1, label, null, null);
    }
}
