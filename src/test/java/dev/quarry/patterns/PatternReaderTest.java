package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PatternReaderTest {

    static PatternFile read(String... lines) throws IOException {
        return PatternReader.read("p.jsonl", new StringReader(String.join("\n", lines)));
    }

    static Pattern one(String line) throws IOException {
        PatternFile file = read(line);
        assertEquals(List.of(), file.problems());
        assertEquals(1, file.patterns().size());
        return file.patterns().get(0);
    }

    static TokenSpec spec(String specJson) throws IOException {
        TokenPattern pattern = (TokenPattern) one("{\"label\":\"L\",\"pattern\":[" + specJson + "]}");
        return pattern.tokens().get(0);
    }

    static Constraint constraint(String specJson) throws IOException {
        TokenSpec spec = spec(specJson);
        assertEquals(1, spec.constraints().size());
        return spec.constraints().get(0);
    }

    @Test
    void phraseLineBecomesPhrasePatternWithIdAndSource() throws IOException {
        Pattern pattern = one("{\"label\":\"DISEASE\",\"pattern\":\"breast cancer\",\"id\":\"D001943\"}");
        assertEquals(new PhrasePattern("DISEASE", "breast cancer", "D001943", null, new PatternSource("p.jsonl", 1)),
                pattern);
    }

    @Test
    void tokenLineBecomesTokenSpecsWithQuantifiers() throws IOException {
        Pattern pattern = one("{\"label\":\"ORG\",\"pattern\":[{\"LOWER\":\"apple\"},{\"LOWER\":\"inc\",\"OP\":\"?\"}]}");
        assertEquals(new TokenPattern("ORG", List.of(
                TokenSpec.of(Constraint.equals(Attr.LOWER, "apple")),
                TokenSpec.of(Constraint.equals(Attr.LOWER, "inc")).with(Quantifier.OPTIONAL)),
                null, new PatternSource("p.jsonl", 1)), pattern);
    }

    @ParameterizedTest
    @EnumSource(Attr.class)
    void everyAttributeTakesALiteralOfItsKind(Attr attr) throws IOException {
        String literal = switch (attr.kind()) {
            case STRING -> "\"x\"";
            case INTEGER -> "3";
            case BOOLEAN -> "false";
        };
        Object value = switch (attr.kind()) {
            case STRING -> "x";
            case INTEGER -> 3;
            case BOOLEAN -> false;
        };
        assertEquals(Constraint.equals(attr, value), constraint("{\"" + attr.name() + "\":" + literal + "}"));
    }

    @Test
    void textIsOrthAndAttributeKeysKeepTheirSpelling() throws IOException {
        assertEquals(new Constraint(Attr.ORTH, "TEXT", List.of(new Predicate.Equals("Apple"))),
                constraint("{\"TEXT\":\"Apple\"}"));
        assertEquals(new Constraint(Attr.LOWER, "lower", List.of(new Predicate.Equals("apple"))),
                constraint("{\"lower\":\"apple\"}"));
        assertEquals(new Constraint(Attr.IS_DIGIT, "Is_Digit", List.of(new Predicate.Equals(true))),
                constraint("{\"Is_Digit\":true}"));
    }

    @Test
    void keysAreCaseInsensitiveAtEveryLevel() throws IOException {
        TokenPattern pattern = (TokenPattern) one("{\"Label\":\"X\",\"PATTERN\":[{\"lower\":{\"in\":[\"a\"],"
                + "\"Regex\":\"^a\"},\"op\":\"+\"}],\"ID\":\"x1\"}");
        assertEquals("X", pattern.label());
        assertEquals("x1", pattern.id());
        TokenSpec spec = pattern.tokens().get(0);
        assertEquals(Quantifier.ONE_OR_MORE, spec.quantifier());
        assertEquals(List.of(new Predicate.In(List.of("a")), Predicate.Regex.of("^a")),
                spec.constraints().get(0).predicates());
    }

    @Test
    void inAndNotInTakeListsOfTheAttributesKind() throws IOException {
        assertEquals(Constraint.of(Attr.LOWER, new Predicate.In(List.of("a", "b"))),
                constraint("{\"LOWER\":{\"IN\":[\"a\",\"b\"]}}"));
        assertEquals(Constraint.of(Attr.LENGTH, new Predicate.NotIn(List.of(1, 2))),
                constraint("{\"LENGTH\":{\"NOT_IN\":[1,2]}}"));
        assertEquals(Constraint.of(Attr.IS_TITLE, new Predicate.In(List.of(true))),
                constraint("{\"IS_TITLE\":{\"IN\":[true]}}"));
    }

    @Test
    void regexCompilesWithPythonNamedGroupsTranslated() throws IOException {
        Constraint constraint = constraint("{\"TEXT\":{\"REGEX\":\"^(?P<word>a+)(?P=word)$\"}}");
        Predicate.Regex regex = (Predicate.Regex) constraint.predicates().get(0);
        assertEquals("^(?<word>a+)\\k<word>$", regex.regex().pattern());
        assertTrue(regex.test("aaaa"));
        assertFalse(regex.test("aaa"));
    }

    @ParameterizedTest
    @CsvSource({"==,EQ", "!=,NE", ">=,GE", "<=,LE", ">,GT", "<,LT"})
    void comparisonsParseOnLength(String symbol, Predicate.Comparison comparison) throws IOException {
        assertEquals(Constraint.of(Attr.LENGTH, new Predicate.Compare(comparison, 4)),
                constraint("{\"LENGTH\":{\"" + symbol + "\":4}}"));
    }

    @Test
    void severalOperatorsInOneObjectAreAllKept() throws IOException {
        assertEquals(Constraint.of(Attr.LENGTH, new Predicate.Compare(Predicate.Comparison.GE, 3),
                new Predicate.Compare(Predicate.Comparison.LE, 5), new Predicate.NotIn(List.of(4))),
                constraint("{\"LENGTH\":{\">=\":3,\"<=\":5,\"NOT_IN\":[4]}}"));
    }

    @Test
    void severalAttributesInOneSpecAreAllKept() throws IOException {
        assertEquals(TokenSpec.of(Constraint.equals(Attr.IS_ALPHA, true), Constraint.equals(Attr.LENGTH, 5)),
                spec("{\"IS_ALPHA\":true,\"LENGTH\":5}"));
    }

    @Test
    void emptySpecMatchesAnyToken() throws IOException {
        assertEquals(new TokenSpec(List.of(), Quantifier.ZERO_OR_MORE), spec("{\"OP\":\"*\"}"));
        assertEquals(TokenSpec.of(), spec("{}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"!;1;1;true", "?;0;1;false", "+;1;2147483647;false",
        "*;0;2147483647;false", "{2};2;2;false", "{2,3};2;3;false", "{2,};2;2147483647;false", "{,3};0;3;false",
        "{0,1};0;1;false", "{1};1;1;false"})
    void opValuesBecomeQuantifiersKeepingTheOpAsWritten(String op, int min, int max, boolean negated)
            throws IOException {
        assertEquals(new Quantifier(min, max, negated, op), spec("{\"LOWER\":\"a\",\"OP\":\"" + op + "\"}")
                .quantifier());
    }

    @Test
    void numericIdKeepsItsTextAndIsMarkedNumeric() throws IOException {
        Pattern integer = one("{\"label\":\"X\",\"pattern\":\"x\",\"id\":42}");
        assertEquals("42", integer.id());
        assertTrue(integer.numericId());
        Pattern decimal = one("{\"label\":\"X\",\"pattern\":\"x\",\"id\":1.50}");
        assertEquals("1.50", decimal.id());
        Pattern string = one("{\"label\":\"X\",\"pattern\":\"x\",\"id\":\"42\"}");
        assertFalse(string.numericId());
        assertNull(one("{\"label\":\"X\",\"pattern\":\"x\",\"id\":null}").id());
    }

    @Test
    void blankLinesAreSkippedAndLinesKeepTheirNumbers() throws IOException {
        PatternFile file = read("", "{\"label\":\"A\",\"pattern\":\"a\"}", "   \t", "{\"label\":\"B\",\"pattern\":\"b\"}",
                "");
        assertEquals(List.of(2, 4), file.patterns().stream().map(p -> p.source().line()).toList());
        assertEquals(List.of(), file.problems());
    }

    @Test
    void directiveSetsTheAttrOfEveryPhrasePatternOfTheFile() throws IOException {
        PatternFile file = read("{\"phrase_matcher_attr\":\"LOWER\"}", "{\"label\":\"A\",\"pattern\":\"Apple\"}",
                "{\"label\":\"B\",\"pattern\":[{\"ORTH\":\"b\"}]}", "{\"label\":\"C\",\"pattern\":\"Cherry\"}");
        assertEquals(Attr.LOWER, file.phraseAttr());
        assertEquals(Attr.LOWER, ((PhrasePattern) file.patterns().get(0)).attr());
        assertEquals(Attr.LOWER, ((PhrasePattern) file.patterns().get(2)).attr());
    }

    @Test
    void directiveAcceptsTextForOrthAndAnyCase() throws IOException {
        assertEquals(Attr.ORTH, read("{\"Phrase_Matcher_Attr\":\"text\"}").phraseAttr());
        assertEquals(Attr.NORM, read("{\"phrase_matcher_attr\":\"norm\"}").phraseAttr());
    }

    @Test
    void withoutDirectivePhraseAttrIsNull() throws IOException {
        PatternFile file = read("{\"label\":\"A\",\"pattern\":\"Apple\"}");
        assertNull(file.phraseAttr());
        assertNull(((PhrasePattern) file.patterns().get(0)).attr());
    }

    @Test
    void byteOrderMarkAtTheStartIsIgnored() throws IOException {
        assertEquals(1, read("\uFEFF{\"label\":\"A\",\"pattern\":\"a\"}").patterns().size());
    }

    @Test
    void emojiAndAccentsInPhrasesAndLabelsAreKept() throws IOException {
        PhrasePattern pattern = (PhrasePattern) one("{\"label\":\"ÉMOJI\",\"pattern\":\"café 😀 naïve\"}");
        assertEquals("café 😀 naïve", pattern.phrase());
        assertEquals("ÉMOJI", pattern.label());
        PhrasePattern escaped = (PhrasePattern) one("{\"label\":\"E\",\"pattern\":\"caf\\u00e9 \\ud83d\\ude00\"}");
        assertEquals("café 😀", escaped.phrase());
    }

    @Test
    void labelsAreInternedWithinAFile() throws IOException {
        PatternFile file = read("{\"label\":\"DISEASE\",\"pattern\":\"a\"}", "{\"label\":\"DISEASE\",\"pattern\":\"b\"}");
        assertSame(file.patterns().get(0).label(), file.patterns().get(1).label());
    }

    @Test
    void parseLineReadsOnePatternWithTheGivenSource() throws PatternException {
        PatternSource source = new PatternSource("saved.jsonl", 7);
        assertEquals(new PhrasePattern("X", "x", "1", null, source, true),
                PatternReader.parseLine("{\"label\":\"X\",\"pattern\":\"x\",\"id\":1}", source));
    }

    @Test
    void parseLineThrowsWithEveryProblemOfTheLine() {
        PatternException e = assertThrows(PatternException.class, () -> PatternReader.parseLine(
                "{\"label\":\"\",\"pattern\":[{\"LOWR\":\"a\"}]}", new PatternSource("saved.jsonl", 3)));
        assertEquals(List.of("saved.jsonl:3:10: error: \"label\" must be a non-empty string, got \"\"",
                "saved.jsonl:3:25: error: unknown attribute \"LOWR\" (did you mean \"LOWER\"?); supported: " + SpecParser.SUPPORTED),
                e.problems().stream().map(Problem::toString).toList());
        assertEquals(String.join("\n", e.problems().stream().map(Problem::toString).toList()), e.getMessage());
    }

    @Test
    void parseLineRejectsAnEmptyLine() {
        PatternException e = assertThrows(PatternException.class, () -> PatternReader.parseLine(" ",
                new PatternSource("saved.jsonl", 2)));
        assertEquals("saved.jsonl:2: error: a pattern line must be a JSON object, got an empty line", e.getMessage());
    }

    @Test
    void parseLineRejectsTheDirective() {
        PatternException e = assertThrows(PatternException.class, () -> PatternReader.parseLine(
                "{\"phrase_matcher_attr\":\"LOWER\"}", new PatternSource("saved.jsonl", 1)));
        assertEquals("saved.jsonl:1:2: error: \"phrase_matcher_attr\" is a setting of a whole file, not a pattern",
                e.getMessage());
    }
}
