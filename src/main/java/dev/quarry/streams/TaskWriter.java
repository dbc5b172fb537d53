package dev.quarry.streams;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes tasks as JSON Lines: {@link Task#toJson()} and a {@code \n} per task. Not thread-safe; I/O errors are thrown
 * as {@link UncheckedIOException}. Give it a writer that encodes UTF-8.
 */
public final class TaskWriter implements Closeable, Flushable {

    private final Writer writer;
    private long written;

    public TaskWriter(Writer writer) {
        this.writer = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer, 1 << 16);
    }

    public void write(Task task) {
        try {
            writer.write(task.toJson());
            writer.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many tasks were written. */
    public long written() {
        return written;
    }

    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
