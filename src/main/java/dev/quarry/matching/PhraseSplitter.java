package dev.quarry.matching;

import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.Arrays;

/**
 * Splits phrase patterns into token offsets with the matcher's {@link Tokenizer}, skipping the tokenizer for the
 * common phrase that is plain words: letters and digits (ASCII or Latin-1) separated by spaces, where the
 * tokenizer's answer is known to be the runs between spaces (no punctuation, no apostrophe for a clitic, words under
 * Lucene's 255-char limit). A test checks the shortcut against the tokenizer.
 *
 * <p>Not thread-safe: results are left in {@link #starts} and {@link #ends}.
 */
final class PhraseSplitter {

    private static final int MAX_WORD = 255;

    private final Tokenizer tokenizer;
    int[] starts = new int[16];
    int[] ends = new int[16];
    int size;

    PhraseSplitter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Splits {@code phrase}; returns the number of tokens. */
    int split(String phrase) {
        if (!splitPlainWords(phrase)) {
            Doc doc = tokenizer.tokenize(phrase);
            size = 0;
            for (int i = 0; i < doc.size(); i++) {
                add(doc.start(i), doc.end(i));
            }
        }
        return size;
    }

    boolean splitPlainWords(String phrase) {
        size = 0;
        int start = -1;
        for (int i = 0, n = phrase.length(); i <= n; i++) {
            char c = i < n ? phrase.charAt(i) : ' ';
            if (c == ' ') {
                if (start >= 0) {
                    if (i - start > MAX_WORD) {
                        return false;
                    }
                    add(start, i);
                    start = -1;
                }
            } else if (isPlainWordChar(c)) {
                start = start < 0 ? i : start;
            } else {
                return false;
            }
        }
        return size > 0;
    }

    private static boolean isPlainWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
    }

    private void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}
