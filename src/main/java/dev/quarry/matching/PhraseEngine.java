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
    /** Per attribute, whether lookups are batched ({@link TermBatch}). */
    private final boolean[] batched;

    PhraseEngine(TermDictionary[] dictionaries, PhraseTrie[] tries) {
        this(dictionaries, tries, false);
    }

    /** @param batchAll batch the lookups of every dictionary, large or not (for tests) */
    private PhraseEngine(TermDictionary[] dictionaries, PhraseTrie[] tries, boolean batchAll) {
        this.dictionaries = dictionaries;
        this.tries = tries;
        this.empty = Arrays.stream(tries).allMatch(t -> t == null);
        this.inUse = IntStream.range(0, tries.length).filter(a -> tries[a] != null).toArray();
        this.batched = new boolean[tries.length];
        for (int a : inUse) {
            batched[a] = batchAll || dictionaries[a].large;
        }
    }

    /** The same engine, batching every lookup: so that tests with small dictionaries cover the batched path. */
    PhraseEngine batchingAll() {
        return new PhraseEngine(dictionaries, tries, true);
    }

    /** The same engine with every trie in 16-byte slots: so that tests with small tries cover that layout. */
    PhraseEngine widened() {
        PhraseTrie[] wide = new PhraseTrie[tries.length];
        for (int a = 0; a < tries.length; a++) {
            wide[a] = tries[a] == null ? null : tries[a].widened();
        }
        return new PhraseEngine(dictionaries, wide, false);
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
        scratch.start(this, doc.text(), true);
        try {
            for (int i = 0; i < size; i++) {
                scratch.token(doc.start(i), doc.end(i));
            }
        } finally {
            scratch.clear();
        }
        walk(scratch, sink);
    }

    /**
     * Reports every phrase match in {@code text} as tokenized by {@code tokenizer}, looking each token up as the
     * tokenizer makes it: no {@link Doc}, nothing allocated once the scratch buffers are large enough.
     */
    void forEachMatch(String text, Tokenizer tokenizer, Scratch scratch, MatchSink sink) {
        if (isEmpty()) {
            return;
        }
        scratch.start(this, text, false);
        try {
            tokenizer.forEachToken(text, scratch);
        } finally {
            scratch.clear();
        }
        walk(scratch, sink);
    }

    /** Finishes the scratch's pending lookups and walks each trie over the term ids. */
    private void walk(Scratch scratch, MatchSink sink) {
        int size = scratch.size;
        for (int a : inUse) {
            TermBatch batch = scratch.batches[a];
            batch.resolve();
            tries[a].forEachMatch(batch.ids, batch.roots, size, sink, scratch.walks);
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
     * Per-thread buffers: the doc's chars and, per attribute, its lookups ({@link TermBatch}); as a
     * {@link TokenSink}, the lookup of each token as the tokenizer makes it, a short ASCII token with the key the
     * tokenizer packed as it found it ({@link #packedToken}). Not thread-safe.
     */
    static final class Scratch implements TokenSink {
        private final TermKeys keys = new TermKeys();
        private final TermBatch[] batches = {new TermBatch(), new TermBatch(), new TermBatch()};
        /** The batches of the attributes in use, for this doc, and the only one if there is one (else null). */
        private TermBatch[] active = {};
        private TermBatch single;
        private char[] text = new char[1024];
        /** The text's chars as bytes, and 16 bytes more, for 8-byte reads. */
        private byte[] bytes = new byte[1024 + 16];
        /** {@code bytes} while the text in progress is all ASCII without NUL, else null. */
        private byte[] ascii;
        private final PhraseTrie.Walks walks = new PhraseTrie.Walks();
        boolean inUse;
        /** While a doc is looked up: the engine, the text, and the number of tokens so far. */
        private PhraseEngine engine;
        private String string;
        private int size;

        /**
         * Starts a doc.
         *
         * @param pack whether to pack ASCII tokens here: false when the tokenizer packs them ({@link #packedToken})
         */
        void start(PhraseEngine engine, String string, boolean pack) {
            this.engine = engine;
            this.string = string;
            this.size = 0;
            if (active.length != engine.inUse.length) {
                active = new TermBatch[engine.inUse.length];
            }
            for (int k = 0; k < active.length; k++) {
                int a = engine.inUse[k];
                active[k] = batches[a];
                active[k].start(engine.dictionaries[a], engine.batched[a], PatternTable.PHRASE_ATTRS[a]);
            }
            single = active.length == 1 ? active[0] : null;
            int n = string.length();
            if (text.length < n) {
                text = new char[Math.max(n, text.length * 2)];
                bytes = new byte[text.length + 16];
            }
            string.getChars(0, n, text, 0);
            ascii = pack && packable(text, n) ? asciiBytes(string, bytes) : null;
        }

        /** Whether every char of {@code text[0, n)} is ASCII and not NUL: one branch-free pass. */
        private static boolean packable(char[] text, int n) {
            int any = 0;
            for (int i = 0; i < n; i++) {
                any |= TermDictionary.packableBits(text[i]);
            }
            return any >>> 7 == 0;
        }

        /**
         * Copies the chars of {@code string}, all ASCII, into {@code bytes}. The deprecated {@code getBytes} keeps
         * the low byte of each char, which for ASCII is the char; it is the only copy into a given array.
         */
        @SuppressWarnings("deprecation")
        private static byte[] asciiBytes(String string, byte[] bytes) {
            string.getBytes(0, string.length(), bytes, 0);
            return bytes;
        }

        @Override
        public void token(int start, int end) {
            if (single != null) {
                single.lookUp(string, text, ascii, start, end, size, keys);
            } else {
                for (TermBatch batch : active) {
                    batch.lookUp(string, text, ascii, start, end, size, keys);
                }
            }
            size++;
        }

        @Override
        public boolean wantsPackedTokens() {
            return true;
        }

        @Override
        public void packedToken(int start, int end, long k0, long k1) {
            if (single != null) {
                single.lookUpPacked(k0, k1, end - start, size);
            } else {
                for (TermBatch batch : active) {
                    batch.lookUpPacked(k0, k1, end - start, size);
                }
            }
            size++;
        }

        void clear() {
            engine = null;
            single = null;
            string = null;
            ascii = null;
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
