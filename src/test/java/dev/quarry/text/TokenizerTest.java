package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(Doc doc) {
        return doc.tokens().stream().map(Token::text).toList();
    }

    @Test
    void keepsPunctuationThatTheStandardTokenizerDrops() {
        Doc doc = Tokenizer.standard().tokenize("Hello, world! (Really?)");
        assertEquals(List.of("Hello", ",", "world", "!", "(", "Really", "?", ")"), words(doc));
    }

    @Test
    void offsetsCoverTheTokenText() {
        String text = "  Breast cancer -- a review...\n";
        Doc doc = Tokenizer.standard().tokenize(text);
        assertEquals(List.of("Breast", "cancer", "--", "a", "review", "..."), words(doc));
        for (int i = 0; i < doc.size(); i++) {
            assertEquals(doc.tokenText(i), text.substring(doc.start(i), doc.end(i)));
        }
        assertEquals(2, doc.start(0));
        assertEquals(30, doc.end(5));
    }

    @Test
    void emojiIsOneTokenOfTwoChars() {
        Doc doc = Tokenizer.standard().tokenize("I ❤️ 🍕 pizza");
        assertEquals("🍕", doc.tokenText(2));
        assertEquals(2, doc.end(2) - doc.start(2));
        assertEquals("pizza", doc.tokenText(3));
    }

    @Test
    void englishSplitsCliticsAsSpacyDoes() {
        Doc doc = Tokenizer.standard().tokenize("Apple's CEO doesn't say we're done");
        assertEquals(List.of("Apple", "'s", "CEO", "does", "n't", "say", "we", "'re", "done"), words(doc));
    }

    @Test
    void otherLanguagesKeepApostrophesInWords() {
        Doc doc = Tokenizer.forLanguage(Language.GERMAN).tokenize("Peter's Haus");
        assertEquals(List.of("Peter's", "Haus"), words(doc));
    }

    @Test
    void urlsAndEmailsStayWholeOnlyWhenAsked() {
        String text = "mail jane@example.com or see https://example.com/a";
        assertEquals(List.of("mail", "jane", "@", "example.com", "or", "see", "https", ":", "/", "/",
                "example.com", "/", "a"), words(Tokenizer.standard().tokenize(text)));
        Doc whole = Tokenizer.standard().keepingUrlsAndEmails().tokenize(text);
        assertEquals(List.of("mail", "jane@example.com", "or", "see", "https://example.com/a"), words(whole));
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertEquals(0, Tokenizer.standard().tokenize("").size());
        assertEquals(0, Tokenizer.standard().tokenize(" \n\t ").size());
    }

    @Test
    void accentedWordsStayWhole() {
        Doc doc = Tokenizer.forLanguage(Language.SPANISH).tokenize("¿Qué pasó en Düsseldorf?");
        assertEquals(List.of("¿", "Qué", "pasó", "en", "Düsseldorf", "?"), words(doc));
    }

    @Test
    void docFromWordsJoinsWithSpaces() {
        Doc doc = Doc.ofWords(List.of("EU", "rejects", "German", "call"));
        assertEquals("EU rejects German call", doc.text());
        assertEquals(3, doc.start(1));
        assertEquals(2, doc.tokenAtOrAfter(11));
        assertEquals(2, doc.tokenStartingAt(11));
        assertEquals(-1, doc.tokenStartingAt(12));
        assertEquals(1, doc.tokenEndingAt(10));
    }

    /** Chars that exercise UAX#29: letters, digits, mid-word and mid-number punctuation, emoji, CJK, marks. */
    private static final String TRICKY = "aZé9_.,;:'\u2019\"-@/ \n\t😀❤\uFE0F\u200D漢かカ한\u0301\u00AD\u00A0ß";

    private static String randomText(Random random, int length) {
        int[] cps = TRICKY.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(random.nextInt(4) == 0 ? "abc".charAt(random.nextInt(3)) : cps[random.nextInt(cps.length)]);
        }
        if (random.nextInt(20) == 0) {
            out.insert(random.nextInt(out.length() + 1), "x".repeat(250 + random.nextInt(20)));
        }
        if (random.nextInt(10) == 0) {
            out.append(" see https://example.com/a?b=c or jane@example.org.");
        }
        return out.toString();
    }

    /** The words of Lucene's own tokenizer, as {@code start:end}. */
    static List<String> luceneWords(String text, boolean urlsAndEmails) throws IOException {
        List<String> words = new ArrayList<>();
        try (org.apache.lucene.analysis.Tokenizer lucene =
                urlsAndEmails ? new UAX29URLEmailTokenizer() : new StandardTokenizer()) {
            OffsetAttribute offsets = lucene.addAttribute(OffsetAttribute.class);
            lucene.setReader(new StringReader(text));
            lucene.reset();
            while (lucene.incrementToken()) {
                words.add(offsets.startOffset() + ":" + offsets.endOffset());
            }
            lucene.end();
        }
        return words;
    }

    @Test
    void wordsAreLucenesWordsAndEveryOtherTokenLiesBetweenThem() throws IOException {
        Random random = new Random(29);
        for (int i = 0; i < 3000; i++) {
            assertWordsAreLucenes(randomText(random, random.nextInt(40)), i % 3 == 0);
        }
    }

    @Test
    void asciiWordsAreLucenesOnEveryShortStringOfTheirCharClasses() throws IOException {
        String alphabet = "a1_.':,;- ";
        int checked = 0;
        for (int length = 1; length <= 5; length++) {
            int[] digits = new int[length];
            for (boolean more = true; more; checked++) {
                StringBuilder text = new StringBuilder();
                for (int d : digits) {
                    text.append(alphabet.charAt(d));
                }
                assertWordsAreLucenes(text.toString(), false);
                more = false;
                for (int k = 0; k < length && !more; k++) {
                    digits[k] = (digits[k] + 1) % alphabet.length();
                    more = digits[k] != 0;
                }
            }
        }
        assertEquals(111_110, checked);
    }

    /**
     * Asserts that the tokens of {@code text} (German: no clitics) include every word of Lucene's tokenizer, and that
     * every other token lies outside them.
     */
    private static void assertWordsAreLucenes(String text, boolean urls) throws IOException {
        Tokenizer tokenizer = urls ? GERMAN.keepingUrlsAndEmails() : GERMAN;
        Doc doc = tokenizer.tokenize(text);
        List<String> words = luceneWords(text, urls);
        Set<String> tokens = new HashSet<>();
        boolean[] inWord = new boolean[text.length()];
        for (String word : words) {
            String[] range = word.split(":");
            Arrays.fill(inWord, Integer.parseInt(range[0]), Integer.parseInt(range[1]), true);
        }
        for (int t = 0; t < doc.size(); t++) {
            String range = doc.start(t) + ":" + doc.end(t);
            tokens.add(range);
            if (!words.contains(range)) {
                for (int c = doc.start(t); c < doc.end(t); c++) {
                    assertEquals(false, inWord[c], "token " + range + " inside a word of \"" + text + "\"");
                }
            }
        }
        assertEquals(true, tokens.containsAll(words), words + " in " + tokens + " of \"" + text + "\"");
    }

    private static final Tokenizer GERMAN = Tokenizer.forLanguage(Language.GERMAN);

    @Test
    void streamedTokensAreTheDocsTokens() {
        Random random = new Random(31);
        Tokenizer tokenizer = Tokenizer.standard();
        for (int i = 0; i < 500; i++) {
            String text = randomText(random, random.nextInt(60)) + " don't we're";
            Doc doc = tokenizer.tokenize(text);
            List<String> streamed = new ArrayList<>();
            tokenizer.forEachToken(text, (start, end) -> streamed.add(start + ":" + end));
            List<String> expected = new ArrayList<>();
            for (int t = 0; t < doc.size(); t++) {
                expected.add(doc.start(t) + ":" + doc.end(t));
            }
            assertEquals(expected, streamed, text);
        }
    }

    @Test
    void aSinkMayTokenizeAgainOnTheSameThread() {
        Tokenizer tokenizer = Tokenizer.standard();
        List<String> inner = new ArrayList<>();
        tokenizer.forEachToken("a b", (start, end) -> inner.add(tokenizer.tokenize("x y z").size() + "@" + start));
        assertEquals(List.of("3@0", "3@2"), inner);
        assertEquals(2, tokenizer.tokenize("c d").size());
    }

    /** Records tokens as {@code start:end}, and packed ones as {@code start:end=chars} unpacked from k0 and k1. */
    private static final class PackingSink implements TokenSink {
        final List<String> tokens = new ArrayList<>();
        int packed;

        @Override
        public void token(int start, int end) {
            tokens.add(start + ":" + end);
        }

        @Override
        public boolean wantsPackedTokens() {
            return true;
        }

        @Override
        public void packedToken(int start, int end, long k0, long k1) {
            StringBuilder chars = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                long c = ((i < 8 ? k0 : k1) >>> (8 * (i % 8))) & 0xFF;
                if (c != 0) {
                    chars.append((char) c);
                }
            }
            tokens.add(start + ":" + end + "=" + chars);
            packed++;
        }
    }

    @Test
    void packedTokensAreTheDocsTokensWithTheirChars() {
        Random random = new Random(37);
        Tokenizer tokenizer = Tokenizer.standard();
        String[] pieces = {"a", "Don't", "U.S.", "3,000", "...", "--", "x_1", "breastfeeding", "ABCDEFGHIJKLMNOP",
            "electroencephalographs", "\u0000", "(", " ", "\n", "é"};
        int packed = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length - (i % 2))]).append(random.nextBoolean() ? " " : "");
            }
            Doc doc = tokenizer.tokenize(text.toString());
            boolean ascii = text.chars().allMatch(c -> c < 0x80);
            List<String> expected = new ArrayList<>();
            for (int t = 0; t < doc.size(); t++) {
                String token = doc.tokenText(t);
                boolean packable = ascii && token.length() <= 16 && token.charAt(0) != 0;
                expected.add(doc.start(t) + ":" + doc.end(t) + (packable ? "=" + token : ""));
            }
            PackingSink sink = new PackingSink();
            tokenizer.forEachToken(text.toString(), sink);
            assertEquals(expected, sink.tokens, text.toString());
            packed += sink.packed;
        }
        assertEquals(true, packed > 1000, packed + " packed tokens");
    }

    @Test
    void aSinkThatPacksNothingGetsPackedTokensAsTokens() {
        List<String> tokens = new ArrayList<>();
        TokenSink sink = (start, end) -> tokens.add(start + ":" + end);
        sink.packedToken(2, 5, 0x636261L, 0);
        assertEquals(List.of("2:5"), tokens);
        assertEquals(false, sink.wantsPackedTokens());
    }
}
