package dev.quarry.matching;

import java.util.Arrays;

/**
 * The distinct token keys of the phrase patterns on one attribute, each with a dense id from 0: an open-addressing
 * hash table over char ranges, so a doc token is looked up from its chars without making a {@code String}.
 *
 * <p>Immutable once built; {@link #find} is safe from any thread.
 */
final class TermDictionary {
    /* Layout, chosen for few cache misses per lookup at a million keys:
       - pool: one record per key, [length high, length low, id high, id low, chars...], so a hit reads one place;
       - slots: (hash << 32 | record offset + 1), 0 for an empty slot, at most half full, linear probing; the full
         hash is in the slot, so a miss rarely touches the pool;
       - filter: a bitset of 8 to 16 bits per key, indexed by the hash's high bits (the table uses the low ones),
         turns away most tokens that are not keys without touching the table. */

    private static final int HEADER = 4;
    /** Above this many bytes of slots and keys, lookups are batched ({@link TermBatch}): most would miss the cache. */
    private static final long LARGE_BYTES = 2L << 20;

    final char[] pool;
    final long[] slots;
    final int size;
    final int maxLength;
    /** Whether the table is larger than {@link #LARGE_BYTES}: lookups are worth batching. */
    final boolean large;
    private final long[] filter;
    private final int filterShift;

    TermDictionary(char[] pool, long[] slots, int size, int maxLength) {
        this.pool = pool;
        this.slots = slots;
        this.size = size;
        this.maxLength = maxLength;
        this.large = 8L * slots.length + 2L * pool.length > LARGE_BYTES;
        int bits = Math.max(64, Integer.highestOneBit(Math.max(1, size)) * 16);
        this.filter = new long[bits / 64];
        this.filterShift = Integer.numberOfLeadingZeros(bits) + 1;
        for (long entry : slots) {
            if (entry != 0) {
                int bit = (int) (entry >>> 32) >>> filterShift;
                filter[bit >>> 6] |= 1L << bit;
            }
        }
    }

    int size() {
        return size;
    }

    /** The id of the key {@code chars[offset, offset + length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        if (length > maxLength) {
            return -1;
        }
        int hash = hash(chars, offset, length);
        if (!mayContain(hash)) {
            return -1;
        }
        int id = probe(pool, slots, hash, chars, offset, length);
        return id >= 0 ? id : -1;
    }

    /** Whether a key with this {@link #hash} may be in the dictionary (false: it is not). */
    boolean mayContain(int hash) {
        int bit = hash >>> filterShift;
        return (filter[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * Resolves a batch of lookups: drops the tokens the filter turns away, reads every remaining token's first slot
     * in one loop, then checks each candidate, so that the filter reads, the slot reads and then the key reads of
     * different tokens overlap. Tokens turned away keep the -1 they have in {@code ids}.
     *
     * @param lower whether the keys are the ASCII lower case of the text's chars (else the chars themselves)
     */
    void resolve(TermBatch batch, boolean lower, char[] text, int[] ids) {
        int mask = slots.length - 1;
        int[] hashes = batch.hashes;
        long[] entries = batch.entries;
        int count = dropFiltered(batch);
        for (int c = 0; c < count; c++) {
            entries[c] = slots[hashes[c] & mask];
        }
        for (int c = 0; c < count; c++) {
            ids[batch.tokens[c]] = idOf(entries[c], hashes[c], text, batch.starts[c], batch.lengths[c], lower);
        }
    }

    /** Keeps the batch's lookups whose hash passes the filter, in order; returns how many. */
    private int dropFiltered(TermBatch batch) {
        int[] hashes = batch.hashes;
        int count = 0;
        for (int c = 0; c < batch.count; c++) {
            int hash = hashes[c];
            int bit = hash >>> filterShift;
            batch.tokens[count] = batch.tokens[c];
            batch.starts[count] = batch.starts[c];
            batch.lengths[count] = batch.lengths[c];
            hashes[count] = hash;
            count += (int) (filter[bit >>> 6] >>> bit) & 1;
        }
        return count;
    }

    /**
     * The id of the key {@code text[start, start + length)} (its ASCII lower case if {@code lower}) whose hash is
     * {@code hash}, or -1.
     */
    int idOf(int hash, char[] text, int start, int length, boolean lower) {
        return idOf(slots[hash & (slots.length - 1)], hash, text, start, length, lower);
    }

    /** The id of the key whose hash is {@code hash}, probing from the slot {@code hash} picks, whose entry is given. */
    private int idOf(long entry, int hash, char[] text, int start, int length, boolean lower) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; entry != 0; entry = slots[slot = (slot + 1) & mask]) {
            if ((int) (entry >>> 32) == hash) {
                int record = (int) entry - 1;
                if (recordLength(pool, record) == length && (lower
                        ? sameLowerAscii(pool, record + HEADER, text, start, length)
                        : sameChars(pool, record + HEADER, text, start, length))) {
                    return pool[record + 2] << 16 | pool[record + 3];
                }
            }
        }
        return -1;
    }

    private static boolean sameLowerAscii(char[] key, int keyFrom, char[] text, int textFrom, int length) {
        for (int i = 0; i < length; i++) {
            if (key[keyFrom + i] != TermKeys.lowerAscii(text[textFrom + i])) {
                return false;
            }
        }
        return true;
    }

    /** The id of the key in the table, or -1 (builder: the bitwise complement of the empty slot it would take). */
    private static int probe(char[] pool, long[] slots, int hash, char[] chars, int offset, int length) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (long entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if ((int) (entry >>> 32) == hash) {
                int record = (int) entry - 1;
                if (recordLength(pool, record) == length && sameChars(pool, record + HEADER, chars, offset, length)) {
                    return pool[record + 2] << 16 | pool[record + 3];
                }
            }
        }
        return ~slot;
    }

    private static int recordLength(char[] pool, int record) {
        return pool[record] << 16 | pool[record + 1];
    }

    /** A plain loop: keys are short, and for a few chars it beats the vectorized {@code Arrays.equals}. */
    private static boolean sameChars(char[] a, int aFrom, char[] b, int bFrom, int length) {
        for (int i = 0; i < length; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the chars, then a finishing mix ({@link #finish}); part of the saved format. */
    static int hash(char[] chars, int offset, int length) {
        int h = FNV_BASIS;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ chars[i]) * FNV_PRIME;
        }
        return finish(h);
    }

    static final int FNV_BASIS = 0x811C9DC5;
    static final int FNV_PRIME = 0x01000193;

    /** The last steps of {@link #hash}, for callers that run the FNV loop themselves. */
    static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    static long ramBytes(TermDictionary d) {
        return 32L + 2L * d.pool.length + 8L * d.slots.length + 8L * d.filter.length;
    }

    /** Collects keys; not thread-safe. */
    static final class Builder {
        private char[] pool = new char[1024];
        private int poolSize;
        private int size;
        private long[] slots = new long[64];
        private int maxLength;

        /** The id of the key, added if new. */
        int add(char[] chars, int offset, int length) {
            int hash = hash(chars, offset, length);
            int found = probe(pool, slots, hash, chars, offset, length);
            return found >= 0 ? found : append(chars, offset, length, hash, ~found);
        }

        private int append(char[] chars, int offset, int length, int hash, int slot) {
            if (poolSize + HEADER + length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(poolSize + HEADER + length, pool.length * 2));
            }
            int id = size++;
            int record = poolSize;
            pool[record] = (char) (length >>> 16);
            pool[record + 1] = (char) length;
            pool[record + 2] = (char) (id >>> 16);
            pool[record + 3] = (char) id;
            System.arraycopy(chars, offset, pool, record + HEADER, length);
            poolSize += HEADER + length;
            slots[slot] = ((long) hash << 32) | (record + 1);
            maxLength = Math.max(maxLength, length);
            if (size * 2 > slots.length) {
                slots = rehash(slots.length * 2);
            }
            return id;
        }

        private long[] rehash(int capacity) {
            long[] table = new long[capacity];
            int mask = capacity - 1;
            for (long entry : slots) {
                if (entry != 0) {
                    int slot = (int) (entry >>> 32) & mask;
                    while (table[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    table[slot] = entry;
                }
            }
            return table;
        }

        TermDictionary build() {
            return new TermDictionary(Arrays.copyOf(pool, poolSize), slots, size, maxLength);
        }
    }
}
