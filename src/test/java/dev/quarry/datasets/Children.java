package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Starting {@link ImportChild} processes with the running JVM, and checks on the SQLite file they leave. */
final class Children {

    private Children() {
    }

    /**
     * Starts an importer on the java that runs this test, with this test's class path. Its standard output goes to
     * {@code stdout}, which keeps every line printed before a kill (the pipe of a killed process is closed).
     */
    static Process startImport(Path db, Path file, String dataset, int batchSize, String session, Path stdout,
                               Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this test"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ImportChild.class.getName(),
                db.toString(), file.toString(), dataset, Integer.toString(batchSize), session));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Writes {@code count} answered tasks {@code "<prefix> <i> ..."} to a JSONL file. */
    static Path writeTasks(Path file, String prefix, int count) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write("{\"text\":\"" + prefix + " " + i + " \u00e9t\u00e9 \uD83D\uDE00 The quick brown fox jumps"
                        + " over the lazy dog.\",\"meta\":{\"i\":" + i + ",\"score\":0.5},\"answer\":\"accept\"}\n");
            }
        }
        return file;
    }

    /** SQLite's own check of the file: every page and index consistent. */
    static void assertIntact(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }
}
