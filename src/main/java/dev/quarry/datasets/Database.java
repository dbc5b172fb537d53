package dev.quarry.datasets;

import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An annotation store: named datasets of examples (tasks with answers), each added in a {@link Session}. Append-only:
 * every decision is kept; {@link #latest} gives the newest decision per task hash, which is what training sees.
 *
 * <p>SQLite (one file, the default) or PostgreSQL (a {@code jdbc:postgresql://} URL), through JDBC. Thread-safe: the
 * calls on one instance take turns on one connection, except the example streams, which each read on a connection of
 * their own. Several instances, threads or processes may write to one database at the same time; SQLite lets one
 * write transaction at a time proceed and makes the others wait (up to 30 s).
 *
 * <p>Errors: {@link DatasetException} for what was asked (unknown dataset, with the list of those that exist; an
 * example without an answer), {@link StoreException} when the database fails.
 */
public final class Database implements AutoCloseable {

    /** The SQLite file in the Quarry home when neither {@code --db} nor {@code QUARRY_DB} says otherwise. */
    public static final String DEFAULT_FILE = "quarry.db";
    /** The environment variable naming the database. */
    public static final String ENV = "QUARRY_DB";

    private static final int SCHEMA_VERSION = 1;
    private static final DateTimeFormatter SESSION_NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Location location;
    private final Clock clock;
    private final TaskHashes hashes = TaskHashes.DEFAULT;
    private final Connection connection;

    private Database(Location location, Clock clock) {
        this.location = location;
        this.clock = clock;
        this.connection = connect();
        createSchema();
    }

    /**
     * The database location for a command: {@code option} ({@code --db}) if given, else the {@code QUARRY_DB}
     * variable of {@code env}, else the file {@value #DEFAULT_FILE} in {@code home} (the user's Quarry home).
     * Blank values count as absent.
     */
    public static String resolve(String option, Map<String, String> env, Path home) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return home.resolve(DEFAULT_FILE).toString();
    }

    /** Opens a database with the system clock (UTC); see {@link #open(String, Clock)}. */
    public static Database open(String location) {
        return open(location, Clock.systemUTC());
    }

    /**
     * Opens (and if needed creates) the database at {@code location}: a file path or {@code jdbc:sqlite:PATH} for
     * SQLite (missing parent directories are created), or {@code jdbc:postgresql://HOST[:PORT]/DB?user=..&password=..}.
     *
     * @param clock stamps sessions and examples, and names unnamed sessions
     * @throws DatasetException for an unsupported location
     * @throws StoreException if the database cannot be opened or its schema is newer than this code
     */
    public static Database open(String location, Clock clock) {
        return new Database(Location.parse(location), Objects.requireNonNull(clock, "clock"));
    }

    /** The database, safe to show: a file path or a URL without parameters. */
    public String location() {
        return location.shown();
    }

    /** Creates the dataset unless it exists; true if it was created. */
    public synchronized boolean createDataset(String name) {
        Names.check(name, "dataset");
        return write("create dataset \"" + name + "\"", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO datasets (name, created_ms) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setLong(2, clock.millis());
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** The datasets, sorted by name ({@link String#compareTo}, the same in SQLite and PostgreSQL). */
    public synchronized List<DatasetInfo> datasets() {
        return read("list datasets", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT d.name, d.created_ms, COUNT(e.id) FROM datasets d LEFT JOIN examples e"
                            + " ON e.dataset_id = d.id GROUP BY d.id, d.name, d.created_ms")) {
                List<DatasetInfo> infos = new ArrayList<>();
                while (rs.next()) {
                    infos.add(new DatasetInfo(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3)));
                }
                infos.sort(Comparator.comparing(DatasetInfo::name)); // by code units, not the server's collation
                return infos;
            }
        });
    }

    public synchronized boolean exists(String dataset) {
        return read("look up dataset \"" + dataset + "\"", c -> datasetId(c, dataset) != null);
    }

    /**
     * Deletes the dataset, its sessions and examples, in one transaction.
     *
     * @return the number of examples deleted
     * @throws DatasetException if there is no such dataset
     */
    public synchronized long drop(String dataset) {
        return write("drop dataset \"" + dataset + "\"", c -> {
            long id = requireDataset(c, dataset);
            long deleted = update(c, "DELETE FROM examples WHERE dataset_id = ?", id);
            update(c, "DELETE FROM sessions WHERE dataset_id = ?", id);
            update(c, "DELETE FROM datasets WHERE id = ?", id);
            return deleted;
        });
    }

    /**
     * Starts (or, if that name exists in the dataset, resumes) a session.
     *
     * @param name the session's name, or null for the clock's time in UTC, {@code 2026-11-20_23-50-12}
     * @throws DatasetException if there is no such dataset or the name is invalid
     */
    public synchronized Session startSession(String dataset, String name) {
        String sessionName = name != null ? name : SESSION_NAME.format(clock.instant());
        Names.check(sessionName, "session");
        return write("start session \"" + sessionName + "\" in dataset \"" + dataset + "\"", c -> {
            long datasetId = requireDataset(c, dataset);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sessions (dataset_id, name, created_ms)"
                    + " VALUES (?, ?, ?) ON CONFLICT (dataset_id, name) DO NOTHING")) {
                insert.setLong(1, datasetId);
                insert.setString(2, sessionName);
                insert.setLong(3, clock.millis());
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, created_ms FROM sessions WHERE dataset_id = ? AND name = ?")) {
                select.setLong(1, datasetId);
                select.setString(2, sessionName);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return new Session(rs.getLong(1), dataset, sessionName, Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        });
    }

    /**
     * Adds examples in batches of {@code batchSize}, each batch one transaction: all of it is stored or none. Tasks
     * without {@code _input_hash} or {@code _task_hash} get them ({@link TaskHashes#DEFAULT}); otherwise a task is
     * stored exactly as given. Returns only after the last commit; {@code onCommit} hears of each batch after its
     * commit (a batch it heard of survives a crash).
     *
     * <p>Tasks are read from {@code tasks} one batch at a time. If reading a task fails or a task has no answer, the
     * import stops with that exception before the batch holding it is written: earlier batches stay committed.
     *
     * @throws DatasetException if a task has no {@code "answer"} (naming its 1-based position in the input), or the
     *     session's dataset no longer exists
     */
    public synchronized ImportResult add(Session session, Iterator<Task> tasks, int batchSize,
                                         Consumer<CommittedBatch> onCommit) {
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new IllegalArgumentException("batchSize must be within 1..1000000, got " + batchSize);
        }
        long position = 0;
        long hashed = 0;
        int batches = 0;
        while (tasks.hasNext()) {
            List<Task> batch = new ArrayList<>(Math.min(batchSize, 4096));
            while (batch.size() < batchSize && tasks.hasNext()) {
                Task task = requireAnswer(tasks.next(), position + batch.size() + 1);
                Task hashedTask = hashes.withHashes(task);
                hashed += hashedTask == task ? 0 : 1;
                batch.add(hashedTask);
            }
            insert(session, batch);
            batches++;
            onCommit.accept(new CommittedBatch(batches, batch.size(), position + batch.size(), position));
            position += batch.size();
        }
        return new ImportResult(session, position, batches, hashed);
    }

    /** {@link #add(Session, Iterator, int, Consumer)} for a list, in one batch. */
    public ImportResult add(Session session, List<Task> tasks) {
        return add(session, tasks.iterator(), Math.max(1, tasks.size()), batch -> { });
    }

    /**
     * Every example of the dataset, oldest first, read lazily on a connection of its own. Close the stream.
     *
     * @throws DatasetException if there is no such dataset
     */
    public Stream<Example> examples(String dataset) {
        return stream(dataset, ExampleStream.ALL);
    }

    /**
     * The newest example per task hash (the last decision on each question), in the order they were added. Close the
     * stream.
     *
     * @throws DatasetException if there is no such dataset
     */
    public Stream<Example> latest(String dataset) {
        return stream(dataset, ExampleStream.LATEST);
    }

    /** Whether the dataset holds an example with this input hash. */
    public synchronized boolean hasInputHash(String dataset, long inputHash) {
        return has(dataset, "input_hash", inputHash);
    }

    /** Whether the dataset holds an example with this task hash. */
    public synchronized boolean hasTaskHash(String dataset, long taskHash) {
        return has(dataset, "task_hash", taskHash);
    }

    /**
     * Counts by answer, label and session.
     *
     * @throws DatasetException if there is no such dataset
     */
    public DatasetStats stats(String dataset) {
        Map<String, Long> byLabel = new HashMap<>();
        try (Stream<Example> examples = examples(dataset)) {
            examples.forEach(e -> Labels.of(e.task()).forEach(l -> byLabel.merge(l, 1L, Long::sum)));
        }
        synchronized (this) {
            return read("count dataset \"" + dataset + "\"", c -> Counts.of(c, requireDataset(c, dataset), dataset,
                    byLabel));
        }
    }

    /**
     * Combines the newest decisions (per task hash) of the {@code inputs} datasets on each input hash into one
     * accepted example per input in {@code output} (created if missing), in a new session named by the clock: the
     * NER spans and text classification labels answered on the same text end up in one example. Accepted examples
     * without a top-level {@code label} or {@code options} give their spans (each start, end and label once, sorted);
     * examples with a {@code label} give {@code "cats": {label: 1.0}} when accepted and 0.0 when rejected; accepted
     * choices give 1.0 to the accepted option ids and 0.0 to the others; {@code ignore} answers and rejected spans
     * give nothing. The other keys ({@code text}, {@code meta}, ...) come from the input's oldest example.
     * Examples are grouped by their stored input hash: data hashed by another tool (Prodigy's 32-bit hashes) should
     * be rehashed with {@link TaskHashes#rehash} before import to meet Quarry's hashes of the same text.
     *
     * @return what was added to {@code output}
     * @throws DatasetException if an input dataset does not exist or {@code output} is one of the inputs
     */
    public ImportResult merge(List<String> inputs, String output, int batchSize) {
        return new Merger(this).merge(inputs, output, batchSize);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    // ---- engine ----

    Connection connect() {
        try {
            if (location.file() != null) {
                Files.createDirectories(location.file().getParent());
            }
            return DriverManager.getConnection(location.url(), location.dialect().properties());
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the database " + location.shown() + ": " + e.getMessage(), e);
        }
    }

    Dialect dialect() {
        return location.dialect();
    }

    StoreException failure(String what, Exception e) {
        return new StoreException("cannot " + what + " in " + location.shown() + ": " + e.getMessage(), e);
    }

    /** The dataset's id or a {@link DatasetException} listing the datasets that exist. */
    long requireDataset(Connection c, String dataset) throws SQLException {
        Long id = datasetId(c, dataset);
        if (id == null) {
            throw new DatasetException(unknownDataset(c, dataset));
        }
        return id;
    }

    /** Runs {@code work} in one transaction on the shared connection; the caller holds this object's lock. */
    <T> T write(String what, SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(true);
                throw e;
            }
            // Leaving manual-commit mode commits, and unlike commit() does not open the next transaction at once
            // (which, in SQLite's BEGIN IMMEDIATE mode, would hold the write lock between calls).
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    <T> T read(String what, SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private void createSchema() {
        synchronized (this) {
            write("create the schema", c -> {
                location.dialect().lockSchema(c);
                try (Statement s = c.createStatement()) {
                    for (String ddl : location.dialect().schema()) {
                        s.execute(ddl);
                    }
                }
                checkVersion(c);
                return null;
            });
        }
    }

    private void checkVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM quarry_meta WHERE name = 'schema_version'")) {
            int version = rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            if (version != SCHEMA_VERSION) {
                throw new StoreException("the database " + location.shown() + " has schema version " + version
                        + ", this Quarry reads version " + SCHEMA_VERSION);
            }
        }
    }

    private void insert(Session session, List<Task> batch) {
        write("add " + batch.size() + " examples to dataset \"" + session.dataset() + "\"", c -> {
            long datasetId = requireDataset(c, session.dataset());
            long now = clock.millis();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO examples (dataset_id, session_id,"
                    + " input_hash, task_hash, answer, created_ms, task) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Task task : batch) {
                    insert.setLong(1, datasetId);
                    insert.setLong(2, session.id());
                    insert.setLong(3, task.inputHash().getAsLong());
                    insert.setLong(4, task.taskHash().getAsLong());
                    insert.setString(5, task.answer().orElseThrow().json());
                    insert.setLong(6, now);
                    insert.setString(7, task.toJson());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static Task requireAnswer(Task task, long position) {
        if (task.answer().isEmpty()) {
            throw new DatasetException("task " + position + " of the input has no \"answer\": an example must be"
                    + " answered accept, reject or ignore");
        }
        return task;
    }

    private boolean has(String dataset, String column, long hash) {
        return read("look up a hash in dataset \"" + dataset + "\"", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM examples WHERE dataset_id ="
                    + " (SELECT id FROM datasets WHERE name = ?) AND " + column + " = ? LIMIT 1")) {
                select.setString(1, dataset);
                select.setLong(2, hash);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            requireDataset(c, dataset);
            return false;
        });
    }

    private Stream<Example> stream(String dataset, String query) {
        requireExists(dataset);
        return ExampleStream.open(this, dataset, query);
    }

    /** @throws DatasetException listing the datasets that exist, if {@code dataset} is not one of them */
    synchronized void requireExists(String dataset) {
        read("look up dataset \"" + dataset + "\"", c -> requireDataset(c, dataset));
    }

    private static Long datasetId(Connection c, String dataset) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM datasets WHERE name = ?")) {
            select.setString(1, dataset);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private String unknownDataset(Connection c, String dataset) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM datasets")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        names.sort(Comparator.naturalOrder());
        return "unknown dataset \"" + dataset + "\" in " + location.shown() + "; "
                + (names.isEmpty() ? "it has no datasets yet" : "its datasets are: " + String.join(", ", names));
    }

    private static long update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, id);
            return statement.executeUpdate();
        }
    }
}
