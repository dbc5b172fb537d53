package dev.quarry.text;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One thread's tokenizer at work: splits one text at a time into Quarry's tokens for {@link Tokenizer}, reusing its
 * buffers from text to text. Not thread-safe.
 */
final class TokenScan {
    /* The text is copied into a char array once, and every scan below reads that array: String.charAt in these loops
       costs a bounds and a coder check per char. A text that is all ASCII (nearly every English one) goes to AsciiWords
       whole, with the text also copied into bytes so that AsciiWords reads runs of word chars 8 at a time. Otherwise
       runs of non-whitespace chars are tokenized one by one: no word spans whitespace and Lucene's scanner starts
       afresh after it, so a run that is all ASCII goes to AsciiWords, the others to Lucene's scanner. For a sink that
       wants packed tokens (TokenSink.packedToken), each token of up to 16 chars of an all-ASCII text is packed from
       those bytes, 8 chars per read, as it is found. */

    private static final String[] ENGLISH_CLITICS = {"n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve",
        "’ve", "'m", "’m", "'d", "’d"};

    /** {@link Character#isWhitespace} of each ASCII char. */
    private static final boolean[] ASCII_SPACE = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
        }
    }

    /** The longest token reported through {@link TokenSink#packedToken}. */
    private static final int MAX_PACKED = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final WordScanner words;
    private final boolean urlsAndEmails;
    private char[] chars = new char[1024];
    /** The text's chars as bytes, and 16 bytes more, for 8-byte reads. */
    private byte[] bytes = new byte[1024 + MAX_PACKED];
    /** {@code bytes} while the text in progress is all ASCII, else null. */
    private byte[] ascii;
    /** {@code bytes} while the text in progress is all ASCII and its sink wants packed tokens, else null. */
    private byte[] packed;
    boolean inUse;
    /** The call in progress. */
    private String text;
    private TokenSink sink;
    private boolean english;

    TokenScan(boolean urlsAndEmails) {
        this.urlsAndEmails = urlsAndEmails;
        this.words = WordScanner.create(urlsAndEmails);
    }

    /** Reports the tokens of {@code text} to {@code sink}; English splits clitics off. */
    void run(String text, boolean english, TokenSink sink) throws IOException {
        this.text = text;
        this.sink = sink;
        this.english = english;
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        text.getChars(0, n, chars, 0);
        try {
            if (urlsAndEmails) {
                lucene(0, n);
            } else if (isAscii(chars, n)) {
                ascii = asciiBytes(text);
                packed = sink.wantsPackedTokens() ? ascii : null;
                ascii(0, n);
            } else {
                segments(n);
            }
        } finally {
            this.text = null;
            this.sink = null;
            this.packed = null;
            this.ascii = null;
            words.clear();
        }
    }

    /** Whether {@code chars[0, n)} is all ASCII: one branch-free pass. */
    private static boolean isAscii(char[] chars, int n) {
        int any = 0;
        for (int i = 0; i < n; i++) {
            any |= chars[i];
        }
        return any < 0x80;
    }

    /**
     * Copies the chars of {@code text}, all ASCII, into {@link #bytes}. The deprecated {@code getBytes} keeps the low
     * byte of each char, which for ASCII is the char; it is the only copy into a given array.
     */
    @SuppressWarnings("deprecation")
    private byte[] asciiBytes(String text) {
        if (bytes.length < text.length() + MAX_PACKED) {
            bytes = new byte[chars.length + MAX_PACKED];
        }
        text.getBytes(0, text.length(), bytes, 0);
        return bytes;
    }

    private void segments(int n) throws IOException {
        char[] c = chars;
        int i = 0;
        while (i < n) {
            char first = c[i];
            if (first < 0x80 && ASCII_SPACE[first]) {
                i++;
                continue;
            }
            int end = i;
            int any = 0;
            for (char d; end < n && ((d = c[end]) >= 0x80 || !ASCII_SPACE[d]); end++) {
                any |= d;
            }
            if (any < 0x80) {
                ascii(i, end);
            } else {
                lucene(i, end);
            }
            i = end;
        }
    }

    /**
     * The tokens of {@code chars[from, to)}, which is all ASCII, in one pass: words, whitespace skipped, and every
     * other char a token of its own (a run of {@code .} or {@code -} one token), as {@link #addGap} has them.
     */
    private void ascii(int from, int to) throws IOException {
        char[] c = chars;
        int i = from;
        while (i < to) {
            char first = c[i];
            if (AsciiWords.startsWord(c, i, to)) {
                int end = AsciiWords.wordEnd(c, ascii, i, to);
                if (end - i > WordScanner.MAX_TOKEN_LENGTH) {
                    lucene(i, to);
                    return;
                }
                addWord(i, end);
                i = end;
            } else if (ASCII_SPACE[first]) {
                i++;
            } else {
                int end = i + 1;
                if (first == '.' || first == '-') {
                    while (end < to && c[end] == first) {
                        end++;
                    }
                }
                emit(i, end);
                i = end;
            }
        }
    }

    /** The tokens of {@code text[from, to)}, words by Lucene's scanner. */
    private void lucene(int from, int to) throws IOException {
        words.reset(text, from, to);
        int previousEnd = from;
        while (words.next()) {
            int start = words.start();
            int end = start + words.length();
            addGap(previousEnd, start);
            addWord(start, end);
            previousEnd = end;
        }
        addGap(previousEnd, to);
    }

    private void addWord(int start, int end) {
        if (english && end - start > 2) {
            int split = cliticStart(start, end);
            if (split > start) {
                emit(start, split);
                emit(split, end);
                return;
            }
        }
        emit(start, end);
    }

    /**
     * Reports the token {@code [start, end)}: packed if the text is all ASCII, its sink wants packed tokens, and the
     * token is short and not NUL (the only token that holds a NUL is a NUL alone).
     */
    private void emit(int start, int end) {
        int length = end - start;
        if (packed == null || length > MAX_PACKED || chars[start] == 0) {
            sink.token(start, end);
            return;
        }
        int bits = 8 * length;
        long k0 = (long) LONGS.get(packed, start) & (-1L >>> (64 - Math.min(bits, 64)));
        long k1 = length > 8 ? (long) LONGS.get(packed, start + 8) & (-1L >>> (128 - bits)) : 0;
        sink.packedToken(start, end, k0, k1);
    }

    /**
     * Where an English clitic starts at the end of the word {@code [start, end)}, {@code end - start > 2}, or -1. Every
     * clitic has its apostrophe two or three chars before the word's end, so most words cost two comparisons.
     */
    private int cliticStart(int start, int end) {
        char c2 = chars[end - 2];
        char c3 = chars[end - 3];
        if (c2 != '\'' && c2 != '\u2019' && c3 != '\'' && c3 != '\u2019') {
            return -1;
        }
        for (String clitic : ENGLISH_CLITICS) {
            int split = end - clitic.length();
            if (split > start && text.regionMatches(true, split, clitic, 0, clitic.length())) {
                return split;
            }
        }
        return -1;
    }

    /** Every non-space code point between words is a token; runs of {@code .} or {@code -} are one. */
    private void addGap(int from, int to) {
        char[] c = chars;
        int i = from;
        while (i < to) {
            char first = c[i];
            if (first < 0x80 ? ASCII_SPACE[first] : Character.isWhitespace(first)) {
                i++;
                continue;
            }
            int end = i + 1;
            if (first == '.' || first == '-') {
                while (end < to && c[end] == first) {
                    end++;
                }
            } else if (Character.isHighSurrogate(first) && end < to && Character.isLowSurrogate(c[end])) {
                end++;
            }
            sink.token(i, end);
            i = end;
        }
    }
}
