package dev.quarry.datasets;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a database is: a SQLite file (a path, or {@code jdbc:sqlite:PATH}) or a PostgreSQL URL. {@code shown} is
 * safe for messages: a PostgreSQL URL without its parameters (which may hold a password).
 */
record Location(Dialect dialect, String url, String shown, Path file) {

    static Location parse(String location) {
        String trimmed = location.strip();
        if (trimmed.isEmpty()) {
            throw new DatasetException("the database location must not be empty");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            int query = trimmed.indexOf('?');
            return new Location(Dialect.POSTGRESQL, trimmed, query < 0 ? trimmed : trimmed.substring(0, query), null);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqlite(trimmed.substring("jdbc:sqlite:".length()));
        }
        if (lower.startsWith("jdbc:")) {
            throw new DatasetException("unsupported database URL " + trimmed.substring(0, trimmed.indexOf(':', 5) + 1)
                    + "...: use a SQLite file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        return sqlite(trimmed);
    }

    private static Location sqlite(String path) {
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file::memory:")) {
            throw new DatasetException("an in-memory SQLite database keeps nothing: give a file path, got \""
                    + path + "\"");
        }
        if (path.startsWith("file:") || path.contains("?")) {
            throw new DatasetException("give the SQLite database as a plain file path, without file: or ?"
                    + " parameters (Quarry sets them), got \"" + path + "\"");
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        return new Location(Dialect.SQLITE, "jdbc:sqlite:" + file, file.toString(), file);
    }
}
