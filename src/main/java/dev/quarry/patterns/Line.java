package dev.quarry.patterns;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * One line being parsed: the Jackson parser over it and the problems found in it. Shared by {@link LineParser} and
 * {@link SpecParser}. Positions are kept as char offsets into the line and turned into code-point columns only
 * when a problem is reported. Not thread-safe.
 *
 * <p>A line without text (the fast path of {@link PatternReader}, parsing a whole file with one Jackson parser)
 * reports nothing: its first error throws {@link Restart}, and the file is read again line by line.
 */
final class Line {

    /** Thrown by a line without text at its first error. Carries no stack trace. */
    static final class Restart extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Restart INSTANCE = new Restart();

        private Restart() {
            super("restart line by line", null, false, false);
        }
    }

    final JsonParser json;
    private final String text;
    private final String file;
    private final int number;
    private final Problems problems;
    private int errors;

    /**
     * @param text     the line, for columns; null for the fast path, where the first error throws {@link Restart}
     * @param problems where problems go; unused when {@code text} is null
     */
    Line(JsonParser json, String text, String file, int number, Problems problems) {
        this.json = json;
        this.text = text;
        this.file = file;
        this.number = number;
        this.problems = problems;
    }

    int number() {
        return number;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    int errorCount() {
        return errors;
    }

    /** The char offset of the current token in the line; -1 on the fast path. */
    long tokenOffset() {
        return text == null ? -1 : json.currentTokenLocation().getCharOffset();
    }

    /** An error at the current token. */
    void error(String field, String message) {
        errorAt(tokenOffset(), field, message);
    }

    /** An error at the current token, ending in {@code ", got <the value>"}; skips past the value. */
    void errorGot(String field, String message) throws IOException {
        if (text == null) {
            throw Restart.INSTANCE;
        }
        long offset = tokenOffset();
        errorAt(offset, field, message + ", got " + JsonText.describeAndSkip(json));
    }

    /** An error at a char offset of the line. */
    void errorAt(long charOffset, String field, String message) {
        errorAtColumn(column(charOffset), field, message);
    }

    /** An error at a code-point column of the line. */
    void errorAtColumn(int column, String field, String message) {
        if (text == null) {
            throw Restart.INSTANCE;
        }
        errors++;
        problems.add(new Problem(Problem.Severity.ERROR, file, number, column, field, message));
    }

    /** The code-point column, from 1, of a char offset into the line; 0 when the offset is unknown. */
    int column(long charOffset) {
        if (charOffset < 0 || text == null) {
            return 0;
        }
        int end = (int) Math.min(charOffset, text.length());
        return text.codePointCount(0, end) + 1;
    }
}
