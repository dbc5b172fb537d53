package dev.quarry.streams;

/** Which of a task's hashes identifies it for dedup and exclusion. */
public enum HashKind {
    /** {@code _input_hash}: the same text is one task, whatever the question. */
    INPUT,
    /** {@code _task_hash}: the same text with the same question (spans, label, options) is one task. */
    TASK;

    /** The task's own hash of this kind if it has one, else the one {@code hashes} computes. */
    public long of(Task task, TaskHashes hashes) {
        if (this == INPUT) {
            return task.inputHash().orElseGet(() -> hashes.inputHash(task));
        }
        return task.taskHash().orElseGet(() -> hashes.taskHash(task, INPUT.of(task, hashes)));
    }
}
