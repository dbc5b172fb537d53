package dev.quarry.training;

import java.io.Serial;

/** A CoNLL/IOB file that cannot be read; the message starts with {@code file:line:}. */
public final class ConllFormatException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    public ConllFormatException(String source, long line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }
}
