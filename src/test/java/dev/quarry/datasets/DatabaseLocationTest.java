package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

    private static final Path HOME = Path.of("/home/ann/.quarry");

    @Test
    void optionWinsOverEnvironmentAndHome() {
        assertEquals("team.db", Database.resolve("team.db", Map.of("QUARRY_DB", "env.db"), HOME));
    }

    @Test
    void environmentWinsOverHome() {
        assertEquals("jdbc:postgresql://db/ann", Database.resolve(null, Map.of("QUARRY_DB", "jdbc:postgresql://db/ann"),
                HOME));
        assertEquals("jdbc:postgresql://db/ann", Database.resolve("  ", Map.of("QUARRY_DB", "jdbc:postgresql://db/ann"),
                HOME));
    }

    @Test
    void defaultIsAFileInTheQuarryHome() {
        assertEquals(HOME.resolve("quarry.db").toString(), Database.resolve(null, Map.of("QUARRY_DB", ""), HOME));
    }

    @Test
    void postgresUrlIsShownWithoutItsParameters() {
        Location location = Location.parse("jdbc:postgresql://db:5432/quarry?user=ann&password=secret");
        assertEquals(Dialect.POSTGRESQL, location.dialect());
        assertEquals("jdbc:postgresql://db:5432/quarry", location.shown());
        assertNull(location.file());
    }

    @Test
    void sqlitePathsAndUrlsNameAnAbsoluteFile() {
        Location plain = Location.parse("/data/q.db");
        Location url = Location.parse("jdbc:sqlite:/data/q.db");
        assertEquals(Dialect.SQLITE, plain.dialect());
        assertEquals(plain, url);
        assertEquals("jdbc:sqlite:/data/q.db", plain.url());
    }

    @Test
    void unsupportedLocationsAreRefusedWithWhatWouldWork() {
        assertEquals("unsupported database URL jdbc:mysql:...: use a SQLite file path, jdbc:sqlite:PATH or"
                + " jdbc:postgresql://HOST[:PORT]/DATABASE", message("jdbc:mysql://db/q?password=x"));
        assertEquals("an in-memory SQLite database keeps nothing: give a file path, got \":memory:\"",
                message("jdbc:sqlite::memory:"));
        assertEquals("give the SQLite database as a plain file path, without file: or ? parameters (Quarry sets"
                + " them), got \"q.db?journal_mode=DELETE\"", message("q.db?journal_mode=DELETE"));
        assertEquals("the database location must not be empty", message(" "));
    }

    private static String message(String location) {
        return assertThrows(DatasetException.class, () -> Location.parse(location)).getMessage();
    }
}
