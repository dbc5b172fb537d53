package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Random patterns and texts, checked against slow, obviously correct matchers. */
class ReferenceMatchingTest {

    private static final String[] WORDS = {"a", "b", "c", "A", "B", "É", "é", "e", ",", "don't", "U.S.", "--", "😀"};
    private static final Attr[] ATTRS = {Attr.ORTH, Attr.LOWER, Attr.NORM};

    private static List<String> randomWords(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return words;
    }

    private static String key(Attr attr, Doc doc, int token) {
        return switch (attr) {
            case LOWER -> doc.lower(token);
            case NORM -> doc.norm(token);
            default -> doc.tokenText(token);
        };
    }

    @Test
    void phraseMatchesEqualABruteForceComparisonOfTokenKeys() {
        Random random = new Random(3);
        List<PhrasePattern> patterns = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            patterns.add(new PhrasePattern("L" + i % 3, String.join(" ", randomWords(random, 1 + random.nextInt(4))),
                    null, random.nextInt(4) == 0 ? null : ATTRS[random.nextInt(3)], PatternSource.inMemory(i)));
        }
        Matcher matcher = Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
        for (PhraseTrie trie : matcher.phrases().tries) {
            assertTrue(trie == null || trie.width == 1, "small tries have 8-byte slots");
        }
        Tokenizer tokenizer = Tokenizer.standard();
        int total = 0;
        for (int d = 0; d < 30; d++) {
            Doc doc = tokenizer.tokenize(String.join(" ", randomWords(random, 40)));
            Set<String> actual = new TreeSet<>();
            matcher.forEachMatch(doc, (p, s, e) -> assertTrue(actual.add(p + "@" + s + "-" + e)));
            Set<String> expected = bruteForce(patterns, doc);
            assertEquals(expected, actual);
            Set<String> fromText = new TreeSet<>();
            matcher.forEachMatch(doc.text(), (p, s, e) -> assertTrue(fromText.add(p + "@" + s + "-" + e)));
            assertEquals(expected, fromText, "matching the text without a Doc");
            Matcher batching = new Matcher(matcher.options(), matcher.table(), matcher.phrases().batchingAll(),
                    matcher.tokens());
            Set<String> batchedText = new TreeSet<>();
            batching.forEachMatch(doc.text(), (p, s, e) -> assertTrue(batchedText.add(p + "@" + s + "-" + e)));
            assertEquals(expected, batchedText, "batched lookups from the text");
            Set<String> batchedDoc = new TreeSet<>();
            batching.forEachMatch(doc, (p, s, e) -> assertTrue(batchedDoc.add(p + "@" + s + "-" + e)));
            assertEquals(expected, batchedDoc, "batched lookups from the Doc");
            Matcher wide = new Matcher(matcher.options(), matcher.table(), matcher.phrases().widened(),
                    matcher.tokens());
            Set<String> wideText = new TreeSet<>();
            wide.forEachMatch(doc.text(), (p, s, e) -> assertTrue(wideText.add(p + "@" + s + "-" + e)));
            assertEquals(expected, wideText, "a trie in 16-byte slots");
            total += expected.size();
        }
        assertTrue(total > 500, "only " + total + " matches");
    }

    private static final String[] ASCII_WORDS = {"a", "B", "don't", "U.S.", "--", "...", ",", "x_1", "3,000",
        "Breastfeeding", "BREASTFEEDING", "abcdefgh", "ABCDEFGHI", "abcdefghijklmnop", "electroencephalographs"};

    @Test
    void tokensPackedByTheTokenizerMatchAsTheDocsTokens() {
        Random random = new Random(5);
        List<PhrasePattern> patterns = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            List<String> words = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                words.add(ASCII_WORDS[random.nextInt(ASCII_WORDS.length)]);
            }
            patterns.add(new PhrasePattern("L", String.join(" ", words), null, ATTRS[i % 3], PatternSource.inMemory(i)));
        }
        Matcher matcher = Matcher.compile(patterns, MatchOptions.defaults());
        Matcher batching = new Matcher(matcher.options(), matcher.table(), matcher.phrases().batchingAll(),
                matcher.tokens());
        int total = 0;
        for (int d = 0; d < 40; d++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 40; k++) {
                text.append(ASCII_WORDS[random.nextInt(ASCII_WORDS.length)]).append(k % 9 == 8 ? "\u0000" : " ");
            }
            Doc doc = Tokenizer.standard().tokenize(text.toString());
            Set<String> expected = bruteForce(patterns, doc);
            for (Matcher m : List.of(matcher, batching)) {
                Set<String> fromDoc = new TreeSet<>();
                m.forEachMatch(doc, (p, s, e) -> assertTrue(fromDoc.add(p + "@" + s + "-" + e)));
                assertEquals(expected, fromDoc, text.toString());
                Set<String> fromText = new TreeSet<>();
                m.forEachMatch(doc.text(), (p, s, e) -> assertTrue(fromText.add(p + "@" + s + "-" + e)));
                assertEquals(expected, fromText, text.toString());
            }
            total += expected.size();
        }
        assertTrue(total > 500, "only " + total + " matches");
    }

    /** The matches of each pattern (its attribute, else LOWER) found by comparing keys at every start. */
    private static Set<String> bruteForce(List<PhrasePattern> patterns, Doc doc) {
        Set<String> expected = new TreeSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            Attr attr = patterns.get(p).attr() != null ? patterns.get(p).attr() : Attr.LOWER;
            Doc phrase = Tokenizer.standard().tokenize(patterns.get(p).phrase());
            for (int s = 0; s + phrase.size() <= doc.size(); s++) {
                boolean same = true;
                for (int k = 0; k < phrase.size() && same; k++) {
                    same = key(attr, phrase, k).equals(key(attr, doc, s + k));
                }
                if (same) {
                    expected.add(p + "@" + s + "-" + (s + phrase.size()));
                }
            }
        }
        return expected;
    }

    private static TokenSpec randomSpec(Random random) {
        Quantifier[] quantifiers = {Quantifier.ONE, Quantifier.ONE, Quantifier.NOT, Quantifier.OPTIONAL,
            Quantifier.ONE_OR_MORE, Quantifier.ZERO_OR_MORE, Quantifier.range(2, 3), Quantifier.range(0, 2),
            Quantifier.range(2, Quantifier.UNBOUNDED), Quantifier.range(2, 2)};
        Quantifier quantifier = quantifiers[random.nextInt(quantifiers.length)];
        if (random.nextInt(6) == 0) {
            return new TokenSpec(List.of(), quantifier.negated() ? Quantifier.ONE : quantifier);
        }
        Attr attr = ATTRS[random.nextInt(3)];
        return new TokenSpec(List.of(Constraint.equals(attr, WORDS[random.nextInt(WORDS.length)])), quantifier);
    }

    @Test
    void tokenPatternMatchesEqualABacktrackingSearchOverEverySpan() {
        Random random = new Random(5);
        Tokenizer tokenizer = Tokenizer.standard();
        int total = 0;
        for (int round = 0; round < 150; round++) {
            List<TokenSpec> specs = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                specs.add(randomSpec(random));
            }
            TokenPattern pattern = new TokenPattern("T", specs);
            Matcher matcher = Matcher.compile(List.<Pattern>of(pattern), MatchOptions.defaults());
            Doc doc = tokenizer.tokenize(String.join(" ", randomWords(random, 12)));
            Set<String> actual = new TreeSet<>();
            matcher.forEachMatch(doc, (p, s, e) -> assertTrue(actual.add(s + "-" + e)));
            Set<String> expected = new TreeSet<>();
            TokenProgram program = new TokenProgram(0, pattern);
            for (int s = 0; s < doc.size(); s++) {
                for (int e = s + 1; e <= doc.size(); e++) {
                    if (new Explainer(program, doc, Language.ENGLISH, s, e).align() != null) {
                        expected.add(s + "-" + e);
                    }
                }
            }
            assertEquals(expected, actual, pattern.toString() + " on " + doc);
            Set<String> fromText = new TreeSet<>();
            matcher.forEachMatch(doc.text(), (p, s, e) -> assertTrue(fromText.add(s + "-" + e)));
            assertEquals(expected, fromText, "matching the text without a Doc");
            total += expected.size();
        }
        assertTrue(total > 300, "only " + total + " matches");
    }
}
