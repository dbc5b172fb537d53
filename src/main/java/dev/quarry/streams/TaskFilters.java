package dev.quarry.streams;

import java.util.function.LongPredicate;
import java.util.function.ToDoubleFunction;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * Stream stages that leave tasks out, each counting what it left out: dedup within a stream, exclusion of what a
 * dataset already holds, and an explicit score threshold. All are lazy and keep the order of what they pass on.
 */
public final class TaskFilters {

    private TaskFilters() {
    }

    /**
     * Passes on the first task of each hash and leaves out later ones. The seen-set is exact (no false positives):
     * an open-addressing set of {@code long}s kept at most half full, 16 to 32 bytes per distinct task
     * (Eclipse Collections' {@code LongHashSet}), so ten million distinct tasks take at most 320 MB.
     */
    public static FilteredSource dedup(TaskSource upstream, HashKind kind, TaskHashes hashes) {
        LongHashSet seen = new LongHashSet();
        return new FilteredSource(upstream, task -> seen.add(kind.of(task, hashes)));
    }

    /**
     * Leaves out the tasks whose hash {@code excluded} holds, e.g. the hashes of the examples already in a dataset,
     * loaded once into a set rather than asked of the database per task.
     */
    public static FilteredSource exclude(TaskSource upstream, HashKind kind, TaskHashes hashes,
                                         LongPredicate excluded) {
        return new FilteredSource(upstream, task -> !excluded.test(kind.of(task, hashes)));
    }

    /**
     * Leaves out the tasks scored below {@code threshold} (never done by the reorderings themselves: dropping is
     * always asked for). A NaN score is an error.
     */
    public static FilteredSource dropBelow(TaskSource upstream, ToDoubleFunction<Task> scorer, double threshold) {
        return new FilteredSource(upstream, task -> {
            double score = scorer.applyAsDouble(task);
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("score is NaN for the task " + Task.cut(task.text()));
            }
            return score >= threshold;
        });
    }
}
