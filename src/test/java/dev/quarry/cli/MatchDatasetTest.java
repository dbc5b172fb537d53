package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchDatasetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String patterns;
    private String db;

    @BeforeEach
    void setUp() throws IOException {
        patterns = Files.writeString(dir.resolve("diseases.jsonl"),
                "{\"label\": \"DISEASE\", \"pattern\": \"breast cancer\", \"id\": \"D001943\"}\n",
                StandardCharsets.UTF_8).toString();
        db = dir.resolve("q.db").toString();
    }

    @Test
    void storesEachTextWithItsMatchesAsAnAcceptedSilverExampleInBatches() throws IOException {
        String input = "breast cancer screening\nnothing here\nbreast cancer and breast cancer\n";
        CliRun run = CliRun.withInput(input, "match", "-p", patterns, "--dataset", "silver", "--session", "s1",
                "--batch-size", "2", "--db", db, "-");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("saved 3 silver examples with 3 matches into \"silver\" (session s1, 2 batches)\n", run.out());
        String[] stored = CliRun.of("db-out", "silver", "--db", db).outLines();
        assertEquals(3, stored.length);
        JsonNode first = JSON.readTree(stored[0]);
        assertEquals("breast cancer screening", first.get("text").asText());
        assertTrue(first.get("_silver").asBoolean());
        assertEquals("accept", first.get("answer").asText());
        assertEquals("DISEASE", first.get("spans").get(0).get("label").asText());
        assertEquals(1, first.get("spans").get(0).get("token_end").asInt());
        assertEquals(3, first.get("tokens").size());
        assertTrue(first.has("_input_hash") && first.has("_task_hash"), stored[0]);
        JsonNode second = JSON.readTree(stored[1]);
        assertEquals(0, second.get("spans").size());
        assertTrue(second.get("_silver").asBoolean());
    }

    @Test
    void aBadLineStopsTheStoreAndSaysWhatWasSaved() {
        String input = "{\"text\": \"breast cancer\"}\n{\"text\": \"b\"}\n{oops\n";
        CliRun run = CliRun.withInput(input, "match", "-p", patterns, "--dataset", "silver", "--batch-size", "2",
                "--format", "jsonl", "--db", db, "-");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("quarry: -:3: column 2: malformed JSON"), run.err());
        assertTrue(run.err().endsWith("2 texts in 1 batches were saved before the error\n"), run.err());
        assertEquals(2, CliRun.of("db-out", "silver", "--db", db).outLines().length);
    }

    @Test
    void sessionWithoutDatasetIsAUsageError() {
        CliRun run = CliRun.withInput("x\n", "match", "-p", patterns, "--session", "s", "-");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --session needs --dataset\n", run.err());
        assertFalse(Files.exists(dir.resolve("q.db")));
    }
}
