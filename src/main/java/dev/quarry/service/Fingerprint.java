package dev.quarry.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The path, size and modification time of every file under a pattern path (names starting with {@code .} left out,
 * as the pattern reader leaves them out): cheap to take, and different whenever a file was written, added, removed or
 * renamed. A missing path has an empty fingerprint.
 */
record Fingerprint(List<Entry> entries) {

    record Entry(String path, long size, long modifiedNanos) {
    }

    Fingerprint {
        entries = List.copyOf(entries);
    }

    static Fingerprint of(Path root) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> p.equals(root) || !hidden(root, p)).sorted().forEach(p -> add(entries, p));
        } catch (NoSuchFileException | UncheckedIOException e) {
            return new Fingerprint(entries);
        } catch (IOException e) {
            return new Fingerprint(List.of(new Entry(root + ": " + e.getMessage(), -1, -1)));
        }
        return new Fingerprint(entries);
    }

    private static boolean hidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Entry> entries, Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                entries.add(new Entry(path.toString(), attributes.size(),
                        attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
            }
        } catch (IOException e) {
            entries.add(new Entry(path + " (vanished)", -1, -1));
        }
    }
}
