package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiWordsTest {

    private static boolean isWordChar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
    }

    @Test
    void wordBytesMarksLettersDigitsAndUnderscoresAtEveryPosition() {
        Random random = new Random(3);
        for (int c = 0; c < 0x80; c++) {
            for (int position = 0; position < 8; position++) {
                long chars = 0;
                for (int p = 0; p < 8; p++) {
                    long b = p == position ? c : random.nextInt(0x80);
                    chars |= b << (8 * p);
                }
                long marks = AsciiWords.wordBytes(chars);
                for (int p = 0; p < 8; p++) {
                    int b = (int) (chars >>> (8 * p)) & 0xFF;
                    assertEquals(isWordChar(b), (marks >>> (8 * p + 7) & 1) == 1, "char " + b + " at byte " + p);
                }
                assertEquals(0, marks & 0x7F7F7F7F7F7F7F7FL);
            }
        }
    }

    @Test
    void wordEndIsTheSameFromBytesAsFromChars() {
        Random random = new Random(5);
        String alphabet = "abcXYZ019_.':,;- !";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder("a");
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            char[] chars = text.toString().toCharArray();
            byte[] bytes = (text + "x".repeat(16)).getBytes(StandardCharsets.US_ASCII);
            int to = 1 + random.nextInt(chars.length);
            assertEquals(AsciiWords.wordEnd(chars, null, 0, to), AsciiWords.wordEnd(chars, bytes, 0, to),
                    "\"" + text + "\" up to " + to);
        }
    }
}
