package dev.quarry.streams;

import java.util.function.ToDoubleFunction;

/**
 * The windowed reorderings of a stream ({@link WindowedOrder} says the exact order). None drops a task: to drop
 * tasks under a score, say so with {@link TaskFilters#dropBelow}.
 *
 * <p>{@code maxWait} bounds starvation: a task is emitted at the latest once {@code maxWait} tasks have been emitted
 * after it entered the window. {@link #defaultMaxWait} is ten windows.
 */
public final class Reorder {

    private Reorder() {
    }

    /** Ten windows: a task leaves at most {@code 10 * window} emissions after it entered the window. */
    public static long defaultMaxWait(int window) {
        return 10L * window;
    }

    /**
     * {@code prefer-matches}: tasks with spans (pattern hits) first, more spans first; tasks without spans keep their
     * order after them (and leave the window when no task with hits is in it, or when they reach {@code maxWait}).
     */
    public static WindowedOrder preferMatches(TaskSource upstream, int window, long maxWait) {
        return new WindowedOrder(upstream, task -> task.spans().size(), window, maxWait);
    }

    /** Highest score first, as the scorer gives it (e.g. a model's probability of the label). */
    public static WindowedOrder highScoreFirst(TaskSource upstream, ToDoubleFunction<Task> scorer, int window,
                                               long maxWait) {
        return new WindowedOrder(upstream, scorer, window, maxWait);
    }

    /**
     * Uncertain first: the scores closest to {@code target} first (0.5 for a binary probability); ties in arrival
     * order.
     */
    public static WindowedOrder uncertainFirst(TaskSource upstream, ToDoubleFunction<Task> scorer, double target,
                                               int window, long maxWait) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be a finite number, got " + target);
        }
        return new WindowedOrder(upstream, task -> -Math.abs(scorer.applyAsDouble(task) - target), window, maxWait);
    }
}
