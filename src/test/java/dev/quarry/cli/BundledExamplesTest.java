package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's training walk-through on the bundled examples: import, train, evaluate, predict. */
class BundledExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReadmeTrainingCommandsRunOnTheBundledExamples(@TempDir Path dir) throws IOException {
        String db = dir.resolve("q.db").toString();
        assertEquals(0, CliRun.of("db-in", "health_ner", "examples/ner.jsonl", "--db", db).exitCode());
        assertEquals(0, CliRun.of("db-in", "health_topics", "examples/topics.jsonl", "--db", db).exitCode());
        String model = dir.resolve("health").toString();
        CliRun train = CliRun.of("train", "--db", db, "--ner", "health_ner", "--textcat", "health_topics",
                "--textcat-mode", "multi-label", "--patterns", "patterns/", "--eval-split", "0.2", "--seed", "7",
                "--iterations", "50", "--output", model);
        assertEquals(0, train.exitCode(), train.err());
        assertEquals("", train.err());
        JsonNode manifest = JSON.readTree(dir.resolve("health/manifest.json").toFile());
        assertEquals(32, manifest.at("/training/examples/ner_complete").intValue(), "40 sentences, 8 set aside");
        assertEquals(29, manifest.at("/training/examples/textcat").intValue(), "36 texts, 7 set aside");
        assertTrue(manifest.at("/metrics/ner_with_patterns/micro/f").doubleValue() > 0.5, manifest.toString());

        CliRun evaluate = CliRun.of("evaluate", model, "health_topics", "--db", db, "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals(36, JSON.readTree(evaluate.out()).at("/textcat/total").intValue(), "every choice showed all 3");

        CliRun predict = CliRun.of("predict", model, "examples/corpus.jsonl");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(10, predict.outLines().length);
        for (String line : predict.outLines()) {
            JsonNode task = JSON.readTree(line);
            assertEquals(3, task.get("cats").size(), line);
            assertTrue(task.get("labels").isArray(), line);
        }
        JsonNode first = JSON.readTree(predict.outLines()[0]);
        assertEquals("[\"ORG\",\"CASE_COUNT\",\"DISEASE\"]", JSON.valueToTree(first.get("spans")
                .findValuesAsText("label")).toString(), "patterns win where they fire");
    }
}
