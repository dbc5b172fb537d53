package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {

    private static final String PRODIGY = """
            {"text":"Flu in São Paulo 🎉","spans":[{"start":0,"end":3,"token_start":0,"token_end":0,"label":"DISEASE"}],"_input_hash":-1021367839,"_task_hash":1742334411,"answer":"accept","_session_id":"ner-ann1","_view_id":"ner_manual"}
            {"text":"Nothing here","spans":[],"_input_hash":151872339,"_task_hash":-59210357,"answer":"reject","meta":{"score":0.25}}
            """;

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void database() {
        db = dir.resolve("q.db").toString();
    }

    @Test
    void dbInThenDbOutRoundTripsProdigyLinesUnchanged() throws IOException {
        CliRun in = CliRun.withInput(PRODIGY, "db-in", "ner", "-", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        assertTrue(in.out().startsWith("imported 2 examples into \"ner\" (session "), in.out());
        CliRun out = CliRun.of("db-out", "ner", "--db", db);
        assertEquals(0, out.exitCode(), out.err());
        assertEquals(PRODIGY, out.out());
        Path file = dir.resolve("out.jsonl");
        assertEquals(0, CliRun.of("db-out", "ner", file.toString(), "--db", db).exitCode());
        assertEquals(PRODIGY, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void dbInGivesTasksWithoutAnAnswerTheDefaultAnswerAndHashes() {
        CliRun in = CliRun.withInput("{\"text\":\"a\"}\n", "db-in", "d", "-", "--answer", "ignore", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        String line = CliRun.of("db-out", "d", "--db", db).out();
        assertTrue(line.contains("\"answer\":\"ignore\""), line);
        assertTrue(line.contains("\"_input_hash\":"), line);
        assertTrue(line.contains("\"_task_hash\":"), line);
    }

    @Test
    void aBadLineStopsTheImportNamingItAndKeepsEarlierBatches() {
        String input = "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\",\"answer\":\"maybe\"}\n";
        CliRun in = CliRun.withInput(input, "db-in", "d", "-", "--batch-size", "2", "--db", db);
        assertEquals(2, in.exitCode());
        assertEquals("quarry: <stdin>:3: \"answer\" must be one of accept, reject, ignore, got \"maybe\"\n"
                + "2 examples in 1 batches were saved before the error\n", in.err());
        assertEquals(2, CliRun.of("db-out", "d", "--db", db).outLines().length);
    }

    @Test
    void skipBadImportsTheRestAndCountsTheSkipped() {
        String input = "{\"text\":\"a\"}\n{oops\n{\"text\":\"c\"}\n";
        CliRun in = CliRun.withInput(input, "db-in", "d", "-", "--skip-bad", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        assertTrue(in.out().endsWith(", skipped 1 bad lines\n"), in.out());
        assertTrue(in.err().startsWith("quarry: warning: skipped <stdin>:2:"), in.err());
    }

    @Test
    void statsCountsByAnswerLabelAndWhatIsLeftOfASource() throws IOException {
        CliRun.withInput(PRODIGY, "db-in", "ner", "-", "--session", "ann1", "--rehash", "--db", db);
        Path source = dir.resolve("source.jsonl");
        Files.writeString(source, "{\"text\":\"Nothing here\"}\n{\"text\":\"new text\"}\n");
        CliRun stats = CliRun.of("stats", "ner", "-l", "--source", source.toString(), "--db", db);
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().contains("examples: 2 (questions: 2, texts: 2)\n"), stats.out());
        assertTrue(stats.out().contains("  accept   1\n  reject   1\n  ignore   0\n"), stats.out());
        assertTrue(stats.out().contains("  DISEASE              1\n"), stats.out());
        assertTrue(stats.out().contains("  ann1                     2\n"), stats.out());
        assertTrue(stats.out().endsWith("1 of 2 texts left to annotate\n"), stats.out());
    }

    @Test
    void unknownDatasetsAreUsageErrorsListingTheExistingOnes() {
        CliRun.withInput(PRODIGY, "db-in", "ner", "-", "--db", db);
        CliRun drop = CliRun.of("drop", "nre", "--db", db);
        assertEquals(2, drop.exitCode());
        assertEquals("quarry: no dataset \"nre\"; the database has ner\n", drop.err());
        CliRun out = CliRun.of("db-out", "nre", "--db", db);
        assertEquals(2, out.exitCode());
        assertTrue(out.err().contains("ner"), out.err());
    }

    @Test
    void dropRemovesTheDataset() {
        CliRun.withInput(PRODIGY, "db-in", "ner", "-", "--db", db);
        CliRun drop = CliRun.of("drop", "ner", "--db", db);
        assertEquals("dropped \"ner\" (2 examples)\n", drop.out());
        assertEquals("database: " + db + "\n", CliRun.of("stats", "--db", db).out());
    }

    @Test
    void dbMergeJoinsNerAndTextcatAnswersOnTheSameText() {
        CliRun.withInput("{\"text\":\"Flu again\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"DISEASE\"}]}\n",
                "db-in", "ner", "-", "--db", db);
        CliRun.withInput("{\"text\":\"Flu again\",\"label\":\"HEALTH\"}\n", "db-in", "cat", "-", "--db", db);
        CliRun merge = CliRun.of("db-merge", "ner", "cat", "--output", "joint", "--db", db);
        assertEquals(0, merge.exitCode(), merge.err());
        String[] lines = CliRun.of("db-out", "joint", "--db", db).outLines();
        assertEquals(1, lines.length);
        assertTrue(lines[0].contains("\"DISEASE\"") && lines[0].contains("\"HEALTH\""), lines[0]);
    }
}
