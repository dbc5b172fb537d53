package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Doc;
import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermKeysTest {

    private static final String ALPHABET = "aZ9 ÄöüßÉçñΣσςİıǅ😀ΐﬁ-.𐐀𐐨\uD800";

    private static String randomString(Random random, int length) {
        StringBuilder out = new StringBuilder();
        int[] cps = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return out.toString();
    }

    @Test
    void keysEqualTheStringAttributesOnTrickyChars() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String token = randomString(random, 1 + random.nextInt(6));
            assertEquals(token, TermKeys.keyOf(Attr.ORTH, token));
            assertEquals(TokenAttributes.lower(token), TermKeys.keyOf(Attr.LOWER, token), token);
            assertEquals(TokenAttributes.norm(token), TermKeys.keyOf(Attr.NORM, token), token);
        }
    }

    @Test
    void branchFreeAsciiLowerCaseIsTheStringLowerCase() {
        for (char c = 0; c < 0x80; c++) {
            assertEquals(TokenAttributes.lower(String.valueOf(c)), String.valueOf((char) TermKeys.lowerAscii(c)),
                    "char " + (int) c);
        }
    }

    @Test
    void plainWordShortcutSplitsAsTheTokenizerDoes() {
        Random random = new Random(11);
        String letters = "abcXYZ019 éÀÿ";
        PhraseSplitter splitter = new PhraseSplitter(Tokenizer.standard());
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder phrase = new StringBuilder();
            for (int j = 0, n = 1 + random.nextInt(12); j < n; j++) {
                phrase.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (splitter.splitPlainWords(phrase.toString())) {
                Doc doc = Tokenizer.standard().tokenize(phrase.toString());
                int[] starts = new int[doc.size()];
                int[] ends = new int[doc.size()];
                Arrays.setAll(starts, doc::start);
                Arrays.setAll(ends, doc::end);
                assertEquals(Arrays.toString(starts) + Arrays.toString(ends),
                        Arrays.toString(Arrays.copyOf(splitter.starts, splitter.size))
                                + Arrays.toString(Arrays.copyOf(splitter.ends, splitter.size)), phrase.toString());
                checked++;
            }
        }
        assertEquals(true, checked > 1000);
    }

    @Test
    void punctuationOrApostropheTakesTheTokenizerPath() {
        PhraseSplitter splitter = new PhraseSplitter(Tokenizer.standard());
        assertEquals(false, splitter.splitPlainWords("don't"));
        assertEquals(2, splitter.split("don't"));
        assertEquals(false, splitter.splitPlainWords("U.S."));
    }
}
