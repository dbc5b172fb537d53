package dev.quarry.training;

/**
 * How the entity column of a CoNLL file marks where an entity starts.
 *
 * <ul>
 *   <li>{@link #IOB1}: {@code I-X} continues or starts an entity; {@code B-X} only starts an entity that directly
 *       follows another entity of the same type (CoNLL-2003 as published).</li>
 *   <li>{@link #IOB2}: every entity starts with {@code B-X}; an {@code I-X} that does not continue an {@code X}
 *       is an error.</li>
 * </ul>
 */
public enum IobScheme {
    IOB1,
    IOB2
}
