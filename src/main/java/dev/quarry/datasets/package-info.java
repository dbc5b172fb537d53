/**
 * Datasets of annotations: every decision an annotator (or an import) made on a task, kept safely in SQLite (one
 * embedded file, the default) or PostgreSQL (for teams), over JDBC.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * String where = Database.resolve(dbOption, System.getenv(), quarryHome); // --db, then QUARRY_DB, then home/quarry.db
 * try (Database db = Database.open(where)) {
 *     db.createDataset("ner_news");
 *     Session session = db.startSession("ner_news", null);             // named by the clock, in UTC
 *     db.add(session, tasks, 500, batch -> log("saved " + batch.total()));
 *     try (Stream<Example> training = db.latest("ner_news")) { ... }  // newest answer per task hash
 * }
 * }</pre>
 *
 * <h2>Model</h2>
 * A database holds named datasets; a dataset holds sessions (one per run: named, or named by its start time) and
 * examples. An example is a task, stored as the exact JSON text it came with (so {@code db-in} then {@code db-out}
 * gives back the same lines), with its input hash, task hash, answer, session and time. The store is append-only:
 * answering the same question again adds an example; {@link dev.quarry.datasets.Database#latest} picks the newest
 * per task hash. {@link dev.quarry.datasets.Database#merge} joins entity and text classification decisions on the
 * same input into one example.
 *
 * <h2>Safety</h2>
 * Examples are added in batches; each batch is one transaction, so it is stored whole or not at all, and
 * {@code add} reports a batch only after its commit. SQLite runs in WAL mode with {@code synchronous=FULL} (a
 * reported batch survives a power cut, not only a killed process), a 30 s busy timeout and {@code BEGIN IMMEDIATE}
 * transactions, so two writers on one file wait for each other instead of failing or losing a write. The tests kill
 * a real importing process with SIGKILL and check that every reported batch is there and no half batch is.
 */
package dev.quarry.datasets;
