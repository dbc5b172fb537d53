package dev.quarry.streams;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A source that passes on the tasks a test keeps and counts the others ({@link #dropped()}). Made by
 * {@link TaskFilters}. Not thread-safe; closing closes the upstream source.
 */
public final class FilteredSource implements TaskSource {

    private final TaskSource upstream;
    private final Predicate<Task> keep;
    private Task next;
    private long dropped;

    FilteredSource(TaskSource upstream, Predicate<Task> keep) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    @Override
    public boolean hasNext() {
        while (next == null && upstream.hasNext()) {
            Task task = upstream.next();
            if (keep.test(task)) {
                next = task;
            } else {
                dropped++;
            }
        }
        return next != null;
    }

    @Override
    public Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more tasks");
        }
        Task task = next;
        next = null;
        return task;
    }

    /** How many tasks were left out so far. */
    public long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
