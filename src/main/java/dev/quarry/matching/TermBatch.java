package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import java.util.Arrays;

/**
 * The dictionary lookups of one doc on one phrase attribute, giving each token its term id in {@link #ids}. When
 * batched they take two steps, so that the processor overlaps their cache misses: {@link #lookUp} hashes each token
 * as it comes; {@link #resolve} then tests them all against the dictionary's filter and probes the table for those
 * that pass, each step one loop of independent reads. Tokens whose key is not their own chars or their ASCII lower
 * case (non-ASCII LOWER and NORM keys) are looked up at once, and so are all tokens when the dictionary is small
 * enough to stay in the processor's caches, where the batch only costs.
 *
 * <p>Per thread; not thread-safe.
 */
final class TermBatch {

    /** The term id of each token so far, -1 for none (or, until {@link #resolve}, not known yet). */
    int[] ids = new int[256];
    /** The doc in progress: its dictionary, whether to batch, the attribute. */
    private TermDictionary dictionary;
    private boolean batched;
    private Attr attr;

    /** The pending lookups: token index, start in the text, length, key hash; and the first slot each probes. */
    int[] tokens = new int[64];
    int[] starts = new int[64];
    int[] lengths = new int[64];
    int[] hashes = new int[64];
    long[] entries = new long[64];
    int count;

    /** Starts a doc. */
    void start(TermDictionary dictionary, boolean batched, Attr attr) {
        this.dictionary = dictionary;
        this.batched = batched;
        this.attr = attr;
        this.count = 0;
    }

    /**
     * Looks up the token {@code text[start, end)}, number {@code token} (tokens come in order from 0), into
     * {@code ids[token]}, now or at {@link #resolve}.
     *
     * @param text {@code string}'s chars
     */
    void lookUp(String string, char[] text, int start, int end, int token, TermKeys keys) {
        if (token == ids.length) {
            ids = Arrays.copyOf(ids, token * 2);
        }
        ids[token] = idOrPending(string, text, start, end, token, keys);
    }

    /** The token's term id, or -1 when it has none or is left for {@link #resolve}. */
    private int idOrPending(String string, char[] text, int start, int end, int token, TermKeys keys) {
        int length = end - start;
        if (length > dictionary.maxLength * 4) {
            return -1;
        }
        int h = TermDictionary.FNV_BASIS;
        int any = 0;
        if (attr == Attr.ORTH) {
            for (int i = start; i < end; i++) {
                h = (h ^ text[i]) * TermDictionary.FNV_PRIME;
            }
        } else {
            for (int i = start; i < end; i++) {
                int c = text[i];
                any |= c;
                h = (h ^ TermKeys.lowerAscii(c)) * TermDictionary.FNV_PRIME;
            }
        }
        if (any >= 0x80) {
            keys.prepare(attr, string, text, start, end);
            return dictionary.find(keys.chars(), keys.offset(), keys.length());
        }
        int hash = TermDictionary.finish(h);
        if (length > dictionary.maxLength) {
            return -1;
        }
        if (batched) {
            add(token, start, length, hash);
            return -1;
        }
        return dictionary.mayContain(hash) ? dictionary.idOf(hash, text, start, length, attr != Attr.ORTH) : -1;
    }

    private void add(int token, int start, int length, int hash) {
        if (count == tokens.length) {
            int capacity = count * 2;
            tokens = Arrays.copyOf(tokens, capacity);
            starts = Arrays.copyOf(starts, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            entries = Arrays.copyOf(entries, capacity);
        }
        tokens[count] = token;
        starts[count] = start;
        lengths[count] = length;
        hashes[count] = hash;
        count++;
    }

    /** Writes the term id (or -1) of every pending token to {@link #ids}, and empties the batch. */
    void resolve(char[] text) {
        dictionary.resolve(this, attr != Attr.ORTH, text, ids);
        count = 0;
    }
}
