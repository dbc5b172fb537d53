package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternFilesTest {

    @TempDir
    Path dir;

    private Path write(String relative, String... lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static String phrase(String label, String text) {
        return "{\"label\":\"" + label + "\",\"pattern\":\"" + text + "\"}";
    }

    @Test
    void directoryLoadsEveryJsonlFileRecursivelySortedByPath() throws Exception {
        write("b.jsonl", phrase("B", "b"));
        write("a/z.jsonl", phrase("AZ", "az"));
        write("a.jsonl", phrase("A", "a"));
        write("notes.txt", "not a pattern");
        write("c.json", "{}");
        PatternSet set = PatternFiles.load(dir);
        assertEquals(List.of(dir.resolve("a.jsonl"), dir.resolve("a/z.jsonl"), dir.resolve("b.jsonl")), set.files());
        assertEquals(List.of("A", "AZ", "B"), set.patterns().stream().map(Pattern::label).toList());
        assertEquals(dir.resolve("a/z.jsonl").toString(), set.patterns().get(1).source().file());
    }

    @Test
    void hiddenFilesAndDirectoriesAreSkipped() throws Exception {
        write("a.jsonl", phrase("A", "a"));
        write(".#a.jsonl", "broken");
        write(".git/x.jsonl", "broken");
        assertEquals(List.of(dir.resolve("a.jsonl")), PatternFiles.load(dir).files());
    }

    @Test
    void aFileIsReadWhateverItsName() throws Exception {
        Path file = write("patterns.txt", phrase("A", "a"));
        assertEquals(1, PatternFiles.load(file).patterns().size());
    }

    @Test
    void aMissingPathIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> PatternFiles.load(dir.resolve("nope")));
    }

    @Test
    void loadFailsWithTheProblemsOfEveryFile() throws IOException {
        write("a.jsonl", phrase("A", "a"), "{\"label\":1,\"pattern\":\"x\"}");
        write("b.jsonl", "{\"label\":\"B\",\"pattern\":[{\"POS\":\"NOUN\"}]}");
        write("c.jsonl", phrase("C", "c"));
        PatternException e = assertThrows(PatternException.class, () -> PatternFiles.load(dir));
        assertEquals(List.of(dir.resolve("a.jsonl") + ":2:10: error: \"label\" must be a non-empty string, got 1",
                dir.resolve("b.jsonl") + ":1:26: error: attribute \"POS\" needs a part-of-speech tagger, which Quarry"
                        + " does not have; supported: " + SpecParser.SUPPORTED),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void problemsAreCappedAcrossFiles() throws IOException {
        String bad = "{\"label\":1,\"pattern\":\"x\"}";
        write("a.jsonl", Stream.generate(() -> bad).limit(80).toArray(String[]::new));
        write("b.jsonl", Stream.generate(() -> bad).limit(130).toArray(String[]::new));
        PatternException e = assertThrows(PatternException.class, () -> PatternFiles.load(dir));
        assertEquals(101, e.problems().size());
        assertEquals(dir.resolve("b.jsonl") + ":20:10: error: \"label\" must be a non-empty string, got 1",
                e.problems().get(99).toString());
        assertEquals(dir.resolve("b.jsonl") + ": error: ... and 110 more problems", e.problems().get(100).toString());
    }

    @Test
    void aLineThatIsNotUtf8IsAnErrorOnThatLineAndReadingGoesOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(phrase("A", "a").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("\n{\"label\":\"B\",\"pattern\":\"caf".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xE9});
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(phrase("C", "café").getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, bytes.toByteArray());
        PatternFile read = PatternReader.read(file);
        assertEquals(List.of(file + ":2: error: the line is not valid UTF-8; pattern files must be UTF-8"),
                read.problems().stream().map(Problem::toString).toList());
        assertEquals(List.of("a", "café"), read.patterns().stream().map(p -> ((PhrasePattern) p).phrase()).toList());
        assertEquals(3, read.patterns().get(1).source().line());
    }

    @Test
    void crlfLineEndingsAndAGenuineReplacementCharacterAreRead() throws IOException {
        Path file = dir.resolve("crlf.jsonl");
        Files.writeString(file, phrase("A", "a") + "\r\n\r\n" + phrase("B", "b\uFFFD") + "\r\n");
        PatternFile read = PatternReader.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals("b\uFFFD", ((PhrasePattern) read.patterns().get(1)).phrase());
        assertEquals(3, read.patterns().get(1).source().line());
    }

    @Test
    void longLinesAreReadWhole() throws IOException {
        String longPhrase = "word ".repeat(30_000).trim();
        Path file = write("long.jsonl", phrase("A", "a"), phrase("LONG", longPhrase), phrase("C", "c"));
        PatternFile read = PatternReader.read(file);
        assertEquals(longPhrase, ((PhrasePattern) read.patterns().get(1)).phrase());
        assertEquals(3, read.patterns().size());
    }

    @Test
    void writeAddsTheDirectiveWhenAllPhrasePatternsShareAnAttr() throws IOException {
        PatternSource source = PatternSource.inMemory(0);
        List<Pattern> patterns = List.of(new PhrasePattern("A", "Apple", null, Attr.LOWER, source),
                new TokenPattern("B", List.of(TokenSpec.of(Constraint.equals(Attr.LOWER, "b")))),
                new PhrasePattern("C", "Cherry", "c1", Attr.LOWER, source));
        StringWriter out = new StringWriter();
        PatternFiles.write(patterns, out);
        assertEquals("""
                {"phrase_matcher_attr":"LOWER"}
                {"label":"A","pattern":"Apple"}
                {"label":"B","pattern":[{"LOWER":"b"}]}
                {"label":"C","pattern":"Cherry","id":"c1"}
                """, out.toString());
    }

    @Test
    void writeHasNoDirectiveWhenPhrasePatternsHaveNoAttr() throws IOException {
        StringWriter out = new StringWriter();
        PatternFiles.write(List.of(new PhrasePattern("A", "a"), new PhrasePattern("B", "b")), out);
        assertEquals("{\"label\":\"A\",\"pattern\":\"a\"}\n{\"label\":\"B\",\"pattern\":\"b\"}\n", out.toString());
    }

    @Test
    void writeRejectsPhrasePatternsWithDifferentAttrs() {
        List<Pattern> patterns = List.of(
                new PhrasePattern("A", "a", null, Attr.LOWER, new PatternSource("x.jsonl", 1)),
                new PhrasePattern("B", "b", null, null, new PatternSource("y.jsonl", 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatternFiles.write(patterns, new StringWriter()));
        assertEquals("phrase patterns written to one file must share one attr (a file has one phrase_matcher_attr),"
                + " got LOWER at x.jsonl:1 and null at y.jsonl:4", e.getMessage());
    }

    @Test
    void writeToAFileReplacesItAndLeavesNoTemporaryFile() throws Exception {
        Path file = write("out.jsonl", phrase("OLD", "old"));
        List<Pattern> patterns = List.of(new PhrasePattern("É", "café 😀", "7", Attr.NORM, PatternSource.inMemory(0),
                true));
        PatternFiles.write(patterns, file);
        assertEquals("{\"phrase_matcher_attr\":\"NORM\"}\n{\"label\":\"É\",\"pattern\":\"café 😀\",\"id\":7}\n",
                Files.readString(file, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        PatternSet loaded = PatternFiles.load(file);
        assertEquals(List.of(new PhrasePattern("É", "café 😀", "7", Attr.NORM, new PatternSource(file.toString(), 2),
                true)), loaded.patterns());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = write("out.jsonl", phrase("OLD", "old"));
        List<Pattern> mixed = List.of(new PhrasePattern("A", "a", null, Attr.LOWER, PatternSource.inMemory(0)),
                new PhrasePattern("B", "b"));
        assertThrows(IllegalArgumentException.class, () -> PatternFiles.write(mixed, file));
        assertEquals(phrase("OLD", "old") + "\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void checkNeverThrowsForBadContent() throws IOException {
        write("a.jsonl", "not json", phrase("A", "a"));
        CheckReport report = PatternFiles.check(dir, dev.quarry.text.Tokenizer.standard());
        assertTrue(report.hasErrors());
        assertEquals(1, report.patternCount());
        assertEquals(List.of(dir.resolve("a.jsonl")), report.files());
        assertFalse(report.problems().isEmpty());
    }
}
