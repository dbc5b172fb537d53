package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lints of {@link PatternFiles#check}. */
class PatternCheckTest {

    private static final Tokenizer TOKENIZER = Tokenizer.standard();

    @TempDir
    Path dir;

    private List<String> check(String... lines) throws IOException {
        Files.writeString(dir.resolve("p.jsonl"), String.join("\n", lines));
        return PatternFiles.check(dir.resolve("p.jsonl"), TOKENIZER).problems().stream()
                .map(p -> p.toString().replace(dir.toString(), "DIR")).toList();
    }

    @Test
    void samePhraseUnderTwoLabelsIsAWarningNamingBothLines() throws IOException {
        assertEquals(List.of("DIR/p.jsonl:3: warning: phrase \"Apple\" is labelled \"FRUIT\" here but \"ORG\" at"
                + " line 1, and both match the same tokens"),
                check("{\"label\":\"ORG\",\"pattern\":\"Apple\"}", "{\"label\":\"ORG\",\"pattern\":\"Google\"}",
                        "{\"label\":\"FRUIT\",\"pattern\":\"Apple\"}"));
    }

    @Test
    void phrasesAreComparedAsTokensUnderTheirAttr() throws IOException {
        assertEquals(List.of("DIR/p.jsonl:3: warning: phrase \"NEW  YORK\" is labelled \"GPE\" here but \"CITY\" at"
                + " line 2, and both match the same tokens"),
                check("{\"phrase_matcher_attr\":\"LOWER\"}", "{\"label\":\"CITY\",\"pattern\":\"new york\"}",
                        "{\"label\":\"GPE\",\"pattern\":\"NEW  YORK\"}"));
        assertEquals(List.of(), check("{\"label\":\"CITY\",\"pattern\":\"new york\"}",
                "{\"label\":\"GPE\",\"pattern\":\"New York\"}"));
    }

    @Test
    void samePhraseInAnotherFileNamesThatFile() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"label\":\"ORG\",\"pattern\":\"Apple\"}\n");
        Files.writeString(dir.resolve("b.jsonl"), "\n{\"label\":\"FRUIT\",\"pattern\":\"Apple\"}\n");
        CheckReport report = PatternFiles.check(dir, TOKENIZER);
        assertEquals(List.of(new Problem(Problem.Severity.WARNING, dir.resolve("b.jsonl").toString(), 2, 0, "label",
                "phrase \"Apple\" is labelled \"FRUIT\" here but \"ORG\" at " + dir.resolve("a.jsonl") + ":1, and"
                        + " both match the same tokens")), report.problems());
        assertFalse(report.hasErrors());
        assertEquals(2, report.patternCount());
    }

    @Test
    void exactDuplicatesNameTheFirstLine() throws IOException {
        assertEquals(List.of(
                "DIR/p.jsonl:3: warning: duplicate of the pattern at line 1: same label \"DISEASE\" and same pattern",
                "DIR/p.jsonl:4: warning: duplicate of the pattern at line 2: same label \"ORG\" and same pattern"),
                check("{\"label\":\"DISEASE\",\"pattern\":\"breast cancer\",\"id\":\"D1\"}",
                        "{\"label\":\"ORG\",\"pattern\":[{\"LOWER\":\"apple\"},{\"LOWER\":\"inc\",\"OP\":\"?\"}]}",
                        "{\"label\":\"DISEASE\",\"pattern\":\"breast cancer\",\"id\":\"D2\"}",
                        "{\"label\":\"ORG\",\"pattern\":[{\"lower\":\"apple\"},{\"LOWER\":\"inc\",\"op\":\"{0,1}\"}]}"));
    }

    @Test
    void phrasesMatchingTheSameTokensUnderOneLabelAreAWarning() throws IOException {
        assertEquals(List.of("DIR/p.jsonl:3: warning: phrase \"apple\" matches the same tokens as \"Apple\" at line 2"
                + " (same label \"FRUIT\")"),
                check("{\"phrase_matcher_attr\":\"NORM\"}", "{\"label\":\"FRUIT\",\"pattern\":\"Apple\"}",
                        "{\"label\":\"FRUIT\",\"pattern\":\"apple\"}"));
    }

    @Test
    void tokenPatternThatCanMatchNothingIsAWarning() throws IOException {
        assertEquals(List.of("DIR/p.jsonl:1: warning: token pattern can match zero tokens (every spec has OP \"?\","
                + " \"*\" or a minimum of 0), and a match of zero tokens is never reported"),
                check("{\"label\":\"X\",\"pattern\":[{\"LOWER\":\"a\",\"OP\":\"?\"},{\"OP\":\"*\"},"
                        + "{\"LOWER\":\"b\",\"OP\":\"{,2}\"}]}"));
    }

    @Test
    void negatedSpecWithoutAttributesIsAWarning() throws IOException {
        assertEquals(List.of("DIR/p.jsonl:1: warning: \"pattern[1]\" can never match: OP \"!\" on a spec without"
                + " attributes excludes every token"),
                check("{\"label\":\"X\",\"pattern\":[{\"LOWER\":\"a\"},{\"OP\":\"!\"}]}"));
    }

    @Test
    void parseErrorsAndLintsComeTogetherInLineOrder() throws IOException {
        List<String> problems = check("{\"label\":\"A\",\"pattern\":\"x\"}", "{\"label\":\"B\",\"pattern\":\"x\"}",
                "{\"label\":\"C\",\"pattern\":[{\"POS\":\"NOUN\"}]}", "{\"label\":\"A\",\"pattern\":\"x\"}");
        assertEquals(3, problems.size(), "an exact duplicate is not also reported as a label conflict");
        assertTrue(problems.get(0).startsWith("DIR/p.jsonl:2: warning: phrase \"x\" is labelled \"B\""), problems.get(0));
        assertTrue(problems.get(1).startsWith("DIR/p.jsonl:3:26: error: attribute \"POS\""), problems.get(1));
        assertEquals("DIR/p.jsonl:4: warning: duplicate of the pattern at line 1: same label \"A\" and same pattern",
                problems.get(2));
    }

    @Test
    void aCleanFileHasNoProblems() throws IOException {
        assertEquals(List.of(), check("{\"label\":\"A\",\"pattern\":\"apple\"}",
                "{\"label\":\"B\",\"pattern\":[{\"LOWER\":\"b\"},{\"IS_DIGIT\":true,\"OP\":\"+\"}]}"));
    }
}
