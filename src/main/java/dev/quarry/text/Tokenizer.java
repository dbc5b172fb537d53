package dev.quarry.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into a {@link Doc}: words from Lucene's UAX#29 tokenizer, plus the punctuation and symbols it drops,
 * plus (for English) clitics split off as spaCy does. See the package documentation for the rules.
 *
 * <p>Thread-safe: the Lucene tokenizer is reused per thread.
 */
public final class Tokenizer {

    private static final String[] ENGLISH_CLITICS = {"n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve",
        "’ve", "'m", "’m", "'d", "’d"};

    private final Language language;
    private final boolean urlsAndEmails;
    private final Analyzer analyzer;

    private Tokenizer(Language language, boolean urlsAndEmails) {
        this.language = Objects.requireNonNull(language, "language");
        this.urlsAndEmails = urlsAndEmails;
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(
                        urlsAndEmails ? new UAX29URLEmailTokenizer() : new StandardTokenizer());
            }
        };
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
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int previousEnd = 0;
            while (stream.incrementToken()) {
                int start = offsets.startOffset();
                int end = offsets.endOffset();
                addGap(out, text, previousEnd, start);
                addWord(out, text, start, end);
                previousEnd = end;
            }
            stream.end();
            addGap(out, text, previousEnd, text.length());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return out.build();
    }

    private void addWord(Builder out, String text, int start, int end) {
        if (language == Language.ENGLISH && end - start > 2) {
            int split = cliticStart(text, start, end);
            if (split > start) {
                out.add(start, split);
                out.add(split, end);
                return;
            }
        }
        out.add(start, end);
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
    private static void addGap(Builder out, String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = i + Character.charCount(text.codePointAt(i));
            if (c == '.' || c == '-') {
                while (end < to && text.charAt(end) == c) {
                    end++;
                }
            }
            out.add(i, Math.min(end, to));
            i = end;
        }
    }

    private static final class Builder {
        private final String text;
        private int[] starts;
        private int[] ends;
        private int size;

        Builder(String text, int capacity) {
            this.text = text;
            this.starts = new int[capacity];
            this.ends = new int[capacity];
        }

        void add(int start, int end) {
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
