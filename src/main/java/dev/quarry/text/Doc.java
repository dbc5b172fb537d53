package dev.quarry.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A text and its tokens, stored as columns (token start and end offsets) so that matching reads them without
 * allocating. Made by a {@link Tokenizer}, or from pre-tokenized words with {@link #ofWords(List)}.
 *
 * <p>Immutable and safe to share between threads. {@link #lower(int)} and {@link #norm(int)} are computed on first
 * use and cached; two threads racing on the same token (or on the cache array) compute the same strings, which is
 * harmless.
 */
public final class Doc {

    private final String text;
    /** Token offsets; the arrays may be longer than {@link #size}. */
    private final int[] starts;
    private final int[] ends;
    private final int size;
    /** Caches of lower and norm strings, made on first use. */
    private String[] lower;
    private String[] norm;

    Doc(String text, int[] starts, int[] ends, int size) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    /**
     * A doc over given token offsets, for tokens made elsewhere.
     *
     * @throws IllegalArgumentException if the offsets are not increasing, empty or outside the text
     */
    public static Doc of(String text, int[] starts, int[] ends) {
        Objects.requireNonNull(text, "text");
        if (starts.length != ends.length) {
            throw new IllegalArgumentException(
                    "starts and ends must have the same length, got " + starts.length + " and " + ends.length);
        }
        int previousEnd = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < previousEnd || ends[i] <= starts[i] || ends[i] > text.length()) {
                throw new IllegalArgumentException("token " + i + " must be a non-empty range after char "
                        + previousEnd + " within " + text.length() + " chars, got " + starts[i] + ".." + ends[i]);
            }
            previousEnd = ends[i];
        }
        return new Doc(text, starts.clone(), ends.clone(), starts.length);
    }

    /** A doc whose text is the words joined by single spaces, one token per word (as in CoNLL files). */
    public static Doc ofWords(List<String> words) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[words.size()];
        int[] ends = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("word " + i + " must be non-empty without whitespace, got \""
                        + word + "\"");
            }
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(word);
            ends[i] = text.length();
        }
        return new Doc(text.toString(), starts, ends, words.size());
    }

    public String text() {
        return text;
    }

    /** The number of tokens. */
    public int size() {
        return size;
    }

    /** @throws IndexOutOfBoundsException if {@code token} is not in {@code [0, size())} */
    public int start(int token) {
        return starts[Objects.checkIndex(token, size)];
    }

    /** @throws IndexOutOfBoundsException if {@code token} is not in {@code [0, size())} */
    public int end(int token) {
        return ends[Objects.checkIndex(token, size)];
    }

    /** The token's text; allocates a new string on each call. */
    public String tokenText(int token) {
        return text.substring(start(token), ends[token]);
    }

    public Token token(int index) {
        return new Token(index, starts[index], ends[index], tokenText(index));
    }

    /** A view of the tokens; each {@code get} makes a new {@link Token}. */
    public List<Token> tokens() {
        return new Tokens();
    }

    /** {@link TokenAttributes#lower} of the token, cached. */
    public String lower(int token) {
        String[] cache = lower;
        if (cache == null) {
            cache = new String[size];
            lower = cache;
        }
        String value = cache[token];
        if (value == null) {
            value = TokenAttributes.lower(tokenText(token));
            cache[token] = value;
        }
        return value;
    }

    /** {@link TokenAttributes#norm} of the token, cached. */
    public String norm(int token) {
        String[] cache = norm;
        if (cache == null) {
            cache = new String[size];
            norm = cache;
        }
        String value = cache[token];
        if (value == null) {
            value = TokenAttributes.norm(tokenText(token));
            cache[token] = value;
        }
        return value;
    }

    /** Whether whitespace follows the token in the text. */
    public boolean spaceAfter(int token) {
        int end = end(token);
        return end < text.length() && Character.isWhitespace(text.charAt(end));
    }

    /**
     * The index of the first token that ends after {@code charOffset}, or {@link #size()} if there is none: the token
     * containing the offset, or else the next one.
     */
    public int tokenAtOrAfter(int charOffset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= charOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the token that starts exactly at {@code charOffset}, or -1. */
    public int tokenStartingAt(int charOffset) {
        int i = Arrays.binarySearch(starts, 0, size, charOffset);
        return i >= 0 ? i : -1;
    }

    /** The index of the token that ends exactly at {@code charOffset}, or -1. */
    public int tokenEndingAt(int charOffset) {
        int i = Arrays.binarySearch(ends, 0, size, charOffset);
        return i >= 0 ? i : -1;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Doc[");
        for (int i = 0; i < size(); i++) {
            out.append(i == 0 ? "" : " | ").append(text, starts[i], ends[i]);
        }
        return out.append(']').toString();
    }

    private final class Tokens extends AbstractList<Token> implements RandomAccess {
        @Override
        public Token get(int index) {
            return token(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
