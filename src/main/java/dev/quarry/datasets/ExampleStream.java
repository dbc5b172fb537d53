package dev.quarry.datasets;

import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskFormatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Examples read lazily from a query on a connection of their own (a cursor on PostgreSQL), closed with the stream.
 * Not thread-safe, like any stream.
 */
final class ExampleStream extends Spliterators.AbstractSpliterator<Example> {

    private static final String SELECT = "SELECT e.id, d.name, s.name, e.answer, e.input_hash, e.task_hash,"
            + " e.created_ms, e.task FROM examples e JOIN datasets d ON d.id = e.dataset_id"
            + " JOIN sessions s ON s.id = e.session_id";
    private static final String NEWEST = " AND NOT EXISTS (SELECT 1 FROM examples n WHERE n.dataset_id ="
            + " e.dataset_id AND n.task_hash = e.task_hash AND n.id > e.id)";

    static final String ALL = SELECT + " WHERE d.name = ? ORDER BY e.id";
    static final String LATEST = SELECT + " WHERE d.name = ?" + NEWEST + " ORDER BY e.id";

    private final Database database;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;

    private ExampleStream(Database database, Connection connection, PreparedStatement statement, ResultSet rows) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.database = database;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    static Stream<Example> open(Database database, String dataset, String query) {
        return open(database, query, List.of(dataset));
    }

    /** The newest example per task hash of each of {@code datasets}, ordered by input hash, then id. */
    static Stream<Example> latestByInput(Database database, List<String> datasets) {
        String names = String.join(", ", java.util.Collections.nCopies(datasets.size(), "?"));
        return open(database, SELECT + " WHERE d.name IN (" + names + ")" + NEWEST
                + " ORDER BY e.input_hash, e.id", datasets);
    }

    private static Stream<Example> open(Database database, String query, List<String> parameters) {
        Connection connection = database.connect();
        try {
            database.dialect().prepareForStreaming(connection);
            PreparedStatement statement = connection.prepareStatement(query);
            statement.setFetchSize(500);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            ExampleStream rows = new ExampleStream(database, connection, statement, statement.executeQuery());
            return StreamSupport.stream(rows, false).onClose(rows::close);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof SQLException sql ? database.failure("read examples", sql) : (RuntimeException) e;
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super Example> action) {
        try {
            if (!rows.next()) {
                return false;
            }
            action.accept(example());
            return true;
        } catch (SQLException e) {
            throw database.failure("read examples", e);
        }
    }

    private Example example() throws SQLException {
        long id = rows.getLong(1);
        Task task;
        try {
            task = Task.parse(rows.getString(8));
        } catch (TaskFormatException e) {
            throw new StoreException("example " + id + " in " + database.location() + " is not a valid task: "
                    + e.problem(), e);
        }
        return new Example(id, rows.getString(2), rows.getString(3), Answer.parse(rows.getString(4)),
                rows.getLong(5), rows.getLong(6), Instant.ofEpochMilli(rows.getLong(7)), task);
    }

    private void close() {
        try {
            rows.close();
            statement.close();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw database.failure("close an example stream", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written on this connection; the original problem, if any, is being thrown
        }
    }
}
