package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a file parses it with one Jackson parser and falls back to line-by-line reading at the first problem;
 * both must give the same patterns, lines and problems as reading the same text through a {@code Reader}.
 */
class PatternFastPathTest {

    @TempDir
    Path dir;

    private void assertSameAsReader(String text) throws IOException {
        Path file = dir.resolve("f.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        PatternFile fromFile = PatternReader.read(file);
        PatternFile fromReader = PatternReader.read(file.toString(), new StringReader(text));
        assertEquals(fromReader, fromFile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"phrases", "tokens", "lower"})
    void corpusFilesReadTheSameFromAFileAndFromAReader(String name) throws IOException {
        assertSameAsReader(String.join("\n", PatternCorpusTest.resourceLines("good/" + name + ".jsonl")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "json-array", "directive"})
    void badFilesReportTheSameProblemsFromAFileAndFromAReader(String name) throws IOException {
        assertSameAsReader(String.join("\n", PatternCorpusTest.resourceLines("bad/" + name + ".jsonl")));
    }

    @Test
    void lineEndingsOfEveryKindCountAlike() throws IOException {
        assertSameAsReader("{\"label\":\"A\",\"pattern\":\"a\"}\r\n\r{\"label\":\"B\",\"pattern\":\"b\"}\r"
                + "{\"label\":\"C\",\"pattern\":\"c\"}\n\n{\"label\":\"D\",\"pattern\":1}\r");
        Path file = dir.resolve("f.jsonl");
        assertEquals(List.of(1, 3, 4), PatternReader.read(file).patterns().stream().map(p -> p.source().line())
                .toList());
    }

    @Test
    void anObjectOverSeveralLinesIsAnErrorOnEachLine() throws IOException {
        String text = "{\"label\":\"A\",\n\"pattern\":\"a\"}\n";
        assertSameAsReader(text);
        assertEquals(2, PatternReader.read(dir.resolve("f.jsonl")).problems().size());
    }

    @Test
    void twoObjectsOnOneLineAreAnError() throws IOException {
        assertSameAsReader("{\"label\":\"A\",\"pattern\":\"a\"}{\"label\":\"B\",\"pattern\":\"b\"}\n");
        assertEquals(List.of(dir.resolve("f.jsonl") + ":1:28: error: a line must hold one JSON object, but there is"
                + " more after it, got {...}"), PatternReader.read(dir.resolve("f.jsonl")).problems().stream()
                .map(Problem::toString).toList());
    }

    @Test
    void aLaterDirectiveIsAnErrorOnBothPaths() throws IOException {
        assertSameAsReader("{\"label\":\"A\",\"pattern\":\"a\"}\n{\"phrase_matcher_attr\":\"LOWER\"}\n");
    }

    @Test
    void utf16IsNotReadAsPatterns() throws IOException {
        Path file = dir.resolve("f.jsonl");
        Files.writeString(file, "{\"label\":\"A\",\"pattern\":\"a\"}\n", StandardCharsets.UTF_16);
        assertEquals(List.of(file + ":1: error: the line is not valid UTF-8; pattern files must be UTF-8"),
                PatternReader.read(file).problems().stream().map(Problem::toString).toList());
    }
}
