package dev.quarry.text;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizerImpl;
import org.apache.lucene.analysis.standard.StandardTokenizerImpl;

/**
 * Lucene's UAX#29 word scanner (the JFlex automaton inside {@code StandardTokenizer}, or inside
 * {@code UAX29URLEmailTokenizer}), driven directly: the same words at the same offsets as the Lucene tokenizer with
 * its default 255-char limit, without the token-stream attributes that Quarry would only copy out again. One per
 * thread; not thread-safe.
 */
abstract sealed class WordScanner {
    /* Why not the TokenStream: per word it clears five attributes, copies the word into a CharTermAttribute and sets
       its type and position, none of which Quarry reads; driving the scanner is 15-20% faster on newsgroup text.
       StandardTokenizer.incrementToken also drops words longer than maxTokenLength, which cannot happen at the
       default (the scanner's buffer is as long as the limit, so it splits longer runs); we drop them the same way. */

    /** {@code StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH}, the limit both Lucene tokenizers use by default. */
    static final int MAX_TOKEN_LENGTH = 255;

    private final StringReader reader = new StringReader();
    /** Where the scanned range starts in the text. */
    private int offset;
    boolean inUse;

    static WordScanner create(boolean urlsAndEmails) {
        return urlsAndEmails ? new UrlsAndEmails() : new Standard();
    }

    /** Starts scanning {@code text[from, to)}; {@link #start()} counts from the start of {@code text}. */
    final void reset(String text, int from, int to) {
        reader.reset(text, from, to);
        offset = from;
        reset(reader);
    }

    /** The current word's start offset. */
    final int start() {
        return offset + scanStart();
    }

    abstract void reset(Reader reader);

    /** Moves to the next word; false at the end of the text. */
    final boolean next() throws IOException {
        while (nextToken()) {
            if (length() <= MAX_TOKEN_LENGTH) {
                return true;
            }
        }
        return false;
    }

    abstract boolean nextToken() throws IOException;

    /** The current word's start offset in the scanned range. */
    abstract int scanStart();

    /** The current word's length in chars. */
    abstract int length();

    /** Forgets the text, so the scanner does not keep it reachable. */
    final void clear() {
        reader.reset("", 0, 0);
        reset(reader);
    }

    static final class Standard extends WordScanner {
        private final StandardTokenizerImpl scanner = new StandardTokenizerImpl(null);

        @Override
        void reset(Reader reader) {
            scanner.yyreset(reader);
        }

        @Override
        boolean nextToken() throws IOException {
            return scanner.getNextToken() != StandardTokenizerImpl.YYEOF;
        }

        @Override
        int scanStart() {
            return scanner.yychar();
        }

        @Override
        int length() {
            return scanner.yylength();
        }
    }

    static final class UrlsAndEmails extends WordScanner {
        private final UAX29URLEmailTokenizerImpl scanner = new UAX29URLEmailTokenizerImpl(null);

        @Override
        void reset(Reader reader) {
            scanner.yyreset(reader);
        }

        @Override
        boolean nextToken() throws IOException {
            return scanner.getNextToken() != UAX29URLEmailTokenizerImpl.YYEOF;
        }

        @Override
        int scanStart() {
            return scanner.yychar();
        }

        @Override
        int length() {
            return scanner.yylength();
        }
    }

    /** A {@link Reader} over part of a string that can be pointed elsewhere, so a scan allocates nothing. */
    private static final class StringReader extends Reader {
        private String text = "";
        private int next;
        private int end;

        void reset(String text, int from, int to) {
            this.text = text;
            this.next = from;
            this.end = to;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next >= end) {
                return -1;
            }
            int count = Math.min(length, end - next);
            text.getChars(next, next + count, buffer, offset);
            next += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}
