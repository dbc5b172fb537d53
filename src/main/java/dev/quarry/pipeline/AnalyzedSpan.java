package dev.quarry.pipeline;

import java.util.Objects;

/**
 * One entity found in a text.
 *
 * @param start      first char, inclusive (UTF-16 {@code String} index)
 * @param end        last char, exclusive
 * @param tokenStart first token, inclusive
 * @param tokenEnd   last token, exclusive; greater than {@code tokenStart}
 * @param label      the entity label
 * @param origin     the pattern or the model that found it
 */
public record AnalyzedSpan(int start, int end, int tokenStart, int tokenEnd, String label, Origin origin) {

    public AnalyzedSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span needs 0 <= start <= end, got " + start + ".." + end);
        }
        if (tokenStart < 0 || tokenEnd <= tokenStart) {
            throw new IllegalArgumentException("span needs 0 <= tokenStart < tokenEnd, got " + tokenStart + ".."
                    + tokenEnd);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether the two spans share a token. */
    public boolean overlaps(AnalyzedSpan other) {
        return tokenStart < other.tokenEnd && other.tokenStart < tokenEnd;
    }
}
