package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The dictionary lookups of one doc on one phrase attribute, giving each token its term id in {@link #ids} and its
 * root transition in {@link #roots}. A token of 1 to 16 ASCII chars is packed into its key as it comes
 * ({@link TermDictionary}), 8 chars at a time when the text is all ASCII; when batched, it is answered from a small
 * cache of the last lookups ({@link #cache}) if it is there, else its lookup waits for {@link #resolve}, which tests
 * all of them against the dictionary's filter and probes the table for those that pass, each step one loop of
 * independent reads, so that the processor overlaps their cache misses. Other tokens (longer, or non-ASCII) are looked
 * up at once, and so are all tokens when the dictionary is small enough to stay in the processor's caches, where the
 * batch and the cache only cost.
 *
 * <p>Per thread; not thread-safe. The cache costs 256 KB per batched attribute and thread.
 */
final class TermBatch {

    /**
     * The term id of each token so far, -1 for none (or, until {@link #resolve}, not known yet); at least one longer
     * than the tokens, so that a walk may read the id after the last token.
     */
    int[] ids = new int[256];
    /** The root transition of each token so far, 0 for none (or not known yet). */
    long[] roots = new long[256];
    /** The doc in progress: its dictionary, whether to batch, the attribute. */
    private TermDictionary dictionary;
    private boolean batched;
    private Attr attr;

    /**
     * The last lookups of the batched path, kept from doc to doc for the same dictionary: word frequencies in text
     * are skewed, so most tokens find their answer here, in the processor's caches, and skip the dictionary's
     * table. Direct-mapped by the key's hash, {@link #CACHE_LONGS} longs an entry: k0, k1, term id (or -1), root
     * transition; k0 = 0 is an empty entry (no packed key starts with NUL). Allocated on the first batched doc.
     */
    long[] cache;
    /** The dictionary whose answers {@link #cache} holds. */
    private TermDictionary cached;
    static final int CACHE_LONGS = 4;
    /** Entries in {@link #cache}, a power of two. */
    static final int CACHE_ENTRIES = 8192;

    /** The pending lookups: token index, packed key, key hash; and the first slot's k0 each probes. */
    int[] tokens = new int[64];
    long[] k0s = new long[64];
    long[] k1s = new long[64];
    int[] hashes = new int[64];
    long[] firsts = new long[64];
    int count;

    /** Starts a doc. */
    void start(TermDictionary dictionary, boolean batched, Attr attr) {
        this.dictionary = dictionary;
        this.batched = batched;
        this.attr = attr;
        this.count = 0;
        if (batched && cached != dictionary) {
            if (cache == null) {
                cache = new long[CACHE_LONGS * CACHE_ENTRIES];
            } else {
                Arrays.fill(cache, 0);
            }
            cached = dictionary;
        }
    }

    /**
     * Looks up the token {@code text[start, end)}, number {@code token} (tokens come in order from 0), into
     * {@code ids[token]} and {@code roots[token]}, now or at {@link #resolve}.
     *
     * @param text {@code string}'s chars
     * @param ascii {@code string}'s chars as bytes and at least 16 bytes more, if it is all ASCII without NUL; else
     *     null
     */
    void lookUp(String string, char[] text, byte[] ascii, int start, int end, int token, TermKeys keys) {
        if (token + 1 == ids.length) {
            ids = Arrays.copyOf(ids, token * 2);
            roots = Arrays.copyOf(roots, token * 2);
        }
        int length = end - start;
        if (ascii != null && length <= TermDictionary.MAX_PACKED) {
            if (length > dictionary.maxLength) {
                found(-1, token);
            } else {
                packed(ascii, start, length, token);
            }
        } else if (length > TermDictionary.MAX_PACKED || !packed(text, start, length, token)) {
            found(length > dictionary.maxLength * 4 ? -1 : slowLookUp(string, text, start, end, keys), token);
        }
    }

    /** Writes the id (or -1) of token number {@code token} and its root transition, read from the dictionary. */
    private void found(int id, int token) {
        ids[token] = id;
        roots[token] = id < 0 ? 0 : dictionary.root(id);
    }

    /**
     * Looks up the token number {@code token}, of {@code length} (1 to {@link TermDictionary#MAX_PACKED}) ASCII
     * chars, none NUL, already packed into (k0, k1) as {@link TermDictionary} packs keys, like {@link #lookUp}.
     */
    void lookUpPacked(long k0, long k1, int length, int token) {
        if (token + 1 == ids.length) {
            ids = Arrays.copyOf(ids, token * 2);
            roots = Arrays.copyOf(roots, token * 2);
        }
        findPacked(k0, k1, length, token);
    }

    /** Looks up a key of {@code length} ASCII chars packed into (k0, k1), lower-cased first unless ORTH. */
    private void findPacked(long k0, long k1, int length, int token) {
        if (length > dictionary.maxLength) {
            found(-1, token);
        } else if (attr == Attr.ORTH) {
            find(k0, k1, token);
        } else {
            find(lowerAscii(k0), lowerAscii(k1), token);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;

    /**
     * Looks up a token of 1 to 16 ASCII chars (none NUL) from the bytes of its text, packing it 8 chars at a time:
     * as {@link #find}.
     */
    private void packed(byte[] ascii, int start, int length, int token) {
        int bits = 8 * length;
        long k0 = (long) LONGS.get(ascii, start) & (-1L >>> (64 - Math.min(bits, 64)));
        long k1 = length > 8 ? (long) LONGS.get(ascii, start + 8) & (-1L >>> (128 - bits)) : 0;
        if (attr != Attr.ORTH) {
            k0 = lowerAscii(k0);
            k1 = lowerAscii(k1);
        }
        find(k0, k1, token);
    }

    /** The bytes of {@code packed} (each ASCII) with A-Z lower-cased, all at once. */
    static long lowerAscii(long packed) {
        long upper = (packed + 0x3F * ONES) & ~(packed + 0x25 * ONES) & (0x80 * ONES);
        return packed | (upper >>> 2);
    }

    /**
     * Looks up a token of at most {@link TermDictionary#MAX_PACKED} chars from its chars, as {@link #find}; returns
     * false, doing nothing, if it has a non-ASCII or NUL char.
     */
    private boolean packed(char[] text, int start, int length, int token) {
        long k0 = 0;
        long k1 = 0;
        int any = 0;
        int mid = Math.min(length, 8);
        for (int i = 0; i < mid; i++) {
            int c = text[start + i];
            any |= TermDictionary.packableBits(c);
            k0 |= (long) c << (8 * i);
        }
        for (int i = mid; i < length; i++) {
            int c = text[start + i];
            any |= TermDictionary.packableBits(c);
            k1 |= (long) c << (8 * (i - 8));
        }
        if (any >>> 7 != 0) {
            return false;
        }
        findPacked(k0, k1, length, token);
        return true;
    }

    /**
     * Looks up the packed key (k0, k1) of token number {@code token}: writes its id (-1: none) and root transition,
     * from the dictionary, or when batched from {@link #cache}, or else -1 and 0 until {@link #resolve}.
     */
    private void find(long k0, long k1, int token) {
        int hash = TermDictionary.packedHash(k0, k1);
        if (!batched) {
            found(dictionary.mayContain(hash) ? dictionary.slotOf(k0, k1, hash) : -1, token);
            return;
        }
        int entry = CACHE_LONGS * (hash & (CACHE_ENTRIES - 1));
        if (cache[entry] == k0 && cache[entry + 1] == k1) {
            ids[token] = (int) cache[entry + 2];
            roots[token] = cache[entry + 3];
            return;
        }
        ids[token] = -1;
        roots[token] = 0;
        add(token, k0, k1, hash);
    }

    /** The id of a token whose key is not its own chars or their ASCII lower case, or is long. */
    private int slowLookUp(String string, char[] text, int start, int end, TermKeys keys) {
        keys.prepare(attr, string, text, start, end);
        return dictionary.find(keys.chars(), keys.offset(), keys.length());
    }

    private void add(int token, long k0, long k1, int hash) {
        if (count == tokens.length) {
            int capacity = count * 2;
            tokens = Arrays.copyOf(tokens, capacity);
            k0s = Arrays.copyOf(k0s, capacity);
            k1s = Arrays.copyOf(k1s, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            firsts = Arrays.copyOf(firsts, capacity);
        }
        tokens[count] = token;
        k0s[count] = k0;
        k1s[count] = k1;
        hashes[count] = hash;
        count++;
    }

    /** Writes the term id and root transition of every pending token, and empties the batch. */
    void resolve() {
        if (count > 0) {
            dictionary.resolve(this, ids, roots);
        }
        count = 0;
    }
}
