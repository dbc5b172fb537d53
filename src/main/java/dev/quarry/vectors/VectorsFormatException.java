package dev.quarry.vectors;

import java.io.IOException;

/**
 * A word-vector file or cache that cannot be read as what it claims to be. The message names the file and where in it
 * the problem is: {@code file:line} or {@code file:line:column} for text formats, {@code file: byte N} for binary
 * ones, then what was expected and what was found. Checked, as a subclass of {@link IOException}, because every
 * caller that reads a file already handles {@code IOException}; catch this one to tell the user their input is bad
 * rather than that the disk failed.
 */
public final class VectorsFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public VectorsFormatException(String message) {
        super(message);
    }
}
