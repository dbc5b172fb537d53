package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsCommandTest {

    /** GloVe text: axis 0 "fruit", 1 "vehicle", 2 "colour", 3 "noise". */
    static final String VECTORS = """
            the 0.99 0.05 0 0
            apple 1 0 0 0
            pear 0.9 0.1 0 0
            plum 0.95 0 0.05 0
            cherry 0.8 0 0.3 0
            red 0.3 0 1 0
            car 0 1 0 0
            plums 0.94 0 0.06 0.01
            granny 0.7 0 0 0.4
            smith 0.6 0 0 0.5
            """;

    @TempDir
    Path dir;
    private Path vectors;
    private Path seeds;
    private Path output;

    @BeforeEach
    void files() throws IOException {
        vectors = write("vectors.txt", VECTORS);
        seeds = write("seeds.txt", "# fruit\napple\n\npear\n");
        output = dir.resolve("fruit.jsonl");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private CliRun terms(String stdin, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("terms", "--vectors", vectors.toString(),
                "--seeds", seeds.toString(), "--label", "FRUIT", "--output", output.toString()));
        args.addAll(List.of(extra));
        return CliRun.withInput(stdin, args.toArray(String[]::new));
    }

    private List<String> matches(String text) throws Exception {
        Matcher matcher = Matcher.compile(PatternFiles.load(output).patterns(), MatchOptions.defaults());
        return matcher.match(Tokenizer.standard().tokenize(text)).stream()
                .map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void batchWritesTheSeedsAndTheTopCandidatesAsPatternsThatMatch() throws Exception {
        CliRun run = terms("", "--top", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, run.outLines().length, run.out());
        assertTrue(run.outLines()[0].endsWith("  plum  variants: plums"), run.out());
        assertTrue(run.outLines()[1].endsWith("  cherry"), run.out());
        assertEquals("wrote 5 patterns for 2 seeds and 2 suggestions to " + output, run.outLines()[2]);
        assertEquals(List.of("Apple", "plums", "cherry"), matches("Apple, plums and cherry, not car."));
    }

    @Test
    void thresholdDropsWeakCandidates() throws IOException {
        CliRun run = terms("", "--threshold", "0.9", "--terms-out", dir.resolve("t.txt").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("apple\npear\nplum\tplums\ncherry\n", Files.readString(dir.resolve("t.txt")));
    }

    @Test
    void multiWordTermsComeFromTheCorpusAndMatchInText() throws Exception {
        Path corpus = write("corpus.txt", """
                Granny Smith is green. We ate granny smith pies.

                A granny smith a day. Red cars, plum jam, red cars.
                """);
        CliRun run = terms("", "--corpus", corpus.toString(), "--corpus-index", dir.resolve("idx").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  granny smith  (frequency 3)"), run.out());
        assertTrue(run.out().contains("  plum  (frequency 1)"), run.out());
        assertTrue(run.err().startsWith("quarry: indexed 2 paragraphs of " + corpus), run.err());
        assertEquals(List.of("Granny Smith"), matches("Granny Smith apples"));
        CliRun again = terms("", "--corpus", corpus.toString(), "--corpus-index", dir.resolve("idx").toString());
        assertEquals(run.out(), again.out());
        assertEquals("", again.err(), "the index is reused");
    }

    @Test
    void hnswSearchBuildsItsIndexOnceAndRanksAsExactSearchDoes() {
        Path index = dir.resolve("vectors.hnsw");
        CliRun exact = terms("", "--top", "4");
        CliRun built = terms("", "--top", "4", "--hnsw", "--hnsw-index", index.toString());
        assertEquals(0, built.exitCode(), built.err());
        assertTrue(built.err().contains("quarry: building the HNSW index " + index + " (once; later runs reuse it)"),
                built.err());
        assertEquals(exact.out(), built.out());
        CliRun reused = terms("", "--top", "4", "--hnsw", "--hnsw-index", index.toString());
        assertTrue(!reused.err().contains("building"), reused.err());
        assertEquals(exact.out(), reused.out());
    }

    @Test
    void aSeedWithoutAVectorIsNamedInAWarningAndExpansionGoesOn() throws IOException {
        seeds = write("seeds.txt", "apple\ndurian\n");
        CliRun run = terms("", "--top", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("quarry: warning: seed \"durian\" has no word vector; going on without it\n", run.err());
        assertTrue(run.outLines()[0].endsWith("  plum  variants: plums"), run.out());
    }

    @Test
    void noSeedWithAVectorIsAnInvalidInputError() throws IOException {
        seeds = write("seeds.txt", "durian\nrambutan\n");
        CliRun run = terms("");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: " + seeds + ": none of the 2 seeds has a word vector: durian, rambutan\n", run.err());
        assertTrue(!Files.exists(output));
    }

    @Test
    void missingOptionsAreAUsageError() {
        CliRun run = CliRun.of("terms", "--vectors", vectors.toString());
        assertEquals(2, run.exitCode());
        assertEquals("quarry: terms: missing --seeds, --label, --output (see 'quarry terms --help')\n", run.err());
    }

    @Test
    void interactiveSessionIsDrivenThroughStandardInputAndSavesItsState() throws Exception {
        Path state = dir.resolve("state.json");
        CliRun run = terms("a\nr\nu\ns\n?\nq\n", "--interactive", "--state", state.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  plum   score "), run.out());
        assertTrue(run.out().contains("undid: reject \"cherry\""), run.out());
        assertTrue(run.out().endsWith("saved the session to " + state + ": 1 accepted, 0 rejected, 1 skipped\n"),
                run.out());
        assertEquals("{\"quarry_terms_session\":1,\"label\":\"FRUIT\",\"seeds\":[\"apple\",\"pear\"],\"answers\":["
                + "{\"answer\":\"accept\",\"term\":\"plum\",\"variants\":[\"plums\"]},"
                + "{\"answer\":\"skip\",\"term\":\"cherry\",\"variants\":[]}]}\n", Files.readString(state));
        assertEquals(List.of("apple", "plums"), matches("apple plums cherry"));
    }

    @Test
    void aLaterRunResumesTheSavedSession() throws Exception {
        Path state = dir.resolve("state.json");
        terms("a\nq\n", "--interactive", "--state", state.toString());
        CliRun resumed = terms("a\n", "--interactive", "--state", state.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().startsWith("resuming " + state + ": 1 answers so far\n"), resumed.out());
        assertTrue(resumed.out().contains("saved the session to " + state + ": 2 accepted"), resumed.out());
        assertEquals(List.of("apple", "plum", "cherry"), matches("apple plum cherry car"));
    }

    @Test
    void aCorruptStateFileIsAnErrorAndIsLeftUntouched() throws IOException {
        Path state = write("state.json", "{\"quarry_terms_session\": 1, \"label\": \"FRUIT\", \"answers\": 7");
        byte[] before = Files.readAllBytes(state);
        CliRun run = terms("a\n", "--interactive", "--state", state.toString());
        assertEquals(2, run.exitCode());
        assertEquals("quarry: " + state + ": not a terms session state: not valid JSON: Unexpected end-of-input: "
                + "expected close marker for Object (line 1, column 59); the file was left as it is (use another "
                + "--state, or delete it to start over)\n", run.err());
        assertArrayEquals(before, Files.readAllBytes(state));
        assertTrue(!Files.exists(output));
    }

    @Test
    void aStateForAnotherLabelIsRefused() throws IOException {
        Path state = dir.resolve("state.json");
        terms("q\n", "--interactive", "--state", state.toString());
        CliRun run = CliRun.withInput("q\n", "terms", "--vectors", vectors.toString(), "--seeds", seeds.toString(),
                "--label", "COLOUR", "--output", output.toString(), "--interactive", "--state", state.toString());
        assertEquals(2, run.exitCode());
        assertEquals("quarry: " + state + ": the session is for label \"FRUIT\", not \"COLOUR\" (use another "
                + "--state)\n", run.err());
    }

    @Test
    void toPatternsTurnsATermListIntoLowerTokenPatterns() throws Exception {
        Path list = write("terms.txt", "# diseases\nswine flu\tswine flus\nMeasles\n");
        CliRun run = CliRun.of("terms", "to-patterns", list.toString(), "--label", "DISEASE",
                "--output", output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote 3 patterns for 2 terms to " + output + "\n", run.out());
        assertEquals("""
                {"label":"DISEASE","pattern":[{"LOWER":"swine"},{"LOWER":"flu"}],"id":"swine flu"}
                {"label":"DISEASE","pattern":[{"LOWER":"swine"},{"LOWER":"flus"}],"id":"swine flu"}
                {"label":"DISEASE","pattern":[{"LOWER":"measles"}],"id":"Measles"}
                """, Files.readString(output));
        assertEquals(List.of("Swine Flu", "measles"), matches("Swine Flu or measles"));
    }

    @Test
    void vectorsConvertWritesACacheThatTermsReads() throws IOException {
        Path cache = dir.resolve("v.qvec");
        CliRun convert = CliRun.of("vectors", "convert", vectors.toString(), cache.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        assertTrue(convert.out().startsWith("wrote " + cache + ": 10 words x 4 dimensions"), convert.out());
        assertEquals("", convert.err(), "no progress when standard error is not a terminal");
        CliRun fromText = terms("", "--top", "3");
        vectors = cache;
        CliRun fromCache = terms("", "--top", "3");
        assertEquals(fromText.out(), fromCache.out());
    }

    @Test
    void aMalformedVectorsFileIsAnInvalidInputErrorWithItsLine() throws IOException {
        Path bad = write("bad.txt", "apple 1 0 0 0\npear 1 0 0\n");
        CliRun run = CliRun.of("vectors", "convert", bad.toString(), dir.resolve("v.qvec").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("quarry: " + bad + ":2"), run.err());
        assertTrue(!Files.exists(dir.resolve("v.qvec")));
    }
}
