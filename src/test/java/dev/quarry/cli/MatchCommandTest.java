package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class MatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path patterns;

    @BeforeEach
    void writePatterns() throws IOException {
        patterns = dir.resolve("diseases.jsonl");
        Files.writeString(patterns, """
                {"label": "DISEASE", "pattern": "breast cancer", "id": "D001943"}
                {"label": "DISEASE", "pattern": [{"LOWER": "flu"}]}
                """, StandardCharsets.UTF_8);
    }

    @Test
    void writesSpansWithCodePointOffsetsAndInclusiveTokenEnd() throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\": 7, \"text\": \"🎉 breast cancer and Flu\"}\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("match", "--patterns", patterns.toString(), input.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = JSON.readTree(run.outLines()[0]);
        assertEquals(7, line.get("id").asInt());
        JsonNode first = line.get("spans").get(0);
        assertEquals(2, first.get("start").asInt());
        assertEquals(15, first.get("end").asInt());
        assertEquals(1, first.get("token_start").asInt());
        assertEquals(2, first.get("token_end").asInt());
        assertEquals("DISEASE", first.get("label").asText());
        assertEquals("D001943", first.get("pattern_id").asText());
        assertEquals(patterns + ":1", first.get("source").asText());
        JsonNode second = line.get("spans").get(1);
        assertEquals("Flu", "🎉 breast cancer and Flu".codePoints().skip(second.get("start").asInt())
                .limit(second.get("end").asInt() - second.get("start").asInt())
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        assertEquals(patterns + ":2", second.get("source").asText());
    }

    @Test
    void readsPlainTextFromStandardInputOneTextPerLine() throws IOException {
        CliRun run = CliRun.withInput("no match here\n\nflu season\n", "match", "-p", patterns.toString(), "-");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.outLines().length);
        assertEquals(0, JSON.readTree(run.outLines()[0]).get("spans").size());
        assertEquals("flu season", JSON.readTree(run.outLines()[1]).get("text").asText());
        assertEquals(1, JSON.readTree(run.outLines()[1]).get("spans").size());
    }

    @Test
    void lowerAttrMakesPhrasesCaseInsensitive() throws IOException {
        CliRun orth = CliRun.withInput("Breast Cancer\n", "match", "-p", patterns.toString(), "-");
        CliRun lower = CliRun.withInput("Breast Cancer\n", "match", "-p", patterns.toString(), "--attr", "lower", "-");
        assertEquals(0, JSON.readTree(orth.outLines()[0]).get("spans").size());
        assertEquals(1, JSON.readTree(lower.outLines()[0]).get("spans").size());
    }

    @Test
    void aBadInputLineStopsWithItsLineNumberAndKeepsValidOutput() throws IOException {
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(input, "{\"text\": \"flu\"}\n{\"text\": 42}\n{\"text\": \"flu\"}\n");
        CliRun run = CliRun.of("match", "-p", patterns.toString(), input.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.outLines().length);
        JSON.readTree(run.outLines()[0]);
        assertEquals("quarry: " + input + ":2: \"text\" must be a string, got number (--skip-bad skips such lines)\n",
                run.err());
    }

    @Test
    void skipBadCountsSkippedLines() {
        Path input = dir.resolve("bad.jsonl");
        CliRun run = CliRun.withInput("{\"text\": \"flu\"}\n{not json\n{\"text\": \"flu\"}\n",
                "match", "-p", patterns.toString(), "--skip-bad", "--format", "jsonl", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.outLines().length);
        assertTrue(run.err().startsWith("quarry: warning: skipped -:2: column "), run.err());
        assertTrue(run.err().endsWith("quarry: skipped 1 bad input line\n"), run.err());
        assertTrue(!Files.exists(input));
    }

    @Test
    void invalidPatternsRefuseToStartAndWriteNothing() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"label\": \"X\", \"pattern\": \"ok\"}\n{\"lable\": \"X\", \"pattern\": \"x\"}\n");
        CliRun run = CliRun.withInput("flu\n", "match", "-p", bad.toString(), "-");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains(bad + ":2:"), run.err());
        assertTrue(!run.err().contains("Exception"), run.err());
    }

    @Test
    void missingPatternFileIsAUsageError() {
        CliRun run = CliRun.withInput("flu\n", "match", "-p", dir.resolve("nope.jsonl").toString(), "-");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: " + dir.resolve("nope.jsonl") + ": no such file or directory\n", run.err());
    }

    @Test
    void unknownOptionValueIsAUsageError() {
        CliRun run = CliRun.withInput("flu\n", "match", "-p", patterns.toString(), "--overlap", "widest", "-");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --overlap must be one of all, longest, priority, got \"widest\"\n", run.err());
    }

    @Test
    void explainPrintsPatternSourceAndAlignmentOnStandardError() {
        CliRun run = CliRun.withInput("I had breast cancer\n", "match", "-p", patterns.toString(), "--explain", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("-:1: DISEASE \"breast cancer\" <- " + patterns + ":1 (id D001943)\n"),
                run.err());
        assertTrue(run.err().contains("token 2 \"breast\""), run.err());
        assertTrue(run.err().contains("token 3 \"cancer\""), run.err());
    }

    @Test
    void tokensOptionAddsProdigyTokens() throws IOException {
        CliRun run = CliRun.withInput("flu, again\n", "match", "-p", patterns.toString(), "--tokens", "-");
        JsonNode tokens = JSON.readTree(run.outLines()[0]).get("tokens");
        assertEquals(3, tokens.size());
        assertEquals(",", tokens.get(1).get("text").asText());
        assertEquals(false, tokens.get(0).get("ws").asBoolean());
        assertEquals(true, tokens.get(1).get("ws").asBoolean());
    }
}
