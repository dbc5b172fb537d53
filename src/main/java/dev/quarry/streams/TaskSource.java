package dev.quarry.streams;

import java.util.Iterator;

/**
 * A lazy, closeable sequence of tasks: a reader over a file, a directory or standard input, or a stage that reorders
 * or filters another source. Closing a stage closes what it reads from. Not thread-safe.
 */
public interface TaskSource extends Iterator<Task>, AutoCloseable {

    /** Releases files and readers; I/O errors are thrown as {@link java.io.UncheckedIOException}. */
    @Override
    void close();

    /** A source over an iterator; closing does nothing. */
    static TaskSource of(Iterator<Task> tasks) {
        return new TaskSource() {
            @Override
            public boolean hasNext() {
                return tasks.hasNext();
            }

            @Override
            public Task next() {
                return tasks.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
