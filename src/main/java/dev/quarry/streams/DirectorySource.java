package dev.quarry.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The files of a directory tree with the chosen extensions, read one after the other in the order of their paths
 * relative to the directory ({@code /}-separated, compared as strings), each in the format its extension names
 * (unless the options fix one). Only the list of paths is held, not the files.
 */
final class DirectorySource implements TaskSource {

    private final Iterator<Path> files;
    private final SourceOptions options;
    private TaskSource current;

    DirectorySource(Path directory, SourceOptions options) throws IOException {
        this.options = options;
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> list = walk.filter(Files::isRegularFile)
                    .filter(p -> options.extensions().contains(extension(p)))
                    .sorted((a, b) -> relative(directory, a).compareTo(relative(directory, b)))
                    .toList();
            this.files = list.iterator();
        }
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext()) {
            if (current != null) {
                current.close();
                current = null;
            }
            if (!files.hasNext()) {
                return false;
            }
            current = open(files.next());
        }
        return true;
    }

    private TaskSource open(Path file) {
        try {
            return Sources.openFile(file, options);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more tasks");
        }
        return current.next();
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
