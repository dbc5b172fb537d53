package dev.quarry.model;

import java.io.Serial;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model package that cannot be loaded or written: a missing or malformed file, a format version this Quarry does
 * not read, a component that does not agree with the manifest. The message starts with the path at fault.
 */
public final class ModelException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** @param path the file or directory at fault; the message is {@code path + ": " + problem} */
    public ModelException(Path path, String problem) {
        this(path, problem, null);
    }

    public ModelException(Path path, String problem, Throwable cause) {
        super(Objects.requireNonNull(path, "path") + ": " + problem, cause);
        this.path = path;
    }

    /** The file or directory at fault. */
    public Path path() {
        return path;
    }
}
