/**
 * Tasks: the Prodigy-compatible JSON questions that flow from a corpus to an annotator and into a dataset; how they
 * are read (lazily, from any source), hashed, filtered and reordered without ever holding the stream, and written.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>{@link dev.quarry.streams.Task}: one task. Every key is kept, known or not, in its order; a task read from
 *       a line and not changed is written back as that very line, so Prodigy files round-trip unchanged.</li>
 *   <li>{@link dev.quarry.streams.Sources}: opens JSON Lines, plain text (a task per line, or per paragraph), CSV/TSV
 *       (RFC 4180, a text column) or a directory of them as a {@link dev.quarry.streams.TaskSource}, a closeable
 *       iterator; {@link dev.quarry.streams.SourceOptions} says how. Long documents split into paragraphs carry
 *       {@code meta.doc_id}, {@code meta.paragraph} and {@code meta.offset} (code points). Errors name file and line.
 *       {@link dev.quarry.streams.TaskReader} is the JSON Lines reader underneath;
 *       {@link dev.quarry.streams.TaskWriter} writes.</li>
 *   <li>{@link dev.quarry.streams.TaskHashes}: {@code _input_hash} and {@code _task_hash}, a versioned contract
 *       documented on that class and pinned by golden-value tests.</li>
 *   <li>Stages, each a {@code TaskSource} over another: {@link dev.quarry.streams.TaskStages} (pattern spans via
 *       {@link dev.quarry.streams.MatchSpans}, hashes), {@link dev.quarry.streams.TaskFilters} (dedup, exclusion by
 *       dataset hashes, an explicit score threshold), {@link dev.quarry.streams.Reorder} (prefer-matches,
 *       uncertain-first, high-score-first in a bounded window: {@link dev.quarry.streams.WindowedOrder} states the
 *       exact order; nothing is dropped or repeated) and {@link dev.quarry.streams.FindWithTerms}.</li>
 *   <li>{@link dev.quarry.streams.ParagraphIndex}: a Lucene index of a corpus's paragraphs, streamed with the
 *       paragraphs matching the patterns' phrases first and every other paragraph after, each once. (Not to be
 *       confused with {@link dev.quarry.streams.CorpusIndex}, the word and n-gram statistics {@code quarry terms}
 *       keeps beside one corpus file; both index the matcher's tokens per paragraph.)</li>
 * </ul>
 *
 * <h2>Memory</h2>
 * Readers hold one record (a text file split into paragraphs: one paragraph, at most
 * 1,048,576 chars); a windowed order holds at most its window of tasks; dedup holds 16-32 bytes per distinct task;
 * an index stream one bit per paragraph and a page of hits. Nothing here holds a whole stream.
 *
 * <h2>Offsets</h2>
 * Span offsets in a task ({@link dev.quarry.streams.TaskSpan}) and {@code meta.offset} are given as in the JSON:
 * Unicode code points, as Prodigy and spaCy count. They are <em>not</em> converted to {@code String} indices here;
 * use {@link dev.quarry.text.Offsets} where Java text is cut.
 *
 * <pre>{@code
 * try (TaskSource tasks = Reorder.preferMatches(TaskStages.annotate(
 *         Sources.open(Path.of("corpus"), SourceOptions.defaults().withParagraphs(true)), matcher), 1000, 10_000)) {
 *     tasks.forEachRemaining(writer::write);
 * }
 * }</pre>
 */
package dev.quarry.streams;
