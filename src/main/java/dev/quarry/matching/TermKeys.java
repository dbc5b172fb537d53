package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.TokenAttributes;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Turns a token's chars into the chars a phrase attribute compares, without a {@code String} per token: ORTH is the
 * chars as they are, LOWER is {@link TokenAttributes#lower}, NORM is {@link TokenAttributes#norm}. After
 * {@link #prepare}, the key is {@code chars()[offset() .. offset() + length())}.
 *
 * <p>Not thread-safe: one per thread (it owns scratch buffers).
 */
final class TermKeys {
    /* Lower-casing char by char (surrogate pairs as one code point) equals String.toLowerCase(Locale.ROOT) except
       for the two context-dependent chars (capital sigma, dotted capital I), unpaired surrogates, and chars whose
       lower case changes length; for those (rare) tokens we fall back to the String methods. */

    private char[] lower = new char[64];
    private char[] folded = new char[256];
    private char[] chars;
    private int offset;
    private int length;

    char[] chars() {
        return chars;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /**
     * Computes the key of {@code text[start, end)} for {@code attr}.
     *
     * @param buffer {@code text}'s chars, at the same indices (read, never written)
     */
    void prepare(Attr attr, String text, char[] buffer, int start, int end) {
        switch (attr) {
            case ORTH -> set(buffer, start, end - start);
            case LOWER -> lower(text, buffer, start, end);
            case NORM -> norm(text, buffer, start, end);
            default -> throw new IllegalArgumentException("not a phrase attribute: " + attr);
        }
    }

    /** {@code c} lower-cased if it is an ASCII capital, else {@code c}; branch-free. */
    static int lowerAscii(int c) {
        return c + ((~((c - 'A') | ('Z' - c)) >>> 31) << 5);
    }

    private void set(char[] source, int from, int count) {
        chars = source;
        offset = from;
        length = count;
    }

    /** Returns whether any lower-cased char is non-ASCII. */
    private boolean lower(String text, char[] buffer, int start, int end) {
        int count = end - start;
        if (lower.length < count) {
            lower = new char[Math.max(count, lower.length * 2)];
        }
        boolean nonAscii = false;
        for (int i = 0; i < count; i++) {
            char c = buffer[start + i];
            if (c < 0x80) {
                lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                continue;
            }
            if (Character.isHighSurrogate(c) && lowerPair(buffer, start + i, end, i)) {
                i++;
                nonAscii = true;
                continue;
            }
            int lowered = Character.toLowerCase((int) c);
            if (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c) || lowered > 0xFFFF) {
                slowLower(text.substring(start, end));
                return true;
            }
            lower[i] = (char) lowered;
            nonAscii |= lowered >= 0x80;
        }
        set(lower, 0, count);
        return nonAscii;
    }

    /**
     * Lower-cases the surrogate pair at {@code buffer[at]} into {@code lower[to]}, as {@code String.toLowerCase}
     * does (code point by code point); returns false, writing nothing, if there is no pair there or its lower case is
     * not itself a pair.
     */
    private boolean lowerPair(char[] buffer, int at, int end, int to) {
        if (at + 1 >= end || !Character.isLowSurrogate(buffer[at + 1])) {
            return false;
        }
        int lowered = Character.toLowerCase(Character.toCodePoint(buffer[at], buffer[at + 1]));
        if (!Character.isSupplementaryCodePoint(lowered)) {
            return false;
        }
        lower[to] = Character.highSurrogate(lowered);
        lower[to + 1] = Character.lowSurrogate(lowered);
        return true;
    }

    private void slowLower(String token) {
        String lowered = TokenAttributes.lower(token);
        if (lower.length < lowered.length()) {
            lower = new char[lowered.length() * 2];
        }
        lowered.getChars(0, lowered.length(), lower, 0);
        set(lower, 0, lowered.length());
    }

    private void norm(String text, char[] buffer, int start, int end) {
        if (!lower(text, buffer, start, end)) {
            return;
        }
        if (folded.length < length * 4) {
            folded = new char[length * 4];
        }
        int count = ASCIIFoldingFilter.foldToASCII(chars, offset, folded, 0, length);
        set(folded, 0, count);
    }

    /** The key of a whole string, as a new string: for phrases at compile time and for tests. */
    static String keyOf(Attr attr, String token) {
        TermKeys keys = new TermKeys();
        keys.prepare(attr, token, token.toCharArray(), 0, token.length());
        return new String(keys.chars, keys.offset, keys.length);
    }
}
