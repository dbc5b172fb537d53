package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, one temporary file per test, and what only a file can get wrong. */
class SqliteDatabaseIT extends DatabaseContract {

    @TempDir
    Path temp;

    @Override
    String freshLocation() {
        return temp.resolve("sub/dir/quarry.db").toString();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithItsPath() throws Exception {
        Path notADatabase = Files.writeString(temp.resolve("notes.txt"), "x".repeat(4096), StandardCharsets.UTF_8);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(notADatabase.toString()));
        assertTrue(e.getMessage().startsWith("cannot open the database " + notADatabase + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not a database"), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefusedRatherThanMisread() throws Exception {
        db.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location); Statement s = c.createStatement()) {
            s.execute("UPDATE quarry_meta SET value = '2' WHERE name = 'schema_version'");
        }
        assertEquals("the database " + Path.of(location).toAbsolutePath() + " has schema version 2, this Quarry reads"
                + " version 1", assertThrows(StoreException.class, () -> Database.open(location)).getMessage());
        db = Database.open(temp.resolve("other.db").toString(), clock);
    }
}
