package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.Arrays;

/**
 * All phrase patterns of a matcher: per phrase attribute in use (ORTH, LOWER, NORM), a {@link TermDictionary} and a
 * {@link PhraseTrie}. Matching a doc looks each token up once per attribute in use (term ids into a per-thread
 * array), then walks the trie from every token that starts some phrase.
 *
 * <p>Immutable once built; thread-safe given one {@link Scratch} per thread.
 */
final class PhraseEngine {

    final TermDictionary[] dictionaries;
    final PhraseTrie[] tries;
    private final boolean empty;

    PhraseEngine(TermDictionary[] dictionaries, PhraseTrie[] tries) {
        this.dictionaries = dictionaries;
        this.tries = tries;
        this.empty = Arrays.stream(tries).allMatch(t -> t == null);
    }

    boolean isEmpty() {
        return empty;
    }

    /** Reports every phrase match in {@code doc}; allocates nothing once the scratch buffers are large enough. */
    void forEachMatch(Doc doc, Scratch scratch, MatchSink sink) {
        int size = doc.size();
        if (size == 0 || isEmpty()) {
            return;
        }
        char[] text = scratch.text(doc.text());
        for (int a = 0; a < tries.length; a++) {
            if (tries[a] != null) {
                int[] termIds = scratch.termIds(size);
                lookUp(a, doc, text, termIds, scratch.keys);
                tries[a].forEachMatch(termIds, size, sink);
            }
        }
    }

    private void lookUp(int attrIndex, Doc doc, char[] text, int[] termIds, TermKeys keys) {
        TermDictionary dictionary = dictionaries[attrIndex];
        Attr attr = PatternTable.PHRASE_ATTRS[attrIndex];
        String string = doc.text();
        for (int i = 0, n = doc.size(); i < n; i++) {
            int start = doc.start(i);
            int end = doc.end(i);
            if (end - start > dictionary.maxLength * 4) {
                termIds[i] = -1;
                continue;
            }
            keys.prepare(attr, string, text, start, end);
            termIds[i] = dictionary.find(keys.chars(), keys.offset(), keys.length());
        }
    }

    long ramBytes() {
        long total = 0;
        for (int a = 0; a < tries.length; a++) {
            if (tries[a] != null) {
                total += TermDictionary.ramBytes(dictionaries[a]) + tries[a].ramBytes();
            }
        }
        return total;
    }

    /** Per-thread buffers: the doc's chars and the term id of each token. Not thread-safe. */
    static final class Scratch {
        final TermKeys keys = new TermKeys();
        private char[] text = new char[1024];
        private int[] termIds = new int[256];
        boolean inUse;

        char[] text(String string) {
            if (text.length < string.length()) {
                text = new char[Math.max(string.length(), text.length * 2)];
            }
            string.getChars(0, string.length(), text, 0);
            return text;
        }

        int[] termIds(int size) {
            if (termIds.length < size) {
                termIds = new int[Math.max(size, termIds.length * 2)];
            }
            return termIds;
        }
    }

    /** Adds phrases one by one; not thread-safe. */
    static final class Builder {
        private final TermDictionary.Builder[] dictionaries = new TermDictionary.Builder[3];
        private final PhraseTrieBuilder[] tries = new PhraseTrieBuilder[3];
        private final PhraseSplitter splitter;
        private final TermKeys keys = new TermKeys();
        private char[] chars = new char[256];
        private int[] terms = new int[16];

        Builder(Tokenizer tokenizer) {
            this.splitter = new PhraseSplitter(tokenizer);
        }

        void add(String phrase, Attr attr, int pattern) {
            int a = attrIndex(attr);
            if (tries[a] == null) {
                dictionaries[a] = new TermDictionary.Builder();
                tries[a] = new PhraseTrieBuilder();
            }
            int count = splitter.split(phrase);
            if (chars.length < phrase.length()) {
                chars = new char[phrase.length() * 2];
            }
            phrase.getChars(0, phrase.length(), chars, 0);
            if (terms.length < count) {
                terms = new int[count * 2];
            }
            for (int i = 0; i < count; i++) {
                keys.prepare(attr, phrase, chars, splitter.starts[i], splitter.ends[i]);
                terms[i] = dictionaries[a].add(keys.chars(), keys.offset(), keys.length());
            }
            tries[a].add(terms, count, pattern);
        }

        PhraseEngine build() {
            TermDictionary[] builtDictionaries = new TermDictionary[3];
            PhraseTrie[] builtTries = new PhraseTrie[3];
            for (int a = 0; a < 3; a++) {
                if (tries[a] != null) {
                    builtDictionaries[a] = dictionaries[a].build();
                    builtTries[a] = tries[a].build(builtDictionaries[a].size());
                }
            }
            return new PhraseEngine(builtDictionaries, builtTries);
        }
    }

    static int attrIndex(Attr attr) {
        return switch (attr) {
            case ORTH -> 0;
            case LOWER -> 1;
            case NORM -> 2;
            default -> throw new IllegalArgumentException("phrase patterns match on ORTH, LOWER or NORM, got " + attr);
        };
    }
}
