package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbInConllTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IOB1 = """
            -DOCSTART- -X- O O

            EU NNP I-NP I-ORG
            rejects VBZ I-VP O
            German JJ I-NP I-MISC
            call NN I-NP O

            Peter NNP I-NP I-PER
            Blackburn NNP I-NP I-PER
            """;

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void database() {
        db = dir.resolve("q.db").toString();
    }

    @Test
    void importsEachSentenceAsAnAcceptedTaskWithCompleteSpans() throws IOException {
        Path file = Files.writeString(dir.resolve("eng.train"), IOB1, StandardCharsets.UTF_8);
        CliRun in = CliRun.of("db-in", "conll", file.toString(), "--format", "conll", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        assertTrue(in.out().startsWith("imported 2 examples into \"conll\""), in.out());
        String[] lines = CliRun.of("db-out", "conll", "--db", db).outLines();
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("EU rejects German call", first.get("text").asText());
        assertEquals("accept", first.get("answer").asText());
        assertEquals(4, first.get("tokens").size());
        JsonNode german = first.get("spans").get(1);
        assertEquals("MISC", german.get("label").asText());
        assertEquals(11, german.get("start").asInt());
        assertEquals(17, german.get("end").asInt());
        assertEquals(2, german.get("token_end").asInt());
        assertEquals(file + "#1", first.get("meta").get("document").asText());
        JsonNode peter = JSON.readTree(lines[1]).get("spans");
        assertEquals(1, peter.size());
        assertEquals(1, peter.get(0).get("token_end").asInt());
    }

    @Test
    void aRepeatedSentenceStaysAnExampleOfItsOwn() throws IOException {
        String twice = "-DOCSTART- -X- O O\n\nResults O\n\nResults O\n\n-DOCSTART- -X- O O\n\nResults O\n";
        Path file = Files.writeString(dir.resolve("eng.train"), twice, StandardCharsets.UTF_8);
        CliRun in = CliRun.of("db-in", "conll", file.toString(), "--format", "conll", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        String[] latest = CliRun.of("db-out", "conll", "--latest", "--db", db).outLines();
        assertEquals(3, latest.length, "what training reads");
        List<String> metas = new java.util.ArrayList<>();
        for (String line : latest) {
            metas.add(JSON.readTree(line).get("meta").toString());
        }
        assertEquals(List.of("{\"document\":\"" + file + "#1\",\"sentence\":0}",
                "{\"document\":\"" + file + "#1\",\"sentence\":1}",
                "{\"document\":\"" + file + "#2\",\"sentence\":0}"), metas);
        CliRun again = CliRun.of("db-in", "conll", file.toString(), "--format", "conll", "--db", db);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(3, CliRun.of("db-out", "conll", "--latest", "--db", db).outLines().length,
                "importing the same file again asks the same questions");
    }

    @Test
    void iob2RejectsAnEntityThatStartsWithI() {
        CliRun in = CliRun.withInput(IOB1, "db-in", "conll", "-", "--format", "conll", "--iob", "iob2", "--db", db);
        assertEquals(2, in.exitCode());
        assertEquals("quarry: <stdin>:3: IOB2: \"I-ORG\" must follow B-ORG or I-ORG, got it after \"O\"\n"
                + "nothing was imported\n", in.err());
        assertEquals(0, CliRun.of("db-out", "conll", "--db", db).outLines().length);
    }

    @Test
    void aMalformedTagNamesItsLine() {
        CliRun in = CliRun.withInput("EU NNP X-ORG\n", "db-in", "d", "-", "--format", "conll", "--db", db);
        assertEquals(2, in.exitCode());
        assertEquals("quarry: <stdin>:1: tag must be O, B-<label> or I-<label>, got \"X-ORG\"\nnothing was imported\n",
                in.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun in = CliRun.withInput("", "db-in", "d", "-", "--format", "xml", "--db", db);
        assertEquals(2, in.exitCode());
        assertEquals("quarry: --format must be one of jsonl, conll, got \"xml\"\n", in.err());
    }
}
