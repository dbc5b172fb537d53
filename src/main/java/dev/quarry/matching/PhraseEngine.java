package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.text.Doc;
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

    static int attrIndex(Attr attr) {
        return switch (attr) {
            case ORTH -> 0;
            case LOWER -> 1;
            case NORM -> 2;
            default -> throw new IllegalArgumentException("phrase patterns match on ORTH, LOWER or NORM, got " + attr);
        };
    }
}
