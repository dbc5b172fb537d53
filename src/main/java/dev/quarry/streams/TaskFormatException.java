package dev.quarry.streams;

/**
 * A task that cannot be read: malformed JSON, or JSON that is not a valid task. The message reads
 * {@code source:line:column: problem} (the column only for malformed JSON), for example
 * {@code tasks.jsonl:12:18: Unexpected character ('}' (code 125))} or
 * {@code tasks.jsonl:3: "answer" must be one of accept, reject, ignore, got "maybe"}.
 */
public final class TaskFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long column;
    private final String problem;

    /**
     * @param source the file name or other description of the input
     * @param line the 1-based line number
     * @param column the 1-based column (in chars), or 0 when the problem is not at one place in the line
     * @param problem what is wrong, without the location
     */
    public TaskFormatException(String source, long line, long column, String problem) {
        super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** The 1-based column, 0 when unknown. */
    public long column() {
        return column;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
