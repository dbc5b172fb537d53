package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input corpora under {@code src/test/resources/patterns/bad}: each {@code NAME.jsonl} has a
 * {@code NAME.expected} with the exact problems, one per line.
 */
class PatternCorpusTest {

    static PatternFile readResource(String name) throws IOException {
        try (InputStream in = PatternCorpusTest.class.getResourceAsStream("/patterns/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return PatternReader.read(name, reader);
        }
    }

    static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = PatternCorpusTest.class.getResourceAsStream("/patterns/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "json-array", "directive"})
    void badFilesReportExactlyTheExpectedProblems(String name) throws IOException {
        PatternFile file = readResource("bad/" + name + ".jsonl");
        assertEquals(resourceLines("bad/" + name + ".expected"),
                file.problems().stream().map(Problem::toString).toList());
    }
}
