package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.Arrays;

/**
 * Builds a {@link PhraseEngine} phrase by phrase. Plain-word phrases are split without the tokenizer
 * ({@link PhraseSplitter#splitPlainWords}); the others are tokenized in batches joined by newlines, one tokenizer call
 * per batch, which gives the same tokens as one call per phrase (no token spans whitespace) at a fraction of the
 * per-call cost. Not thread-safe; {@link #build} once.
 */
final class PhraseEngineBuilder {

    private static final int BATCH = 512;

    private final TermDictionary.Builder[] dictionaries = new TermDictionary.Builder[3];
    private final PhraseTrieBuilder[] tries = new PhraseTrieBuilder[3];
    private final Tokenizer tokenizer;
    private final PhraseSplitter splitter;
    private final TermKeys keys = new TermKeys();
    private final String[] pending = new String[BATCH];
    private final Attr[] pendingAttrs = new Attr[BATCH];
    private final int[] pendingPatterns = new int[BATCH];
    private int pendingCount;
    private char[] chars = new char[256];
    private int[] terms = new int[16];

    PhraseEngineBuilder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.splitter = new PhraseSplitter(tokenizer);
    }

    /** Adds a phrase pattern, compared on {@code attr}, as pattern number {@code pattern}. */
    void add(String phrase, Attr attr, int pattern) {
        if (splitter.splitPlainWords(phrase)) {
            insert(phrase, charsOf(phrase), attr, pattern, splitter.starts, splitter.ends, splitter.size);
            return;
        }
        pending[pendingCount] = phrase;
        pendingAttrs[pendingCount] = attr;
        pendingPatterns[pendingCount++] = pattern;
        if (pendingCount == BATCH) {
            flush();
        }
    }

    private void flush() {
        StringBuilder joined = new StringBuilder();
        int[] from = new int[pendingCount + 1];
        for (int p = 0; p < pendingCount; p++) {
            from[p] = joined.length();
            joined.append(pending[p]).append('\n');
        }
        from[pendingCount] = joined.length();
        String text = joined.toString();
        char[] textChars = charsOf(text);
        Doc doc = tokenizer.tokenize(text);
        int[] starts = new int[doc.size()];
        int[] ends = new int[doc.size()];
        int token = 0;
        for (int p = 0; p < pendingCount; p++) {
            int count = 0;
            for (; token < doc.size() && doc.start(token) < from[p + 1]; token++, count++) {
                starts[count] = doc.start(token);
                ends[count] = doc.end(token);
            }
            insert(text, textChars, pendingAttrs[p], pendingPatterns[p], starts, ends, count);
        }
        pendingCount = 0;
    }

    /** {@code text}'s chars, in a buffer reused from call to call. */
    private char[] charsOf(String text) {
        if (chars.length < text.length()) {
            chars = new char[Math.max(text.length(), chars.length * 2)];
        }
        text.getChars(0, text.length(), chars, 0);
        return chars;
    }

    /** Adds the phrase whose tokens are {@code text[starts[i], ends[i])}, {@code i < count}; chars = text's chars. */
    private void insert(String text, char[] chars, Attr attr, int pattern, int[] starts, int[] ends, int count) {
        if (count == 0) {
            throw new IllegalArgumentException("phrase pattern " + pattern + " has no tokens");
        }
        int a = PhraseEngine.attrIndex(attr);
        if (tries[a] == null) {
            dictionaries[a] = new TermDictionary.Builder();
            tries[a] = new PhraseTrieBuilder();
        }
        if (terms.length < count) {
            terms = Arrays.copyOf(terms, count * 2);
        }
        for (int i = 0; i < count; i++) {
            keys.prepare(attr, text, chars, starts[i], ends[i]);
            terms[i] = dictionaries[a].add(keys.chars(), keys.offset(), keys.length());
        }
        tries[a].add(terms, count, pattern);
    }

    PhraseEngine build() {
        flush();
        TermDictionary[] builtDictionaries = new TermDictionary[3];
        PhraseTrie[] builtTries = new PhraseTrie[3];
        for (int a = 0; a < 3; a++) {
            if (tries[a] != null) {
                int[] termIds = dictionaries[a].slots();
                builtTries[a] = tries[a].build(termIds);
                builtDictionaries[a] = dictionaries[a].build(tries[a].roots(termIds.length));
            }
        }
        return new PhraseEngine(builtDictionaries, builtTries);
    }
}
