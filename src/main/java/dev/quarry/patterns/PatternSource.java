package dev.quarry.patterns;

import java.util.Objects;

/**
 * Where a pattern was written: a file (as given, or a name such as {@code <memory>}) and a line, from 1.
 */
public record PatternSource(String file, int line) {

    public PatternSource {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** For patterns made in code. */
    public static PatternSource inMemory(int line) {
        return new PatternSource("<memory>", line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
