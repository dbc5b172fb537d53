package dev.quarry.streams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a source of tasks: a JSON Lines, plain text, CSV or TSV file, a directory of them, or standard input; lazily,
 * one record (or paragraph) at a time, never the whole file. See {@link SourceOptions} for the formats, paragraph
 * splitting and what happens to bad records.
 *
 * <p>Errors name the source and line: a bad record throws {@link TaskFormatException} ({@code file:line[:column]:
 * problem}, columns in chars from 1) unless the options skip bad records; I/O errors are
 * {@link java.io.UncheckedIOException}s with the file name. Everything is read as UTF-8.
 *
 * <pre>{@code
 * try (TaskSource tasks = Sources.open(Path.of("corpus"), SourceOptions.defaults().withParagraphs(true))) {
 *     tasks.forEachRemaining(writer::write);
 * }
 * }</pre>
 */
public final class Sources {

    /** The name standard input has in error messages. */
    public static final String STDIN = "<stdin>";

    private Sources() {
    }

    /**
     * Opens {@code name}: {@code -} is {@code stdin} (format {@link SourceFormat#AUTO} then means JSON Lines if the
     * first char is <code>{</code>, else text), anything else a file or directory path.
     *
     * @throws NoSuchFileException if there is no such file or directory
     */
    public static TaskSource open(String name, InputStream stdin, SourceOptions options) throws IOException {
        if (name.equals("-")) {
            return open(new InputStreamReader(stdin, StandardCharsets.UTF_8), STDIN, options);
        }
        return open(Path.of(name), options);
    }

    /**
     * Opens a file or a directory (all files below it with one of {@link SourceOptions#extensions()}).
     *
     * @throws NoSuchFileException if there is no such file or directory
     */
    public static TaskSource open(Path path, SourceOptions options) throws IOException {
        if (Files.isDirectory(path)) {
            return new DirectorySource(path, options);
        }
        return openFile(path, options);
    }

    /** Reads from a reader; {@code source} names it in errors. Format AUTO sniffs the first char. */
    public static TaskSource open(Reader reader, String source, SourceOptions options) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        SourceFormat format = options.format();
        if (format == SourceFormat.AUTO) {
            int first = pushback.read();
            if (first >= 0) {
                pushback.unread(first);
            }
            format = first == '{' ? SourceFormat.JSONL : SourceFormat.TEXT;
        }
        return open(new BufferedReader(pushback, 1 << 16), source, format, options);
    }

    static TaskSource openFile(Path file, SourceOptions options) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file or directory");
        }
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return open(reader, file.toString(), options.format().resolve(file.getFileName().toString()), options);
    }

    private static TaskSource open(Reader reader, String source, SourceFormat format, SourceOptions options) {
        return switch (format) {
            case JSONL -> new JsonlDocuments(reader, source, options);
            case TEXT -> options.paragraphs() ? new TextParagraphs(reader, source)
                    : new TextLines(reader, source, options);
            case CSV -> new CsvDocuments(reader, source, ',', options);
            case TSV -> new CsvDocuments(reader, source, '\t', options);
            case AUTO -> throw new IllegalStateException("AUTO is resolved before");
        };
    }
}
