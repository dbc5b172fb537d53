package dev.quarry.streams;

import java.io.IOException;

/** A corpus file that cannot be read as the format its name says: the message names the file and line. */
public final class CorpusFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    CorpusFormatException(String message) {
        super(message);
    }
}
