package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternWriterTest {

    private static final PatternSource NOWHERE = PatternSource.inMemory(0);

    /** The pattern with its source replaced, to compare patterns read from different lines. */
    static Pattern unsourced(Pattern pattern) {
        return switch (pattern) {
            case PhrasePattern p -> new PhrasePattern(p.label(), p.phrase(), p.id(), p.attr(), NOWHERE, p.numericId());
            case TokenPattern p -> new TokenPattern(p.label(), p.tokens(), p.id(), NOWHERE, p.numericId());
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"phrases", "tokens", "lower"})
    void everyCorpusLineSurvivesWritingAndReadingBack(String name) throws Exception {
        PatternFile file = PatternCorpusTest.readResource("good/" + name + ".jsonl");
        assertEquals(List.of(), file.problems());
        for (Pattern pattern : file.patterns()) {
            String line = PatternWriter.toJsonLine(pattern);
            Pattern again = PatternReader.parseLine(line, pattern.source());
            if (pattern instanceof PhrasePattern phrase && phrase.attr() != null) {
                assertEquals(new PhrasePattern(phrase.label(), phrase.phrase(), phrase.id(), null, phrase.source(),
                        phrase.numericId()), again, line);
            } else {
                assertEquals(pattern, again, line);
            }
            assertEquals(line, PatternWriter.toJsonLine(again));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phrases", "tokens", "lower"})
    void everyCorpusFileSurvivesWritingAndReadingBackWithItsPhraseAttr(String name) throws IOException {
        PatternFile file = PatternCorpusTest.readResource("good/" + name + ".jsonl");
        StringWriter out = new StringWriter();
        PatternFiles.write(file.patterns(), out);
        PatternFile again = PatternReader.read("again.jsonl", new StringReader(out.toString()));
        assertEquals(List.of(), again.problems());
        assertEquals(file.phraseAttr(), again.phraseAttr());
        assertEquals(file.patterns().stream().map(PatternWriterTest::unsourced).toList(),
                again.patterns().stream().map(PatternWriterTest::unsourced).toList());
    }

    @Test
    void keysComeInCanonicalOrderAndSpellingsAsWritten() throws PatternException {
        Pattern pattern = PatternReader.parseLine("{\"ID\":3,\"Pattern\":[{\"op\":\"{1,}\",\"lower\":{\"not_in\":[\"a\"],"
                + "\"in\":[\"b\"]}},{\"TEXT\":{\"regex\":\"(?P<n>x)(?P=n)\"}}],\"LABEL\":\"X\"}", NOWHERE);
        assertEquals("{\"label\":\"X\",\"pattern\":[{\"lower\":{\"NOT_IN\":[\"a\"],\"IN\":[\"b\"]},\"OP\":\"{1,}\"},"
                + "{\"TEXT\":{\"REGEX\":\"(?P<n>x)(?P=n)\"}}],\"id\":3}", PatternWriter.toJsonLine(pattern));
    }

    @Test
    void numericIdsAreWrittenAsTyped() throws PatternException {
        for (String id : List.of("0", "-1", "1.50", "2e10", "-12.5E-3")) {
            String line = "{\"label\":\"X\",\"pattern\":\"x\",\"id\":" + id + "}";
            assertEquals(line, PatternWriter.toJsonLine(PatternReader.parseLine(line, NOWHERE)));
        }
        String quoted = "{\"label\":\"X\",\"pattern\":\"x\",\"id\":\"42\"}";
        assertEquals(quoted, PatternWriter.toJsonLine(PatternReader.parseLine(quoted, NOWHERE)));
    }

    @Test
    void nonAsciiTextIsWrittenAsIsAndOnlyJsonsEscapesAreUsed() {
        assertEquals("{\"label\":\"É\",\"pattern\":\"café 😀 \\\"q\\\" \\\\ \\t\"}",
                PatternWriter.toJsonLine(new PhrasePattern("É", "café 😀 \"q\" \\ \t")));
    }

    @Test
    void quantifiersMadeInCodeGetTheirCanonicalOp() {
        List<Quantifier> quantifiers = List.of(new Quantifier(0, 1, false, null), new Quantifier(1, 1, true, null),
                new Quantifier(1, Quantifier.UNBOUNDED, false, null), new Quantifier(0, Quantifier.UNBOUNDED, false,
                        null), new Quantifier(2, 4, false, null), new Quantifier(3, Quantifier.UNBOUNDED, false, null),
                new Quantifier(0, 3, false, null), new Quantifier(2, 2, false, null), Quantifier.ONE);
        List<String> ops = quantifiers.stream().map(Quantifiers::opOf).toList();
        assertEquals(java.util.Arrays.asList("?", "!", "+", "*", "{2,4}", "{3,}", "{,3}", "{2}", null), ops);
        TokenPattern pattern = new TokenPattern("X", List.of(TokenSpec.of(Constraint.equals(Attr.LOWER, "a"))
                .with(new Quantifier(2, 4, false, null)), TokenSpec.of()));
        assertEquals("{\"label\":\"X\",\"pattern\":[{\"LOWER\":\"a\",\"OP\":\"{2,4}\"},{}]}",
                PatternWriter.toJsonLine(pattern));
    }

    @Test
    void constraintsNoFileCanExpressAreRejected() {
        TokenPattern literalAndMore = new TokenPattern("X", List.of(TokenSpec.of(Constraint.of(Attr.LOWER,
                new Predicate.Equals("a"), Predicate.Regex.of("b")))));
        assertEquals("cannot write a literal together with other tests on LOWER in one token spec: Constraint"
                + "[attr=LOWER, key=LOWER, predicates=[Equals[value=a], Regex[regex=b]]]",
                assertThrows(IllegalArgumentException.class, () -> PatternWriter.toJsonLine(literalAndMore))
                        .getMessage());
        TokenPattern twoIns = new TokenPattern("X", List.of(TokenSpec.of(Constraint.of(Attr.LOWER,
                new Predicate.In(List.of("a")), new Predicate.In(List.of("b"))))));
        assertThrows(IllegalArgumentException.class, () -> PatternWriter.toJsonLine(twoIns));
        TokenPattern flags = new TokenPattern("X", List.of(TokenSpec.of(Constraint.of(Attr.LOWER,
                new Predicate.Regex(java.util.regex.Pattern.compile("a", java.util.regex.Pattern.CASE_INSENSITIVE))))));
        assertEquals("cannot write a REGEX with flags (write them inline, as (?i)), got flags 2 on a",
                assertThrows(IllegalArgumentException.class, () -> PatternWriter.toJsonLine(flags)).getMessage());
        TokenPattern aLong = new TokenPattern("X", List.of(TokenSpec.of(Constraint.equals(Attr.LENGTH, 3L))));
        assertEquals("cannot write a value of type Long (a pattern value is a String, Integer or Boolean), got 3",
                assertThrows(IllegalArgumentException.class, () -> PatternWriter.toJsonLine(aLong)).getMessage());
    }
}
