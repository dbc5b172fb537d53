package dev.quarry.streams;

import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Reorders a stream within a bounded look-ahead window, never dropping or repeating a task. Made by {@link Reorder}.
 *
 * <h2>Order</h2>
 * The window is filled from the upstream source until it holds {@code window} tasks (or the source ends). Then, to
 * emit one task:
 * <ol>
 *   <li>if the task that entered the window first has waited {@code maxWait} emissions or more since it entered, it
 *       is emitted (so no task waits forever behind a run of better ones);</li>
 *   <li>else the task with the highest priority is emitted; equal priorities leave in arrival order;</li>
 *   <li>then one task is read from upstream into the window, if any is left.</li>
 * </ol>
 * When the source ends, the window drains by the same rules. Every task read is emitted exactly once; the window
 * never holds more than {@code window} tasks ({@link #maxHeld()} reports the most it held), so memory is O(window)
 * tasks. The priority is computed once per task, when it enters. A task with a NaN priority is an error.
 *
 * <p>Not thread-safe. Closing closes the upstream source.
 */
public final class WindowedOrder implements TaskSource {

    private static final class Entry {
        final Task task;
        final double priority;
        final long arrival;
        final long enteredAtEmission;

        Entry(Task task, double priority, long arrival, long enteredAtEmission) {
            this.task = task;
            this.priority = priority;
            this.arrival = arrival;
            this.enteredAtEmission = enteredAtEmission;
        }
    }

    private static final Comparator<Entry> BY_ARRIVAL = Comparator.comparingLong(e -> e.arrival);
    private static final Comparator<Entry> BEST_FIRST =
            Comparator.<Entry>comparingDouble(e -> -e.priority).thenComparing(BY_ARRIVAL);

    private final TaskSource upstream;
    private final ToDoubleFunction<Task> priority;
    private final int window;
    private final long maxWait;
    private final TreeSet<Entry> best = new TreeSet<>(BEST_FIRST);
    private final TreeSet<Entry> oldest = new TreeSet<>(BY_ARRIVAL);
    private long arrivals;
    private long emitted;
    private long emittedForAge;
    private int maxHeld;

    WindowedOrder(TaskSource upstream, ToDoubleFunction<Task> priority, int window, long maxWait) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 task, got " + window);
        }
        if (maxWait < 1) {
            throw new IllegalArgumentException("maxWait must be at least 1 emission, got " + maxWait);
        }
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.window = window;
        this.maxWait = maxWait;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !best.isEmpty();
    }

    @Override
    public Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more tasks");
        }
        Entry first = oldest.first();
        Entry chosen = best.first();
        if (first != chosen && emitted - first.enteredAtEmission >= maxWait) {
            chosen = first;
            emittedForAge++;
        }
        best.remove(chosen);
        oldest.remove(chosen);
        emitted++;
        return chosen.task;
    }

    private void fill() {
        while (best.size() < window && upstream.hasNext()) {
            Task task = upstream.next();
            double value = priority.applyAsDouble(task);
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("priority of task " + (arrivals + 1) + " is NaN: "
                        + Task.cut(task.text()));
            }
            Entry entry = new Entry(task, value, arrivals++, emitted);
            best.add(entry);
            oldest.add(entry);
            maxHeld = Math.max(maxHeld, best.size());
        }
    }

    /** The tasks in the window now. */
    public int held() {
        return best.size();
    }

    /** The most tasks the window ever held: at most the window size. */
    public int maxHeld() {
        return maxHeld;
    }

    /**
     * How many tasks were emitted because they had waited {@code maxWait} emissions, ahead of a task the priority
     * would have chosen.
     */
    public long emittedForAge() {
        return emittedForAge;
    }

    /** How many tasks were emitted so far. */
    public long emitted() {
        return emitted;
    }

    @Override
    public void close() {
        best.clear();
        oldest.clear();
        upstream.close();
    }
}
