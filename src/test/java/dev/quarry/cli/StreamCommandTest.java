package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path patterns;

    @BeforeEach
    void writePatterns() throws IOException {
        patterns = dir.resolve("p.jsonl");
        Files.writeString(patterns, """
                {"label": "DISEASE", "pattern": "heart attack"}
                {"label": "DISEASE", "pattern": [{"LOWER": "flu"}]}
                """, StandardCharsets.UTF_8);
    }

    private static List<String> texts(CliRun run) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : run.outLines()) {
            texts.add(JSON.readTree(line).get("text").asText());
        }
        return texts;
    }

    @Test
    void patternHitsComeFirstWithSpansAndHashesAndNothingIsLost() throws IOException {
        String input = "plain one\nflu 🎉 and heart attack\nplain two\nsome flu\nplain three\n";
        CliRun run = CliRun.withInput(input, "stream", "-", "--patterns", patterns.toString(), "--window", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("flu 🎉 and heart attack", "some flu", "plain one", "plain two", "plain three"),
                texts(run));
        JsonNode first = JSON.readTree(run.outLines()[0]);
        JsonNode span = first.get("spans").get(1);
        assertEquals(10, span.get("start").asInt());
        assertEquals(22, span.get("end").asInt());
        assertEquals(3, span.get("token_start").asInt());
        assertEquals(4, span.get("token_end").asInt());
        assertEquals(patterns + ":1", span.get("source").asText());
        assertTrue(first.has("_input_hash") && first.has("_task_hash"), first.toString());
        assertEquals("", run.err());
    }

    @Test
    void aSmallWindowOnlyLooksThatFarAhead() throws IOException {
        String input = "a\nb\nflu\nc\n";
        CliRun run = CliRun.withInput(input, "stream", "-", "--patterns", patterns.toString(), "--window", "2");
        assertEquals(List.of("a", "flu", "b", "c"), texts(run));
    }

    @Test
    void aTaskThatWaitedMaxWaitLeavesBeforeBetterOnesAndTheRunSaysSo() throws IOException {
        Path text = dir.resolve("doc.txt");
        Files.writeString(text, "plain\n\nflu one\n\nflu two\n\nflu three\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("stream", text.toString(), "--paragraphs", "--patterns", patterns.toString(),
                "--window", "2", "--max-wait", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("flu one", "plain", "flu two", "flu three"), texts(run));
        assertEquals("quarry: 1 tasks left the window for having waited --max-wait emissions\n", run.err());
        JsonNode plain = JSON.readTree(run.outLines()[1]).get("meta");
        assertEquals(text.toString(), plain.get("doc_id").asText());
        assertEquals(0, plain.get("paragraph").asInt());
        assertEquals(7, JSON.readTree(run.outLines()[0]).get("meta").get("offset").asInt());
    }

    @Test
    void asIsWithoutPatternsDedupsByTaskHashAndReportsIt() throws IOException {
        CliRun run = CliRun.withInput("x\ny\nx\n", "stream", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("x", "y"), texts(run));
        assertEquals("quarry: left out 1 tasks repeated in the stream\n", run.err());
        assertEquals(List.of("x", "y", "x"), texts(CliRun.withInput("x\ny\nx\n", "stream", "-", "--dedup", "none")));
    }

    @Test
    void excludeLeavesOutWhatADatasetHolds() throws IOException {
        String db = dir.resolve("q.db").toString();
        CliRun in = CliRun.withInput("{\"text\":\"done\"}\n", "db-in", "seen", "-", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        CliRun run = CliRun.withInput("new\ndone\nalso new\n", "stream", "-", "--exclude", "seen", "--db", db);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("new", "also new"), texts(run));
        assertEquals("quarry: left out 1 tasks already in seen\n", run.err());
        CliRun missing = CliRun.withInput("a\n", "stream", "-", "--exclude", "nope", "--db", db);
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("quarry: ") && missing.err().contains("seen"), missing.err());
    }

    @Test
    void uncertainFirstReadsAScoreFieldAndNeedsOne() throws IOException {
        String input = """
                {"text":"a","meta":{"score":0.9}}
                {"text":"b","meta":{"score":0.5}}
                {"text":"c","meta":{"score":0.25}}
                """;
        CliRun run = CliRun.withInput(input, "stream", "-", "--order", "uncertain", "--score-field", "meta.score");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("b", "c", "a"), texts(run));
        CliRun high = CliRun.withInput(input, "stream", "-", "--order", "high", "--score-field", "meta.score",
                "--drop-below", "0.3");
        assertEquals(List.of("a", "b"), texts(high));
        assertEquals("quarry: left out 1 tasks scored below 0.3\n", high.err());
        CliRun noScorer = CliRun.withInput(input, "stream", "-", "--order", "uncertain");
        assertEquals(2, noScorer.exitCode());
        assertEquals("quarry: --order uncertain, --order high and --drop-below need a scorer: --score-field PATH "
                + "(a number in each task, e.g. meta.score)\n", noScorer.err());
        CliRun missing = CliRun.withInput("{\"text\":\"z\"}\n", "stream", "-", "--order", "high", "--score-field",
                "meta.score");
        assertEquals(2, missing.exitCode());
        assertEquals("quarry: \"meta.score\" must be a number, got nothing in the task \"z\"\n", missing.err());
    }

    @Test
    void findTermsKeepsHitsAndSaysWhyTheSearchEnded() throws IOException {
        CliRun run = CliRun.withInput("a\nflu\nb\nc\nflu again\n", "stream", "-", "--patterns", patterns.toString(),
                "--order", "find-terms", "--at-least", "2", "--give-up-after", "2", "--then", "rest");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("flu", "flu again"), texts(run));
        assertEquals("quarry: find-terms: 1 found, 3 left out without hits, search ended: gave up\n", run.err());
    }

    @Test
    void badCsvNamesFileAndLineAndSkipBadGoesOn() throws IOException {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "id,text\n1,fine\n2,bad,extra\n3,\"quoted, fine\"\n", StandardCharsets.UTF_8);
        CliRun strict = CliRun.of("stream", csv.toString());
        assertEquals(2, strict.exitCode());
        assertEquals("quarry: " + csv + ":3: expected 2 fields as in the header, got 3\n", strict.err());
        CliRun skipping = CliRun.of("stream", csv.toString(), "--skip-bad");
        assertEquals(0, skipping.exitCode(), skipping.err());
        assertEquals(List.of("fine", "quoted, fine"), texts(skipping));
        assertEquals("quarry: warning: skipped " + csv + ":3: expected 2 fields as in the header, got 3\n"
                + "quarry: skipped 1 bad input record\n", skipping.err());
    }

    @Test
    void missingSourceAndBadUsageAreMessages() {
        CliRun missing = CliRun.of("stream", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("quarry: " + dir.resolve("nope.txt") + ": no such file or directory\n", missing.err());
        CliRun neither = CliRun.of("stream");
        assertEquals(2, neither.exitCode());
        assertEquals("quarry: give either a SOURCE or --index IDX, not neither\n", neither.err());
        CliRun order = CliRun.withInput("a\n", "stream", "-", "--order", "random");
        assertEquals(2, order.exitCode());
        assertEquals("quarry: --order must be one of matches, uncertain, high, find_terms, as_is, got \"random\"\n",
                order.err());
    }

    @Test
    void indexThenStreamPutsPhraseHitsFirstAndEveryParagraphOnce() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("a.txt"), "Nothing here.\n\nA Heart  attack, then flu.\n\nQuiet.\n",
                StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("b.jsonl"), "{\"text\":\"Calm day.\\n\\nThe flu season.\"}\n",
                StandardCharsets.UTF_8);
        Path index = dir.resolve("idx");
        CliRun build = CliRun.of("index", corpus.toString(), "--output", index.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(build.out().startsWith("indexed 5 paragraphs"), build.out());
        CliRun run = CliRun.of("stream", "--index", index.toString(), "--patterns", patterns.toString(),
                "--order", "as-is");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("A Heart  attack, then flu.", "The flu season.", "Nothing here.", "Quiet.",
                "Calm day."), texts(run));
        JsonNode first = JSON.readTree(run.outLines()[0]);
        assertEquals(corpus.resolve("a.txt").toString(), first.get("meta").get("doc_id").asText());
        assertEquals(15, first.get("meta").get("offset").asInt());
        // the index ranks case-insensitively; spans are the matcher's exact (ORTH) matches: "flu" only
        assertEquals(1, first.get("spans").size());
        CliRun again = CliRun.of("index", corpus.toString(), "--output", index.toString());
        assertEquals(2, again.exitCode());
        assertEquals("quarry: " + index + ": already exists and is not empty; remove it or pick another\n",
                again.err());
        CliRun notIndex = CliRun.of("stream", "--index", corpus.toString());
        assertEquals(2, notIndex.exitCode());
        assertEquals("quarry: " + corpus + ": not a Quarry paragraph index (no quarry-index.properties; build one "
                + "with quarry index)\n", notIndex.err());
    }
}
