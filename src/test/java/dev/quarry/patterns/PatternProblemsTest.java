package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of problem the reader reports, with its exact {@code file:line:column} message. */
class PatternProblemsTest {

    private static final String SUPPORTED = "; supported: ORTH (or TEXT), LOWER, NORM, SHAPE, LENGTH, IS_ALPHA,"
            + " IS_ASCII, IS_DIGIT, IS_LOWER, IS_UPPER, IS_TITLE, IS_PUNCT, IS_SPACE, IS_STOP, LIKE_NUM, LIKE_URL,"
            + " LIKE_EMAIL, OP";

    static List<String> problems(String... lines) throws IOException {
        PatternFile file = PatternReader.read("p.jsonl", new StringReader(String.join("\n", lines)));
        return file.problems().stream().map(Problem::toString).toList();
    }

    /** The problems of one token spec, written as the only spec of a pattern (the spec starts in column 25). */
    static List<String> specProblems(String spec) throws IOException {
        return problems("{\"label\":\"X\",\"pattern\":[" + spec + "]}");
    }

    static void assertProblem(String expected, String... lines) throws IOException {
        assertEquals(List.of(expected), problems(lines));
    }

    @Test
    void labelMustBeANonEmptyString() throws IOException {
        assertProblem("p.jsonl:1:10: error: \"label\" must be a non-empty string, got 42",
                "{\"label\":42,\"pattern\":\"x\"}");
        assertProblem("p.jsonl:1:10: error: \"label\" must be a non-empty string, got \" \"",
                "{\"label\":\" \",\"pattern\":\"x\"}");
        assertProblem("p.jsonl:1:10: error: \"Label\" must be a non-empty string, got null",
                "{\"Label\":null,\"pattern\":\"x\"}");
        assertProblem("p.jsonl:1:10: error: \"label\" must be a non-empty string, got [...]",
                "{\"label\":[\"X\"],\"pattern\":\"x\"}");
    }

    @Test
    void labelAndPatternAreRequired() throws IOException {
        assertProblem("p.jsonl:1:1: error: missing key \"label\"; a pattern line needs \"label\" and \"pattern\"",
                "{\"pattern\":\"x\"}");
        assertEquals(List.of(
                "p.jsonl:1:1: error: missing key \"label\"; a pattern line needs \"label\" and \"pattern\"",
                "p.jsonl:1:1: error: missing key \"pattern\"; a pattern line needs \"label\" and \"pattern\""),
                problems("{}"));
    }

    @Test
    void problemsNameTheFieldAsAJsonPath() throws IOException {
        PatternFile file = PatternReader.read("p.jsonl", new StringReader(String.join("\n",
                "{\"pattern\":\"x\"}", "{\"Label\":1,\"pattern\":[{},{\"LOWER\":{\"IN\":[\"a\",2]}}]}",
                "{\"label\":\"X\" \"pattern\":\"x\"}")));
        assertEquals(java.util.Arrays.asList("label", "Label", "pattern[1].LOWER.IN[1]", null),
                file.problems().stream().map(Problem::field).toList());
    }

    @Test
    void unknownKeysAreErrors() throws IOException {
        assertProblem("p.jsonl:1:2: error: unknown key \"lable\", expected one of label, pattern, id",
                "{\"lable\":\"X\",\"label\":\"X\",\"pattern\":\"x\"}");
    }

    @Test
    void keysMayNotRepeatInAnyCase() throws IOException {
        assertProblem("p.jsonl:1:28: error: duplicate key \"LABEL\" (keys are case-insensitive; first given as"
                + " \"label\")", "{\"label\":\"X\",\"pattern\":\"x\",\"LABEL\":\"Y\"}");
    }

    @Test
    void patternMustBeAPhraseOrAListOfSpecs() throws IOException {
        String rule = "\"pattern\" must be a non-empty string (a phrase) or a list of token specs, got ";
        assertProblem("p.jsonl:1:24: error: " + rule + "42", "{\"label\":\"X\",\"pattern\":42}");
        assertProblem("p.jsonl:1:24: error: " + rule + "{...}", "{\"label\":\"X\",\"pattern\":{\"LOWER\":\"x\"}}");
        assertProblem("p.jsonl:1:24: error: " + rule + "\"  \"", "{\"label\":\"X\",\"pattern\":\"  \"}");
        assertProblem("p.jsonl:1:24: error: \"pattern\" must have at least one token spec, got []",
                "{\"label\":\"X\",\"pattern\":[]}");
    }

    @Test
    void tokenSpecsMustBeObjects() throws IOException {
        assertEquals(List.of("p.jsonl:1:25: error: \"pattern[0]\" must be an object of token attributes such as"
                + " {\"LOWER\": \"x\"}, got \"apple\""), specProblems("\"apple\""));
    }

    @Test
    void attributesQuarryCannotComputeHaveSpecificErrors() throws IOException {
        assertEquals(List.of("p.jsonl:1:26: error: attribute \"POS\" needs a part-of-speech tagger, which Quarry"
                + " does not have" + SUPPORTED), specProblems("{\"POS\":\"NOUN\"}"));
        assertEquals(List.of("p.jsonl:1:26: error: attribute \"lemma\" needs a lemmatizer, which Quarry does not"
                + " have" + SUPPORTED), specProblems("{\"lemma\":\"be\"}"));
        assertEquals(List.of("p.jsonl:1:26: error: attribute \"DEP\" needs a dependency parser, which Quarry does"
                + " not have" + SUPPORTED), specProblems("{\"DEP\":\"nsubj\"}"));
        assertEquals(List.of("p.jsonl:1:26: error: attribute \"ENT_TYPE\" needs named entities, which token"
                + " patterns in Quarry cannot see" + SUPPORTED), specProblems("{\"ENT_TYPE\":\"ORG\"}"));
        assertEquals(List.of("p.jsonl:1:26: error: attribute \"_\" (custom extension attributes) is not supported"
                + " by Quarry" + SUPPORTED), specProblems("{\"_\":{\"is_fruit\":true}}"));
        assertEquals(List.of("p.jsonl:1:26: error: attribute \"PREFIX\" is a spaCy attribute that Quarry does not"
                + " support" + SUPPORTED), specProblems("{\"PREFIX\":\"a\"}"));
    }

    @Test
    void unknownAttributesListTheSupportedOnes() throws IOException {
        assertEquals(List.of("p.jsonl:1:26: error: unknown attribute \"LOWR\" (did you mean \"LOWER\"?)" + SUPPORTED),
                specProblems("{\"LOWR\":\"a\"}"));
        assertEquals(List.of("p.jsonl:1:26: error: unknown attribute \"is_titel\" (did you mean \"IS_TITLE\"?)"
                + SUPPORTED), specProblems("{\"is_titel\":true}"));
        assertEquals(List.of("p.jsonl:1:26: error: unknown attribute \"FOO\"" + SUPPORTED),
                specProblems("{\"FOO\":\"a\"}"));
    }

    @Test
    void attributesMayNotRepeatAndTextIsOrth() throws IOException {
        assertEquals(List.of("p.jsonl:1:37: error: duplicate key \"ORTH\" (keys are case-insensitive and TEXT is"
                + " ORTH; first given as \"TEXT\")"), specProblems("{\"TEXT\":\"a\",\"ORTH\":\"b\"}"));
        assertEquals(List.of("p.jsonl:1:46: error: duplicate key \"op\" (keys are case-insensitive and TEXT is"
                + " ORTH; first given as \"OP\")"), specProblems("{\"ORTH\":\"a\",\"OP\":\"?\",\"op\":\"+\"}"));
    }

    @Test
    void literalsMustHaveTheAttributesType() throws IOException {
        assertEquals(List.of("p.jsonl:1:34: error: \"pattern[0].LOWER\" must be a string, or an object with IN,"
                + " NOT_IN or REGEX, got 42"), specProblems("{\"LOWER\":42}"));
        assertEquals(List.of("p.jsonl:1:35: error: \"pattern[0].LENGTH\" must be an integer, or an object with IN,"
                + " NOT_IN, ==, !=, >=, <=, > or <, got \"3\""), specProblems("{\"LENGTH\":\"3\"}"));
        assertEquals(List.of("p.jsonl:1:35: error: \"pattern[0].LENGTH\" must be an integer, or an object with IN,"
                + " NOT_IN, ==, !=, >=, <=, > or <, got 3.5"), specProblems("{\"LENGTH\":3.5}"));
        assertEquals(List.of("p.jsonl:1:35: error: \"pattern[0].LENGTH\" must be an integer, or an object with IN,"
                + " NOT_IN, ==, !=, >=, <=, > or <, got 99999999999"), specProblems("{\"LENGTH\":99999999999}"));
        assertEquals(List.of("p.jsonl:1:37: error: \"pattern[0].IS_DIGIT\" must be true or false, or an object"
                + " with IN or NOT_IN, got \"yes\""), specProblems("{\"IS_DIGIT\":\"yes\"}"));
    }

    @Test
    void inAndNotInNeedNonEmptyListsOfTheAttributesType() throws IOException {
        assertEquals(List.of("p.jsonl:1:40: error: \"pattern[0].LOWER.IN\" must be a non-empty list of strings,"
                + " got \"a\""), specProblems("{\"LOWER\":{\"IN\":\"a\"}}"));
        assertEquals(List.of("p.jsonl:1:44: error: \"pattern[0].LOWER.NOT_IN\" must be a non-empty list of"
                + " strings, got []"), specProblems("{\"LOWER\":{\"NOT_IN\":[]}}"));
        assertEquals(List.of("p.jsonl:1:45: error: \"pattern[0].LOWER.IN[1]\" must be a string, got 3",
                "p.jsonl:1:47: error: \"pattern[0].LOWER.IN[2]\" must be a string, got true"),
                specProblems("{\"LOWER\":{\"IN\":[\"a\",3,true]}}"));
        assertEquals(List.of("p.jsonl:1:42: error: \"pattern[0].LENGTH.IN[0]\" must be an integer, got \"1\""),
                specProblems("{\"LENGTH\":{\"IN\":[\"1\"]}}"));
    }

    @Test
    void regexMustCompileAndApplyToStrings() throws IOException {
        assertEquals(List.of("p.jsonl:1:42: error: \"pattern[0].TEXT.REGEX\" must be a valid regular expression,"
                + " got \"(ab\": Unclosed group near index 3"), specProblems("{\"TEXT\":{\"REGEX\":\"(ab\"}}"));
        assertEquals(List.of("p.jsonl:1:36: error: REGEX works on string attributes (ORTH, LOWER, NORM, SHAPE),"
                + " not on \"LENGTH\""), specProblems("{\"LENGTH\":{\"REGEX\":\"^1\"}}"));
        assertEquals(List.of("p.jsonl:1:43: error: \"pattern[0].LOWER.REGEX\" must be a string (a regular"
                + " expression), got 1"), specProblems("{\"LOWER\":{\"REGEX\":1}}"));
    }

    @Test
    void comparisonsApplyToLengthOnlyAndNeedIntegers() throws IOException {
        assertEquals(List.of("p.jsonl:1:35: error: comparison \">=\" works on LENGTH only, not on \"LOWER\""),
                specProblems("{\"LOWER\":{\">=\":3}}"));
        assertEquals(List.of("p.jsonl:1:41: error: \"pattern[0].LENGTH.>=\" must be an integer, got \"3\""),
                specProblems("{\"LENGTH\":{\">=\":\"3\"}}"));
    }

    @Test
    void operatorObjectsRejectUnknownRepeatedAndMissingKeys() throws IOException {
        assertEquals(List.of("p.jsonl:1:35: error: unknown key \"IN_\" in \"pattern[0].LOWER\", expected one of IN,"
                + " NOT_IN or REGEX"), specProblems("{\"LOWER\":{\"IN_\":[\"a\"]}}"));
        assertEquals(List.of("p.jsonl:1:35: error: \"FUZZY\" in \"pattern[0].LOWER\" is a spaCy operator that"
                + " Quarry does not support; use one of IN, NOT_IN or REGEX"), specProblems("{\"LOWER\":{\"FUZZY\":\"a\"}}"));
        assertEquals(List.of("p.jsonl:1:34: error: \"pattern[0].LOWER\" must have at least one of IN, NOT_IN or"
                + " REGEX, got {}"), specProblems("{\"LOWER\":{}}"));
        assertEquals(List.of("p.jsonl:1:46: error: duplicate key \"in\" (keys are case-insensitive and TEXT is ORTH;"
                + " first given as \"IN\")"), specProblems("{\"LOWER\":{\"IN\":[\"a\"],\"in\":[\"b\"]}}"));
        assertEquals(List.of("p.jsonl:1:36: error: unknown key \"~\" in \"pattern[0].LENGTH\", expected one of IN,"
                + " NOT_IN, ==, !=, >=, <=, > or <"), specProblems("{\"LENGTH\":{\"~\":1}}"));
    }

    @Test
    void opMustBeAKnownOperatorAllowingAtLeastOneToken() throws IOException {
        String rule = "\"pattern[0].OP\" must be one of !, ?, +, *, {n}, {n,m}, {n,}, {,m}, got ";
        assertEquals(List.of("p.jsonl:1:31: error: " + rule + "\"++\""), specProblems("{\"OP\":\"++\"}"));
        assertEquals(List.of("p.jsonl:1:31: error: " + rule + "1"), specProblems("{\"OP\":1}"));
        assertEquals(List.of("p.jsonl:1:31: error: " + rule + "\"{,}\""), specProblems("{\"OP\":\"{,}\"}"));
        assertEquals(List.of("p.jsonl:1:31: error: " + rule + "\"{ 2}\""), specProblems("{\"OP\":\"{ 2}\"}"));
        assertEquals(List.of("p.jsonl:1:31: error: \"pattern[0].OP\" must allow at least one token, got \"{0}\""),
                specProblems("{\"OP\":\"{0}\"}"));
        assertEquals(List.of("p.jsonl:1:31: error: \"pattern[0].OP\" must have n <= m in {n,m}, got \"{3,2}\""),
                specProblems("{\"OP\":\"{3,2}\"}"));
    }

    @Test
    void idMustBeANonEmptyStringOrANumber() throws IOException {
        assertProblem("p.jsonl:1:33: error: \"id\" must be a non-empty string or a number, got true",
                "{\"label\":\"X\",\"pattern\":\"x\",\"id\":true}");
        assertProblem("p.jsonl:1:33: error: \"id\" must be a non-empty string or a number, got \"\"",
                "{\"label\":\"X\",\"pattern\":\"x\",\"id\":\"\"}");
    }

    @Test
    void directiveMustNameAPhraseAttribute() throws IOException {
        assertProblem("p.jsonl:1:24: error: \"phrase_matcher_attr\" must be one of ORTH, LOWER, NORM, got \"SHAPE\"",
                "{\"phrase_matcher_attr\":\"SHAPE\"}");
    }

    @Test
    void directiveMustBeAloneBeforeEveryPatternAndOnlyOnce() throws IOException {
        assertProblem("p.jsonl:1:2: error: \"phrase_matcher_attr\" must be alone on its line, got it with \"label\"",
                "{\"phrase_matcher_attr\":\"LOWER\",\"label\":\"X\"}");
        assertProblem("p.jsonl:3:2: error: \"phrase_matcher_attr\" must come before every pattern, but line 2 is a"
                + " pattern", "", "{\"label\":\"X\",\"pattern\":\"x\"}", "{\"phrase_matcher_attr\":\"LOWER\"}");
        assertProblem("p.jsonl:2:2: error: \"phrase_matcher_attr\" may be given once per file, and was given on"
                + " line 1", "{\"phrase_matcher_attr\":\"LOWER\"}", "{\"phrase_matcher_attr\":\"NORM\"}");
    }

    @Test
    void aLineMustHoldExactlyOneObject() throws IOException {
        assertProblem("p.jsonl:1:1: error: a pattern line must be a JSON object, got an array; a pattern file has"
                + " one JSON object per line, not one JSON array",
                "[{\"label\":\"X\",\"pattern\":\"x\"}]");
        assertProblem("p.jsonl:1:1: error: a pattern line must be a JSON object, got \"x\"", "\"x\"");
        assertProblem("p.jsonl:1:28: error: malformed JSON: a line must hold one JSON object, but there is more after"
                + " it", "{\"label\":\"X\",\"pattern\":\"x\"},");
        assertProblem("p.jsonl:1:29: error: a line must hold one JSON object, but there is more after it, got {}",
                "{\"label\":\"X\",\"pattern\":\"x\"} {}");
    }

    @Test
    void malformedJsonGetsAShortReasonAndJacksonsPosition() throws IOException {
        assertProblem("p.jsonl:1:27: error: malformed JSON: the line ends inside the JSON object; a pattern must be"
                + " one JSON object on one line", "{\"label\":\"X\",\"pattern\":\"x\"");
        assertProblem("p.jsonl:1:2: error: malformed JSON: unexpected character 'l', expected a key in double quotes",
                "{label:\"X\",pattern:\"x\"}");
        assertProblem("p.jsonl:1:2: error: malformed JSON: unexpected character ''', expected a key in double"
                + " quotes", "{'label':'X'}");
        assertProblem("p.jsonl:1:10: error: malformed JSON: unexpected character '\"', expected ':' after the key",
                "{\"label\" \"X\"}");
        assertProblem("p.jsonl:1:14: error: malformed JSON: unexpected character '\"', expected ',' or '}'",
                "{\"label\":\"X\" \"pattern\":\"x\"}");
        assertProblem("p.jsonl:1:10: error: malformed JSON: unrecognized token 'X', expected a string, number,"
                + " object, array, true, false or null", "{\"label\":X}");
        assertProblem("p.jsonl:1:29: error: malformed JSON: comments are not allowed; pattern files are plain JSON",
                "{\"label\":\"X\",\"pattern\":\"x\"} // a comment");
        assertProblem("p.jsonl:1:30: error: malformed JSON: unexpected '}', expected ']'",
                "{\"label\":\"X\",\"pattern\":[{},{}}");
    }

    @Test
    void otherJacksonErrorsKeepTheFirstLineOfJacksonsReason() throws IOException {
        assertProblem("p.jsonl:1:34: error: malformed JSON: invalid numeric value: Leading zeroes not allowed",
                "{\"label\":\"X\",\"pattern\":\"x\",\"id\":01}");
        assertProblem("p.jsonl:1:26: error: malformed JSON: unrecognized character escape 'q' (code 113)",
                "{\"label\":\"X\",\"pattern\":\"\\q\"}");
        assertProblem("p.jsonl:1:26: error: malformed JSON: a control character (such as a tab) inside a string must"
                + " be escaped", "{\"label\":\"X\",\"pattern\":\"x\ty\"}");
        assertProblem("p.jsonl:1: error: malformed JSON: document nesting depth (1001) exceeds the maximum allowed"
                + " (1000, from `StreamReadConstraints.getMaxNestingDepth()`)",
                "{\"label\":\"X\",\"pattern\":" + "[".repeat(1001) + "]".repeat(1001) + "}");
    }

    @Test
    void columnsCountCodePointsSoAnEmojiIsOneColumn() throws IOException {
        assertProblem("p.jsonl:1:28: error: unknown key \"idx\", expected one of label, pattern, id",
                "{\"label\":\"😀\",\"pattern\":\"é\",\"idx\":1}");
        assertProblem("p.jsonl:1:14: error: malformed JSON: unexpected character '\"', expected ',' or '}'",
                "{\"label\":\"😀\" \"pattern\":\"x\"}");
    }

    @Test
    void longValuesAreShortenedInMessages() throws IOException {
        String longLabel = "x".repeat(100);
        assertProblem("p.jsonl:1:33: error: \"id\" must be a non-empty string or a number, got [...]",
                "{\"label\":\"X\",\"pattern\":\"x\",\"id\":[\"" + longLabel + "\"]}");
        assertProblem("p.jsonl:1:34: error: \"pattern[0].LOWER\" must be a string, or an object with IN, NOT_IN or"
                + " REGEX, got " + "[...]", "{\"label\":\"X\",\"pattern\":[{\"LOWER\":[\"" + longLabel + "\"]}]}");
        assertProblem("p.jsonl:1:10: error: \"label\" must be a non-empty string, got 1", "{\"label\":1}"
                .replace("}", ",\"pattern\":\"" + longLabel + "\"}"));
        assertEquals("\"" + "x".repeat(JsonText.MAX_SHOWN) + "...\"", JsonText.quote(longLabel));
    }

    @Test
    void everyProblemOfALineAndOfAFileIsCollected() throws IOException {
        assertEquals(List.of(
                "p.jsonl:1:10: error: \"label\" must be a non-empty string, got \"\"",
                "p.jsonl:1:25: error: unknown attribute \"LOWR\" (did you mean \"LOWER\"?)" + SUPPORTED,
                "p.jsonl:1:43: error: \"pattern[1].OP\" must allow at least one token, got \"{0}\"",
                "p.jsonl:3:2: error: unknown key \"lable\", expected one of label, pattern, id"),
                problems("{\"label\":\"\",\"pattern\":[{\"LOWR\":\"a\"},{\"OP\":\"{0}\"}]}",
                        "{\"label\":\"OK\",\"pattern\":\"fine\"}",
                        "{\"lable\":\"X\",\"pattern\":\"x\"}"));
    }

    @Test
    void linesWithErrorsAreLeftOutAndTheOthersKept() throws IOException {
        PatternFile file = PatternReader.read("p.jsonl", new StringReader(String.join("\n",
                "{\"label\":\"A\",\"pattern\":\"a\"}", "{\"label\":1,\"pattern\":\"b\"}", "{\"label\":\"C\",\"pattern\":\"c\"}")));
        assertEquals(List.of("A", "C"), file.patterns().stream().map(Pattern::label).toList());
        assertEquals(1, file.problems().size());
    }

    @Test
    void afterAHundredProblemsTheRestAreOnlyCounted() throws IOException {
        List<String> lines = Collections.nCopies(150, "{\"label\":1,\"pattern\":\"x\"}");
        List<String> problems = problems(lines.toArray(String[]::new));
        assertEquals(PatternReader.MAX_PROBLEMS + 1, problems.size());
        assertEquals("p.jsonl:100:10: error: \"label\" must be a non-empty string, got 1", problems.get(99));
        assertEquals("p.jsonl: error: ... and 50 more problems", problems.get(100));
    }
}
