/**
 * Tasks: the Prodigy-compatible JSON questions that flow from a corpus to an annotator and into a dataset, how they
 * are read and written as JSON Lines, and their stable hashes.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>{@link dev.quarry.streams.Task}: one task. Every key is kept, known or not, in its order; a task read from
 *       a line and not changed is written back as that very line, so Prodigy files round-trip unchanged.</li>
 *   <li>{@link dev.quarry.streams.TaskReader}: lazy JSON Lines reading, {@code strict} (the first bad line throws
 *       {@link dev.quarry.streams.TaskFormatException} with {@code file:line:column}) or {@code skippingBad} (counted
 *       and reported); {@link dev.quarry.streams.TaskWriter} writes.</li>
 *   <li>{@link dev.quarry.streams.TaskHashes}: {@code _input_hash} and {@code _task_hash}, a versioned contract
 *       documented on that class and pinned by golden-value tests.</li>
 * </ul>
 *
 * <h2>Offsets</h2>
 * Span offsets in a task ({@link dev.quarry.streams.TaskSpan}) are given as in the JSON: Unicode code points, as
 * Prodigy and spaCy count. They are <em>not</em> converted to {@code String} indices here; use
 * {@link dev.quarry.text.Offsets} where Java text is cut.
 *
 * <pre>{@code
 * try (TaskReader tasks = TaskReader.strict(Files.newBufferedReader(path), path.toString())) {
 *     tasks.forEachRemaining(task -> writer.write(TaskHashes.DEFAULT.withHashes(task)));
 * }
 * }</pre>
 */
package dev.quarry.streams;
