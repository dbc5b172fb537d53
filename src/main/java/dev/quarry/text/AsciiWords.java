package dev.quarry.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The words of Lucene's {@code StandardTokenizer} in text that is all ASCII, found by a hand-written scanner instead
 * of Lucene's JFlex automaton: for ASCII the UAX#29 word rules come down to a few char classes. A word is a run of
 * letters, digits and underscores, holding at least one letter or digit, in which a single {@code : . '} may stand
 * between two letters and a single {@code , ; . '} between two digits. Only for runs without whitespace
 * ({@link Tokenizer} sends everything else to Lucene); TokenizerTest checks the scanner against Lucene on every short
 * string over these classes and on random text.
 */
final class AsciiWords {
    /* The classes are UAX#29's word-break properties of the ASCII chars as Lucene 10's scanner has them (checked char
       by char against it): ALetter [A-Za-z], Numeric [0-9], ExtendNumLet _, MidLetter :, MidNum , ;, MidNumLet .
       and Single_Quote ' (which join both letters and digits). Every other ASCII char breaks words and is no word.
       Given the text as bytes, a run of word chars is found 8 chars per read: wordBytes tests the three ranges of
       each byte at once (SWAR), and the run ends at the lowest byte that fails. */

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UNDERSCORE = 3;
    private static final byte MID_LETTER = 4;
    private static final byte MID_NUMBER = 5;
    private static final byte MID_BOTH = 6;

    private static final byte[] CLASSES = new byte[0x80];
    /** Whether each ASCII char is a letter, digit or underscore: the chars a word is made of. */
    private static final boolean[] WORD = new boolean[0x80];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = LETTER;
            CLASSES[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = DIGIT;
        }
        CLASSES['_'] = UNDERSCORE;
        CLASSES[':'] = MID_LETTER;
        CLASSES[','] = MID_NUMBER;
        CLASSES[';'] = MID_NUMBER;
        CLASSES['.'] = MID_BOTH;
        CLASSES['\''] = MID_BOTH;
        assert CLASSES[' '] == OTHER;
        for (int c = 0; c < 0x80; c++) {
            WORD[c] = CLASSES[c] == LETTER || CLASSES[c] == DIGIT || CLASSES[c] == UNDERSCORE;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    private AsciiWords() {
    }

    private static boolean isLetterOrDigit(int kind) {
        return kind == LETTER || kind == DIGIT;
    }

    /** The class of the ASCII char {@code c}; the mask (a no-op on ASCII) spares the JIT a bounds check. */
    private static int classOf(char c) {
        return CLASSES[c & 0x7F];
    }

    /** Whether a word starts at {@code text[i]}: a letter or digit, or underscores and then one. */
    static boolean startsWord(char[] text, int i, int to) {
        int kind = classOf(text[i]);
        if (kind != UNDERSCORE) {
            return isLetterOrDigit(kind);
        }
        int next = i + 1;
        while (next < to && text[next] == '_') {
            next++;
        }
        return next < to && isLetterOrDigit(classOf(text[next]));
    }

    /**
     * The end of the word that starts at {@code start} ({@link #startsWord}) in {@code text[.., to)}: runs of letters,
     * digits and underscores, joined by single mid-word chars between two letters or two digits.
     *
     * @param bytes null, or the chars of {@code text} as bytes (all ASCII up to {@code to}) and 8 bytes more: runs
     *     are then scanned 8 chars at a time
     */
    static int wordEnd(char[] text, byte[] bytes, int start, int to) {
        int i = start;
        while (text[i] == '_') {
            i++;
        }
        i++;
        while (true) {
            i = bytes == null ? runEnd(text, i, to) : runEnd(bytes, i, to);
            if (i + 1 >= to) {
                return i;
            }
            int kind = classOf(text[i]);
            int previous = classOf(text[i - 1]);
            if (kind < MID_LETTER || classOf(text[i + 1]) != previous || !joins(kind, previous)) {
                return i;
            }
            i += 2;
        }
    }

    /** The end of the run of letters, digits and underscores from {@code i} in {@code text[.., to)}. */
    private static int runEnd(char[] text, int i, int to) {
        while (i < to && WORD[text[i] & 0x7F]) {
            i++;
        }
        return i;
    }

    /** {@link #runEnd(char[], int, int)} over the text's bytes, 8 at a time. */
    private static int runEnd(byte[] bytes, int i, int to) {
        for (; i < to; i += 8) {
            long other = ~wordBytes((long) LONGS.get(bytes, i)) & HIGH;
            if (other != 0) {
                return Math.min(to, i + (Long.numberOfTrailingZeros(other) >>> 3));
            }
        }
        return to;
    }

    /**
     * The high bit of each byte of {@code chars} (8 ASCII chars) set if that char is a letter, digit or underscore,
     * the other bits 0; branch-free. Bytes from 0x80 up may set their own bit and any above.
     */
    static long wordBytes(long chars) {
        long folded = chars | 0x20 * ONES;
        long letters = (folded + (0x80 - 'a') * ONES) & ~(folded + (0x7F - 'z') * ONES);
        long digits = (chars + (0x80 - '0') * ONES) & ~(chars + (0x7F - '9') * ONES);
        long notUnderscore = chars ^ '_' * ONES;
        long underscores = ~((notUnderscore + 0x7F * ONES) | notUnderscore);
        return (letters | digits | underscores) & HIGH;
    }

    /** Whether the mid-word char of class {@code mid} joins two chars of class {@code kind}. */
    private static boolean joins(int mid, int kind) {
        return kind == LETTER ? mid != MID_NUMBER : kind == DIGIT && mid != MID_LETTER;
    }
}
