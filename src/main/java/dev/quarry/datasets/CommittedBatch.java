package dev.quarry.datasets;

/**
 * A batch of examples that is committed: it is on disk and survives a crash.
 *
 * @param number 1 for the first batch of an import
 * @param size the examples in this batch
 * @param total the examples committed by this import so far, this batch included
 * @param firstTask the 0-based position, in the import's input, of this batch's first task
 */
public record CommittedBatch(int number, int size, long total, long firstTask) {
}
