package dev.quarry.matching;

import dev.quarry.patterns.PatternSource;
import dev.quarry.text.Span;
import java.util.Objects;

/**
 * One pattern matched over a run of tokens.
 *
 * @param start        first char, inclusive (UTF-16 {@code String} index)
 * @param end          last char, exclusive
 * @param tokenStart   first token, inclusive
 * @param tokenEnd     last token, exclusive; always greater than {@code tokenStart}
 * @param label        the pattern's label
 * @param patternId    the pattern's id, or null
 * @param source       where the pattern was written
 * @param patternIndex the pattern's position in the list the matcher was compiled from
 */
public record Match(int start, int end, int tokenStart, int tokenEnd, String label, String patternId,
                    PatternSource source, int patternIndex) {

    public Match {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("match needs 0 <= start <= end, got " + start + ".." + end);
        }
        if (tokenStart < 0 || tokenEnd <= tokenStart) {
            throw new IllegalArgumentException(
                    "match needs 0 <= token_start < token_end, got " + tokenStart + ".." + tokenEnd);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        if (patternIndex < 0) {
            throw new IllegalArgumentException("pattern index must be >= 0, got " + patternIndex);
        }
    }

    public Span toSpan() {
        return new Span(start, end, tokenStart, tokenEnd, label);
    }

    /** The number of tokens. */
    public int length() {
        return tokenEnd - tokenStart;
    }
}
