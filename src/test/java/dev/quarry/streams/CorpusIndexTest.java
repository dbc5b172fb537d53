package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusIndexTest {

    @TempDir
    Path dir;

    private Path corpus(String text) throws IOException {
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String NEWS = """
            {"text": "Swine flu spread fast. Doctors said swine flu is mild.\\n\\nA second paragraph on Swine Flu."}
            {"text": "Measles is back; swine flu is not."}
            """;

    private static CorpusIndex open(Path corpus) throws IOException {
        return CorpusIndex.open(corpus, CorpusIndex.besideCorpus(corpus), CorpusIndex.Settings.defaults(),
                CorpusIndex.Progress.NONE);
    }

    @Test
    void indexesParagraphsCountsWordsAndNgrams() throws IOException {
        try (CorpusIndex index = open(corpus(NEWS))) {
            assertTrue(index.built());
            assertEquals(3, index.paragraphs());
            assertEquals(4, index.frequency("Swine"));
            Map<String, Long> words = new HashMap<>();
            index.forEachWord(words::put);
            assertEquals(4L, words.get("flu"));
            assertEquals(1L, words.get("measles"));
            Map<String, Long> ngrams = new HashMap<>();
            index.forEachNgram(ngrams::put);
            assertEquals(Map.of("swine flu", 4L), ngrams, "kept if seen at least twice");
        }
    }

    @Test
    void exampleIsTheSentenceWithThePhrase() throws IOException {
        try (CorpusIndex index = open(corpus(NEWS))) {
            assertEquals(Optional.of("Measles is back; swine flu is not."), index.example(List.of("measles")));
            assertTrue(index.example(List.of("doctors", "said")).orElseThrow().startsWith("Doctors said swine flu"));
            assertEquals(Optional.empty(), index.example(List.of("flu", "swine")));
        }
    }

    @Test
    void aSecondOpenReusesTheIndexAndAChangedCorpusIsReindexed() throws IOException {
        Path file = corpus(NEWS);
        open(file).close();
        try (CorpusIndex again = open(file)) {
            assertFalse(again.built());
        }
        Files.writeString(file, NEWS + "{\"text\": \"Cholera.\"}\n", StandardCharsets.UTF_8);
        try (CorpusIndex changed = open(file)) {
            assertTrue(changed.built());
            assertEquals(4, changed.paragraphs());
        }
    }

    @Test
    void plainTextIsSplitIntoParagraphsAtBlankLines() throws IOException {
        Path file = dir.resolve("corpus.txt");
        Files.writeString(file, "Bird flu here.\nStill the same paragraph.\n\n\nBird flu there.\n");
        try (CorpusIndex index = open(file)) {
            assertEquals(2, index.paragraphs());
            assertEquals(2, index.frequency("bird"));
        }
    }

    @Test
    void aBadLineNamesFileAndLineAndLeavesNoIndex() throws IOException {
        Path file = corpus("{\"text\": \"ok\"}\n{\"text\": 42}\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> open(file));
        assertEquals(file + ":2: expected an object with a \"text\" string, got {\"text\": 42}", e.getMessage());
        assertFalse(Files.exists(CorpusIndex.besideCorpus(file)));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary directory left behind");
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAnIndex() throws IOException {
        Path file = corpus(NEWS);
        Path other = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(other.resolve("notes.txt"), "keep me");
        IOException e = assertThrows(IOException.class, () -> CorpusIndex.open(file, other,
                CorpusIndex.Settings.defaults(), CorpusIndex.Progress.NONE));
        assertEquals(other.toAbsolutePath() + ": exists and is not a corpus index; not replacing it", e.getMessage());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
    }
}
