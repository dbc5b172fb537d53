package dev.quarry.streams;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads tasks from JSON Lines lazily: one line at a time, never the whole input. Blank lines are skipped (they still
 * count for line numbers); a UTF-8 byte order mark at the start is ignored.
 *
 * <p>A bad line (malformed JSON, not an object, an invalid task) either stops the reading with a
 * {@link TaskFormatException} naming the source, line and, for malformed JSON, column ({@link #strict}), or is
 * skipped, counted and handed to a callback ({@link #skippingBad}).
 *
 * <p>Not thread-safe. Close it to close the underlying reader; an I/O error is thrown as
 * {@link UncheckedIOException} (for bytes that are not UTF-8, from a reader that reports them such as
 * {@code Files.newBufferedReader}: {@code source: not valid UTF-8, after line N}; the reader reads ahead, so the bad
 * bytes are after line N, not necessarily on line N+1).
 */
public final class TaskReader implements Iterator<Task>, Closeable {

    private final BufferedReader reader;
    private final String source;
    private final Consumer<TaskFormatException> onBadLine;
    private long lineNumber;
    private long skipped;
    private Task next;

    private TaskReader(Reader reader, String source, Consumer<TaskFormatException> onBadLine) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
        this.source = Objects.requireNonNull(source, "source");
        this.onBadLine = onBadLine;
    }

    /**
     * A reader that throws at the first bad line.
     *
     * @param source how errors name the input, e.g. the file name or {@code <stdin>}
     */
    public static TaskReader strict(Reader reader, String source) {
        return new TaskReader(reader, source, null);
    }

    /** A reader that skips bad lines, counts them ({@link #skipped()}) and passes each error to {@code onBadLine}. */
    public static TaskReader skippingBad(Reader reader, String source, Consumer<TaskFormatException> onBadLine) {
        return new TaskReader(reader, source, Objects.requireNonNull(onBadLine, "onBadLine"));
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            if (!line.isBlank()) {
                next = parse(line);
            }
        }
        return true;
    }

    @Override
    public Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more tasks in " + source);
        }
        Task task = next;
        next = null;
        return task;
    }

    /** The remaining tasks as a sequential stream; closing the stream closes this reader. */
    public Stream<Task> stream() {
        Spliterator<Task> spliterator = Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /** How many bad lines were skipped so far (always 0 for a strict reader). */
    public long skipped() {
        return skipped;
    }

    /** The number of the last line read (1-based), 0 before the first. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private Task parse(String line) {
        try {
            return Task.parse(line, source, lineNumber);
        } catch (TaskFormatException e) {
            if (onBadLine == null) {
                throw e;
            }
            skipped++;
            onBadLine.accept(e);
            return null;
        }
    }

    private String readLine() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(source + ": not valid UTF-8, after line " + lineNumber, e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ":" + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
    }
}
