package dev.quarry.text;

/**
 * A labelled run of tokens: token indices and the UTF-16 char offsets they cover.
 *
 * @param start      first char, inclusive
 * @param end        last char, exclusive
 * @param tokenStart first token, inclusive
 * @param tokenEnd   last token, exclusive
 * @param label      the label, never blank
 */
public record Span(int start, int end, int tokenStart, int tokenEnd, String label) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span needs 0 <= start <= end, got " + start + ".." + end);
        }
        if (tokenStart < 0 || tokenEnd < tokenStart) {
            throw new IllegalArgumentException(
                    "span needs 0 <= token_start <= token_end, got " + tokenStart + ".." + tokenEnd);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("span label must be a non-empty string, got " + label);
        }
    }

    /** The span over tokens {@code [tokenStart, tokenEnd)} of {@code doc}. */
    public static Span of(Doc doc, int tokenStart, int tokenEnd, String label) {
        if (tokenEnd <= tokenStart || tokenEnd > doc.size()) {
            throw new IllegalArgumentException("token range " + tokenStart + ".." + tokenEnd
                    + " is not a non-empty range of a doc with " + doc.size() + " tokens");
        }
        return new Span(doc.start(tokenStart), doc.end(tokenEnd - 1), tokenStart, tokenEnd, label);
    }

    public int length() {
        return tokenEnd - tokenStart;
    }

    public boolean overlaps(Span other) {
        return tokenStart < other.tokenEnd && other.tokenStart < tokenEnd;
    }
}
