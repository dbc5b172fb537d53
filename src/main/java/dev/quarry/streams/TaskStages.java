package dev.quarry.streams;

import dev.quarry.matching.Matcher;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Stream stages that change each task and keep the count and order: pattern spans and hashes. */
public final class TaskStages {

    private TaskStages() {
    }

    /** Each task changed by {@code change}, lazily. Closing closes the upstream source. */
    public static TaskSource map(TaskSource upstream, UnaryOperator<Task> change) {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(change, "change");
        return new TaskSource() {
            @Override
            public boolean hasNext() {
                return upstream.hasNext();
            }

            @Override
            public Task next() {
                return change.apply(upstream.next());
            }

            @Override
            public void close() {
                upstream.close();
            }
        };
    }

    /** Each task with the matcher's matches as its spans ({@link MatchSpans#annotate}). */
    public static TaskSource annotate(TaskSource upstream, Matcher matcher) {
        return map(upstream, task -> MatchSpans.annotate(task, matcher));
    }

    /** Each task with its missing hashes added ({@link TaskHashes#withHashes}). */
    public static TaskSource hashed(TaskSource upstream, TaskHashes hashes) {
        return map(upstream, hashes::withHashes);
    }
}
