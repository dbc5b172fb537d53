package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatchingTest {

    private static final Tokenizer TOKENIZER = Tokenizer.standard();

    private static PhrasePattern phrase(String label, String text, Attr attr) {
        return new PhrasePattern(label, text, null, attr, PatternSource.inMemory(1));
    }

    private static List<String> texts(Matcher matcher, String text, Overlap overlap) {
        Doc doc = TOKENIZER.tokenize(text);
        return matcher.match(doc, overlap).stream()
                .map(m -> m.label() + ":" + text.substring(m.start(), m.end())).toList();
    }

    private static Matcher compile(MatchOptions options, Pattern... patterns) {
        return Matcher.compile(List.of(patterns), options);
    }

    @Test
    void orthMatchesExactCharsOnly() {
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("DISEASE", "breast cancer"));
        assertEquals(List.of("DISEASE:breast cancer"),
                texts(matcher, "Breast Cancer and breast cancer.", Overlap.ALL));
    }

    @Test
    void lowerMatchesAnyCaseButKeepsAccents() {
        Matcher matcher = compile(MatchOptions.defaults().withPhraseAttr(Attr.LOWER),
                new PhrasePattern("DISEASE", "breast cancer"), new PhrasePattern("PROF", "ärzte"));
        assertEquals(List.of("DISEASE:Breast Cancer", "PROF:ÄRZTE", "DISEASE:breast CANCER"),
                texts(matcher, "Breast Cancer, ÄRZTE, Arzte, breast CANCER", Overlap.ALL));
    }

    @Test
    void normFoldsAccentsSoArzteMatchesArzteWithUmlaut() {
        Matcher matcher = compile(MatchOptions.defaults().withPhraseAttr(Attr.NORM), new PhrasePattern("PROF", "arzte"));
        assertEquals(List.of("PROF:Ärzte", "PROF:ARZTE", "PROF:ärzte"),
                texts(matcher, "Ärzte ARZTE ärzte Ärzt", Overlap.ALL));
    }

    @Test
    void normFoldsThePatternToo() {
        Matcher matcher = compile(MatchOptions.defaults(), phrase("CITY", "Zürich Straße", Attr.NORM));
        assertEquals(List.of("CITY:zurich strasse", "CITY:ZÜRICH STRASSE"),
                texts(matcher, "zurich strasse; ZÜRICH STRASSE", Overlap.ALL));
    }

    @Test
    void patternAttrOverridesTheOptionsAndSeveralAttrsWorkAtOnce() {
        Matcher matcher = compile(MatchOptions.defaults(), phrase("A", "apple", Attr.LOWER),
                new PhrasePattern("B", "Apple"), phrase("C", "apfel", Attr.NORM));
        assertEquals(List.of("A:Apple", "B:Apple", "A:APPLE", "C:Äpfel"),
                texts(matcher, "Apple APPLE Äpfel", Overlap.ALL));
    }

    @Test
    void multiTokenPhrasesFollowTheTokenizerNotTheSpaces() {
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("X", "U.S. - based"),
                new PhrasePattern("Y", "don't"));
        assertEquals(List.of("X:U.S.  -   based", "Y:don't"),
                texts(matcher, "a U.S.  -   based firm, I don't", Overlap.ALL));
    }

    @Test
    void samePhraseUnderTwoLabelsGivesTwoMatches() {
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("ORG", "Apple"),
                new PhrasePattern("FRUIT", "Apple"));
        Doc doc = TOKENIZER.tokenize("I like Apple.");
        List<Match> matches = matcher.match(doc, Overlap.ALL);
        assertEquals(List.of("ORG", "FRUIT"), matches.stream().map(Match::label).toList());
        assertEquals(List.of(0, 1), matches.stream().map(Match::patternIndex).toList());
    }

    @Test
    void overlappingAndNestedPhrasesAreAllReported() {
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("A", "new york"),
                new PhrasePattern("B", "new york city"), new PhrasePattern("C", "york city hall"),
                new PhrasePattern("D", "york"));
        assertEquals(List.of("B:new york city", "A:new york", "C:york city hall", "D:york"),
                texts(matcher, "in new york city hall", Overlap.ALL));
    }

    @Test
    void matchCarriesCharOffsetsIdSourceAndIndex() {
        PhrasePattern pattern = new PhrasePattern("EMO", "😀 café", "E1", null, new PatternSource("p.jsonl", 7));
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("X", "zzz"), pattern);
        String text = "Héllo, 😀 café!";
        Match match = matcher.match(TOKENIZER.tokenize(text)).get(0);
        assertEquals(new Match(7, 14, 2, 4, "EMO", "E1", new PatternSource("p.jsonl", 7), 1), match);
        assertEquals("😀 café", text.substring(match.start(), match.end()));
        assertEquals(pattern, matcher.pattern(1));
    }

    @Test
    void punctuationTokensMatchAsPhrases() {
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("P", "!?"),
                new PhrasePattern("Q", "e-mail"));
        assertEquals(List.of("Q:e-mail", "P:!?"), texts(matcher, "e-mail me!?", Overlap.ALL));
    }

    @Test
    void specialLowerCasingAgreesWithStringLowerCase() {
        Matcher matcher = compile(MatchOptions.defaults().withPhraseAttr(Attr.LOWER),
                new PhrasePattern("S", "ΟΔΟΣ"), new PhrasePattern("I", "İstanbul"));
        assertEquals(List.of("S:οδος", "I:İSTANBUL"), texts(matcher, "οδος İSTANBUL", Overlap.ALL));
    }

    @Test
    void forEachMatchReportsTheSameAsMatchAll() {
        Matcher matcher = compile(MatchOptions.defaults(), new PhrasePattern("A", "a b"),
                new PhrasePattern("B", "b"), new PhrasePattern("C", "a b c"));
        Doc doc = TOKENIZER.tokenize("a b c a b");
        List<String> seen = new ArrayList<>();
        matcher.forEachMatch(doc, (p, s, e) -> seen.add(p + "@" + s + "-" + e));
        List<String> expected = matcher.match(doc, Overlap.ALL).stream()
                .map(m -> m.patternIndex() + "@" + m.tokenStart() + "-" + m.tokenEnd()).toList();
        assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList());
        assertEquals(5, seen.size());
    }

    @Test
    void emptyDocAndNoPatternsGiveNoMatches() {
        assertTrue(compile(MatchOptions.defaults(), new PhrasePattern("A", "a")).match(TOKENIZER.tokenize("")).isEmpty());
        assertTrue(Matcher.compile(List.of(), MatchOptions.defaults()).match(TOKENIZER.tokenize("a b")).isEmpty());
    }
    @Test
    void keysAroundTheSixteenCharsPackedIntoADictionarySlotMatchOnlyThemselves() {
        List<Pattern> patterns = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int length = 1; length <= 20; length++) {
            String key = "k".repeat(length - 1);
            patterns.add(phrase("L" + length, key + "a", Attr.LOWER));
            text.append(key).append("A ").append(key).append("b ").append(key).append("aa ");
        }
        patterns.add(phrase("KELVIN", "\u212A9", Attr.LOWER)); // the Kelvin sign lower-cases to ASCII k
        text.append("k9 K9 \u212A9");
        Matcher matcher = compile(MatchOptions.defaults(), patterns.toArray(Pattern[]::new));
        List<String> expected = new ArrayList<>();
        for (int length = 1; length <= 20; length++) {
            expected.add("L" + length + ":" + "k".repeat(length - 1) + "A");
        }
        expected.addAll(List.of("KELVIN:k9", "KELVIN:K9", "KELVIN:\u212A9"));
        assertEquals(expected, texts(matcher, text.toString(), Overlap.ALL));
        Matcher batching = new Matcher(matcher.options(), matcher.table(), matcher.phrases().batchingAll(),
                matcher.tokens());
        assertEquals(expected, texts(batching, text.toString(), Overlap.ALL), "batched lookups");
    }
}
