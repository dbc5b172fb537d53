package dev.quarry.datasets;

/**
 * What an import added: every example it was given, in {@code batches} committed batches.
 *
 * @param hashesAdded how many tasks came without {@code _input_hash} or {@code _task_hash} and got them
 */
public record ImportResult(Session session, long examples, int batches, long hashesAdded) {
}
