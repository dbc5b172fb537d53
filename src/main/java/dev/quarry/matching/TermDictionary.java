package dev.quarry.matching;

import java.util.Arrays;

/**
 * The distinct token keys of the phrase patterns on one attribute: an open-addressing hash table looked up from a
 * token's chars without making a {@code String}. A key's term id is its slot in the table; beside the key, the slot
 * holds the {@link PhraseTrie} transition from the root on that term, so a hit needs no other read.
 *
 * <p>Immutable once built; {@link #find} is safe from any thread.
 */
final class TermDictionary {
    /* Layout, chosen for few cache misses per lookup at a million keys (each miss is a trip to memory):
       - table: SLOT longs per slot, [k0, k1, root transition], at most 60% full, linear probing, term id = slot;
       - a key of 1 to 16 ASCII chars other than NUL (nearly every key of real patterns) is packed into k0, k1
         themselves, a byte per char, little-endian, zero-padded: k0 = chars 0-7, k1 = chars 8-15 (no char is 0, so
         the padding says the length). Probe and verify are then two compares on the slot's cache line, with no read
         of the key's chars elsewhere; and a token of ASCII text is packed by reading 8 chars at a time (TermBatch);
       - any other key has k0 = POOL | its 32-bit hash, k1 = the offset of its record [length high, length low,
         chars...] in `pool`, which a probe that finds the hash reads to verify;
       - an empty slot has k0 = 0 (no key is empty, and a packed key's first char is not 0);
       - filter: a bitset of 8 to 16 bits per key, indexed by the hash's high bits (the table uses the low ones),
         turns away most tokens that are not keys without touching the table.
       The hashes (packedHash, the FNV hash of pool keys) are part of the saved format (MatcherFile). */

    /** Longs per slot. */
    static final int SLOT = 3;
    /** The longest key that is packed into its slot. */
    static final int MAX_PACKED = 16;
    /** k0's flag for a key kept in the pool. */
    static final long POOL = Long.MIN_VALUE;
    private static final int HEADER = 2;
    /** Above this many bytes of table and keys, lookups are batched ({@link TermBatch}): most would miss the cache. */
    private static final long LARGE_BYTES = 2L << 20;

    final char[] pool;
    final long[] table;
    final int size;
    final int maxLength;
    /** Whether the table is larger than {@link #LARGE_BYTES}: lookups are worth batching. */
    final boolean large;
    final int mask;
    private final long[] filter;
    private final int filterShift;

    TermDictionary(char[] pool, long[] table, int size, int maxLength) {
        int slots = table.length / SLOT;
        if (slots * SLOT != table.length || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("a term table holds a power of two of slots, got " + table.length
                    + " longs");
        }
        this.pool = pool;
        this.table = table;
        this.size = size;
        this.maxLength = maxLength;
        this.mask = slots - 1;
        this.large = 8L * table.length + 2L * pool.length > LARGE_BYTES;
        int bits = Math.max(64, Integer.highestOneBit(Math.max(1, size)) * 16);
        this.filter = new long[bits / 64];
        this.filterShift = Integer.numberOfLeadingZeros(bits) + 1;
        for (int slot = 0; slot < slots; slot++) {
            if (table[SLOT * slot] != 0) {
                int bit = hashOfSlot(slot) >>> filterShift;
                filter[bit >>> 6] |= 1L << bit;
            }
        }
    }

    private int hashOfSlot(int slot) {
        long k0 = table[SLOT * slot];
        return k0 < 0 ? (int) k0 : packedHash(k0, table[SLOT * slot + 1]);
    }

    int size() {
        return size;
    }

    /** The root transition of the term whose id is {@code slot} (0: no phrase starts with it). */
    long root(int slot) {
        return table[SLOT * slot + 2];
    }

    /** The id of the key {@code chars[offset, offset + length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        if (length > maxLength) {
            return -1;
        }
        if (packable(chars, offset, length)) {
            long k0 = packFirst(chars, offset, length);
            long k1 = packSecond(chars, offset, length);
            int hash = packedHash(k0, k1);
            return mayContain(hash) ? slotOf(k0, k1, hash) : -1;
        }
        int hash = poolHash(chars, offset, length);
        return mayContain(hash) ? poolSlotOf(hash, chars, offset, length) : -1;
    }

    /** Whether a key with this hash may be in the dictionary (false: it is not). */
    boolean mayContain(int hash) {
        int bit = hash >>> filterShift;
        return (filter[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The id of the packed key (k0, k1) whose {@link #packedHash} is {@code hash}, or -1. */
    int slotOf(long k0, long k1, int hash) {
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long k = table[SLOT * slot];
            if (k == k0 && table[SLOT * slot + 1] == k1) {
                return slot;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    private int poolSlotOf(int hash, char[] chars, int offset, int length) {
        long k0 = POOL | (hash & 0xFFFFFFFFL);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long k = table[SLOT * slot];
            if (k == k0 && sameKey(pool, (int) table[SLOT * slot + 1], chars, offset, length)) {
                return slot;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /**
     * Resolves a batch of packed lookups: drops the tokens the filter turns away, reads every remaining token's first
     * slot in one loop, then checks each candidate, so that the filter reads and then the slot reads of different
     * tokens overlap. Writes each token's id (or -1) and root transition (or 0) to {@code ids} and {@code roots}.
     */
    void resolve(TermBatch batch, int[] ids, long[] roots) {
        int count = dropFiltered(batch);
        long[] k0s = batch.k0s;
        long[] firsts = batch.firsts;
        int[] hashes = batch.hashes;
        for (int c = 0; c < count; c++) {
            firsts[c] = table[SLOT * (hashes[c] & mask)];
        }
        for (int c = 0; c < count; c++) {
            int first = hashes[c] & mask;
            int slot = firsts[c] == k0s[c] && table[SLOT * first + 1] == batch.k1s[c] ? first
                    : firsts[c] == 0 ? -1 : slotOf(k0s[c], batch.k1s[c], hashes[c]);
            long root = slot < 0 ? 0 : table[SLOT * slot + 2];
            if (slot >= 0) {
                ids[batch.tokens[c]] = slot;
                roots[batch.tokens[c]] = root;
            }
            remember(batch.cache, k0s[c], batch.k1s[c], hashes[c], slot, root);
        }
    }

    /** Puts a lookup's answer into a {@link TermBatch#cache}, in place of what its entry held. */
    private static void remember(long[] cache, long k0, long k1, int hash, int slot, long root) {
        int entry = TermBatch.CACHE_LONGS * (hash & (TermBatch.CACHE_ENTRIES - 1));
        cache[entry] = k0;
        cache[entry + 1] = k1;
        cache[entry + 2] = slot;
        cache[entry + 3] = root;
    }

    /** Keeps the batch's lookups whose hash passes the filter, in order; returns how many. */
    private int dropFiltered(TermBatch batch) {
        int[] hashes = batch.hashes;
        int count = 0;
        for (int c = 0; c < batch.count; c++) {
            int hash = hashes[c];
            int bit = hash >>> filterShift;
            batch.tokens[count] = batch.tokens[c];
            batch.k0s[count] = batch.k0s[c];
            batch.k1s[count] = batch.k1s[c];
            hashes[count] = hash;
            remember(batch.cache, batch.k0s[c], batch.k1s[c], hash, -1, 0);
            count += (int) (filter[bit >>> 6] >>> bit) & 1;
        }
        return count;
    }

    /**
     * Whether the key {@code chars[offset, offset + length)} is packed into its slot: 1-16 chars, all ASCII, none
     * NUL.
     */
    static boolean packable(char[] chars, int offset, int length) {
        if (length > MAX_PACKED) {
            return false;
        }
        int any = 0;
        for (int i = offset; i < offset + length; i++) {
            any |= packableBits(chars[i]);
        }
        return any >>> 7 == 0;
    }

    /** {@code c}, or bits from 7 up if {@code c} is not ASCII or is NUL: OR these over a key, test bit 7 and up. */
    static int packableBits(int c) {
        return c | (c - 1);
    }

    /** k0 of a {@link #packable} key: its first eight chars. */
    static long packFirst(char[] chars, int offset, int length) {
        long k0 = 0;
        for (int i = 0, n = Math.min(length, 8); i < n; i++) {
            k0 |= (long) chars[offset + i] << (8 * i);
        }
        return k0;
    }

    /** k1 of a {@link #packable} key: its chars from the ninth on. */
    static long packSecond(char[] chars, int offset, int length) {
        long k1 = 0;
        for (int i = 8; i < length; i++) {
            k1 |= (long) chars[offset + i] << (8 * (i - 8));
        }
        return k1;
    }

    /** The hash of a packed key; part of the saved format. */
    static int packedHash(long k0, long k1) {
        long h = k0 * 0x9E3779B97F4A7C15L + k1 * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }

    private static boolean sameKey(char[] pool, int record, char[] chars, int offset, int length) {
        if ((pool[record] << 16 | pool[record + 1]) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (pool[record + HEADER + i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the chars, then a finishing mix: the hash of a key kept in the pool; part of the saved format. */
    static int poolHash(char[] chars, int offset, int length) {
        int h = 0x811C9DC5;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ chars[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    static long ramBytes(TermDictionary d) {
        return 48L + 2L * d.pool.length + 8L * d.table.length + 8L * d.filter.length;
    }

    /**
     * Collects keys, numbering them 0, 1, ... as they come; {@link #slots()} then says which slot (final term id)
     * each number takes. Not thread-safe.
     */
    static final class Builder {
        private char[] pool = new char[64];
        private int poolSize;
        private int size;
        /** As the built table, with each slot's value the key's number. */
        private long[] table = new long[SLOT * 64];
        private int maxLength;

        /** The number of the key, added if new. */
        int add(char[] chars, int offset, int length) {
            boolean packed = packable(chars, offset, length);
            long k0 = packed ? packFirst(chars, offset, length) : 0;
            long k1 = packed ? packSecond(chars, offset, length) : 0;
            int hash = packed ? packedHash(k0, k1) : poolHash(chars, offset, length);
            int mask = table.length / SLOT - 1;
            int slot = hash & mask;
            for (long k; (k = table[SLOT * slot]) != 0; slot = (slot + 1) & mask) {
                if (packed ? k == k0 && table[SLOT * slot + 1] == k1
                        : k == (POOL | (hash & 0xFFFFFFFFL))
                                && sameKey(pool, (int) table[SLOT * slot + 1], chars, offset, length)) {
                    return (int) table[SLOT * slot + 2];
                }
            }
            if (!packed) {
                k0 = POOL | (hash & 0xFFFFFFFFL);
                k1 = appendToPool(chars, offset, length);
            }
            return insert(slot, k0, k1, length);
        }

        private int insert(int slot, long k0, long k1, int length) {
            int id = size++;
            table[SLOT * slot] = k0;
            table[SLOT * slot + 1] = k1;
            table[SLOT * slot + 2] = id;
            maxLength = Math.max(maxLength, length);
            if (size * 5 > (table.length / SLOT) * 3) {
                table = rehash(2 * (table.length / SLOT));
            }
            return id;
        }

        private int appendToPool(char[] chars, int offset, int length) {
            if (poolSize + HEADER + length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(poolSize + HEADER + length, pool.length * 2));
            }
            int record = poolSize;
            pool[record] = (char) (length >>> 16);
            pool[record + 1] = (char) length;
            System.arraycopy(chars, offset, pool, record + HEADER, length);
            poolSize += HEADER + length;
            return record;
        }

        private long[] rehash(int slots) {
            long[] grown = new long[SLOT * slots];
            int mask = slots - 1;
            for (int from = 0; from < table.length; from += SLOT) {
                if (table[from] != 0) {
                    long k0 = table[from];
                    int slot = (k0 < 0 ? (int) k0 : packedHash(k0, table[from + 1])) & mask;
                    while (grown[SLOT * slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    System.arraycopy(table, from, grown, SLOT * slot, SLOT);
                }
            }
            return grown;
        }

        /** The slot (term id) of each key number, in the table {@link #build} makes. */
        int[] slots() {
            int[] slots = new int[size];
            for (int slot = 0; slot < table.length / SLOT; slot++) {
                if (table[SLOT * slot] != 0) {
                    slots[(int) table[SLOT * slot + 2]] = slot;
                }
            }
            return slots;
        }

        /** The dictionary, with {@code roots[number]} the root transition of each key. */
        TermDictionary build(long[] roots) {
            long[] built = table.clone();
            for (int slot = 0; slot < built.length / SLOT; slot++) {
                if (built[SLOT * slot] != 0) {
                    built[SLOT * slot + 2] = roots[(int) built[SLOT * slot + 2]];
                }
            }
            return new TermDictionary(Arrays.copyOf(pool, poolSize), built, size, maxLength);
        }
    }
}
