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
    /* Words come from Lucene's scanner driven directly (WordScanner), not through an Analyzer's TokenStream, or for
       ASCII runs from an equivalent hand-written scanner (AsciiWords): the same words, faster. The work is done by
       one TokenScan per thread. TokenizerTest checks the words against Lucene's tokenizers. */

    private final Language language;
    private final boolean urlsAndEmails;
    private final ThreadLocal<TokenScan> scans;

    private Tokenizer(Language language, boolean urlsAndEmails) {
        this.language = Objects.requireNonNull(language, "language");
        this.urlsAndEmails = urlsAndEmails;
        this.scans = ThreadLocal.withInitial(() -> new TokenScan(urlsAndEmails));
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
        Builder out = new Builder(text, 16 + text.length() / 4);
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
        TokenScan scan = scans.get();
        if (scan.inUse) {
            scan = new TokenScan(urlsAndEmails);
        }
        scan.inUse = true;
        try {
            scan.run(text, language == Language.ENGLISH, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } finally {
            scan.inUse = false;
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
