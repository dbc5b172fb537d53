package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Doc;
import dev.quarry.text.TokenSink;
import dev.quarry.text.Tokenizer;
import java.util.Arrays;
import java.util.stream.IntStream;

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
    /** The attribute indices that have phrases. */
    private final int[] inUse;

    PhraseEngine(TermDictionary[] dictionaries, PhraseTrie[] tries) {
        this.dictionaries = dictionaries;
        this.tries = tries;
        this.empty = Arrays.stream(tries).allMatch(t -> t == null);
        this.inUse = IntStream.range(0, tries.length).filter(a -> tries[a] != null).toArray();
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
                tries[a].forEachMatch(termIds, size, sink, scratch.starts(size), scratch.walks);
            }
        }
    }

    /**
     * Reports every phrase match in {@code text} as tokenized by {@code tokenizer}, looking each token up as the
     * tokenizer makes it: no {@link Doc}, nothing allocated once the scratch buffers are large enough.
     */
    void forEachMatch(String text, Tokenizer tokenizer, Scratch scratch, MatchSink sink) {
        if (isEmpty()) {
            return;
        }
        scratch.start(this, text);
        try {
            tokenizer.forEachToken(text, scratch);
        } finally {
            scratch.clear();
        }
        for (int a : inUse) {
            tries[a].forEachMatch(scratch.termIds[a], scratch.size, sink, scratch.starts(scratch.size), scratch.walks);
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
            int hash = keys.prepareHashed(attr, string, text, start, end);
            termIds[i] = dictionary.find(keys.chars(), keys.offset(), keys.length(), hash);
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

    /**
     * Per-thread buffers: the doc's chars and the term id of each token per attribute; as a {@link TokenSink}, the
     * lookup of each token as the tokenizer makes it. Not thread-safe.
     */
    static final class Scratch implements TokenSink {
        final TermKeys keys = new TermKeys();
        private char[] text = new char[1024];
        private final int[][] termIds = {new int[256], new int[256], new int[256]};
        /** The trie walks of one depth: each walk's start token and its transition. */
        private int[] starts = new int[256];
        private long[] walks = new long[256];
        boolean inUse;
        /** While streaming: the engine, the text, and the number of tokens so far. */
        private PhraseEngine engine;
        private String string;
        private int size;

        char[] text(String string) {
            if (text.length < string.length()) {
                text = new char[Math.max(string.length(), text.length * 2)];
            }
            string.getChars(0, string.length(), text, 0);
            return text;
        }

        int[] termIds(int size) {
            return termIds(0, size);
        }

        private int[] termIds(int attrIndex, int size) {
            if (termIds[attrIndex].length < size) {
                termIds[attrIndex] = Arrays.copyOf(termIds[attrIndex], Math.max(size, termIds[attrIndex].length * 2));
            }
            return termIds[attrIndex];
        }

        int[] starts(int size) {
            if (starts.length < size) {
                starts = new int[Math.max(size, starts.length * 2)];
                walks = new long[starts.length];
            }
            return starts;
        }

        void start(PhraseEngine engine, String string) {
            this.engine = engine;
            this.string = string;
            this.size = 0;
            text(string);
        }

        @Override
        public void token(int start, int end) {
            for (int a : engine.inUse) {
                int[] ids = termIds(a, size + 1);
                TermDictionary dictionary = engine.dictionaries[a];
                if (end - start > dictionary.maxLength * 4) {
                    ids[size] = -1;
                    continue;
                }
                int hash = keys.prepareHashed(PatternTable.PHRASE_ATTRS[a], string, text, start, end);
                ids[size] = dictionary.find(keys.chars(), keys.offset(), keys.length(), hash);
            }
            size++;
        }

        void clear() {
            engine = null;
            string = null;
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
