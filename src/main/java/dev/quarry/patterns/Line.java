package dev.quarry.patterns;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * One line being parsed: the Jackson parser over it and the problems found in it. Shared by {@link LineParser} and
 * {@link SpecParser}. Not thread-safe.
 */
final class Line {

    final JsonParser json;
    private final String text;
    private final String file;
    private final int number;
    private final Problems problems;
    private int errors;

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

    /** The code-point column of the current token. */
    int tokenColumn() {
        return column(json.currentTokenLocation().getCharOffset());
    }

    /** An error at the current token. */
    void error(String field, String message) {
        errorAt(tokenColumn(), field, message);
    }

    /** An error at the current token, ending in {@code ", got <the value>"}; skips past the value. */
    void errorGot(String field, String message) throws IOException {
        int column = tokenColumn();
        errorAt(column, field, message + ", got " + JsonText.describeAndSkip(json));
    }

    void errorAt(int column, String field, String message) {
        errors++;
        problems.add(new Problem(Problem.Severity.ERROR, file, number, column, field, message));
    }

    /** The code-point column, from 1, of a char offset into the line; 0 when the offset is unknown. */
    int column(long charOffset) {
        if (charOffset < 0) {
            return 0;
        }
        int end = (int) Math.min(charOffset, text.length());
        return text.codePointCount(0, end) + 1;
    }
}
