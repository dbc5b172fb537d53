package dev.quarry.datasets;

import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored decision: the task exactly as it was added (with its hashes), the answer, and where and when it was
 * saved.
 *
 * @param id increases with every example added to the database: a later id is a later decision
 */
public record Example(long id, String dataset, String session, Answer answer, long inputHash, long taskHash,
                      Instant created, Task task) {

    public Example {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(task, "task");
    }
}
