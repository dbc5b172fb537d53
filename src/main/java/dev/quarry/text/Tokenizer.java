package dev.quarry.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits text into a {@link Doc}: words from Lucene's UAX#29 tokenizer, plus the punctuation and symbols it drops,
 * plus (for English) clitics split off as spaCy does. See the package documentation for the rules.
 *
 * <p>Thread-safe: the Lucene scanner is reused per thread.
 */
public final class Tokenizer {
    /* Words come from Lucene's scanner driven directly (WordScanner), not through an Analyzer's TokenStream: the
       same words, faster. TokenizerTest checks the words against Lucene's tokenizers on random text. */

    private static final String[] ENGLISH_CLITICS = {"n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve",
        "’ve", "'m", "’m", "'d", "’d"};

    private final Language language;
    private final boolean urlsAndEmails;
    private final ThreadLocal<WordScanner> scanners;

    private Tokenizer(Language language, boolean urlsAndEmails) {
        this.language = Objects.requireNonNull(language, "language");
        this.urlsAndEmails = urlsAndEmails;
        this.scanners = ThreadLocal.withInitial(() -> WordScanner.create(urlsAndEmails));
    }

    /** English, with URLs and e-mail addresses split at punctuation as UAX#29 does. */
    public static Tokenizer standard() {
        return forLanguage(Language.ENGLISH);
    }

    public static Tokenizer forLanguage(Language language) {
        return new Tokenizer(language, false);
    }

    /**
     * The same tokenizer, but with URLs and e-mail addresses kept whole (Lucene's {@code UAX29URLEmailTokenizer}),
     * so {@code LIKE_URL} and {@code LIKE_EMAIL} can match them.
     */
    public Tokenizer keepingUrlsAndEmails() {
        return urlsAndEmails ? this : new Tokenizer(language, true);
    }

    public Language language() {
        return language;
    }

    public Doc tokenize(String text) {
        Builder out = new Builder(text, Math.max(8, text.length() / 5));
        forEachToken(text, out);
        return out.build();
    }

    /**
     * Reports the tokens {@link #tokenize} makes, in order, without building a {@link Doc}. Allocates nothing per
     * token or per call once the thread has tokenized before (unless {@code sink} itself tokenizes on this thread).
     * The sink runs on the calling thread.
     */
    public void forEachToken(String text, TokenSink sink) {
        Objects.requireNonNull(sink, "sink");
        WordScanner words = scanners.get();
        if (words.inUse) {
            words = WordScanner.create(urlsAndEmails);
        }
        words.inUse = true;
        try {
            words.reset(text);
            int previousEnd = 0;
            while (words.next()) {
                int start = words.start();
                int end = start + words.length();
                addGap(sink, text, previousEnd, start);
                addWord(sink, text, start, end);
                previousEnd = end;
            }
            addGap(sink, text, previousEnd, text.length());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } finally {
            words.clear();
            words.inUse = false;
        }
    }

    private void addWord(TokenSink out, String text, int start, int end) {
        if (language == Language.ENGLISH && end - start > 2) {
            int split = cliticStart(text, start, end);
            if (split > start) {
                out.token(start, split);
                out.token(split, end);
                return;
            }
        }
        out.token(start, end);
    }

    /**
     * Where an English clitic starts at the end of the word {@code [start, end)}, or -1. Only words with an
     * apostrophe among their last four chars are compared against the clitic list, so most words cost one short scan.
     */
    private static int cliticStart(String text, int start, int end) {
        int apostrophe = -1;
        for (int i = end - 1; i >= Math.max(start + 1, end - 4) && apostrophe < 0; i--) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\u2019') {
                apostrophe = i;
            }
        }
        if (apostrophe < 0) {
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
    private static void addGap(TokenSink out, String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c < 0x80 ? ASCII_SPACE[c] : Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            if (c == '.' || c == '-') {
                while (end < to && text.charAt(end) == c) {
                    end++;
                }
            } else if (Character.isHighSurrogate(c) && end < to && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            out.token(i, end);
            i = end;
        }
    }

    /** {@link Character#isWhitespace} of each ASCII char. */
    private static final boolean[] ASCII_SPACE = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
        }
    }

    private static final class Builder implements TokenSink {
        private final String text;
        private int[] starts;
        private int[] ends;
        private int size;

        Builder(String text, int capacity) {
            this.text = text;
            this.starts = new int[capacity];
            this.ends = new int[capacity];
        }

        @Override
        public void token(int start, int end) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        Doc build() {
            return new Doc(text, starts, ends, size);
        }
    }
}
