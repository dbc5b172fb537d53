package dev.quarry.matching;

import java.util.Arrays;

/**
 * The distinct token keys of the phrase patterns on one attribute, each with a dense id from 0: an open-addressing
 * hash table over char ranges, so a doc token is looked up from its chars without making a {@code String}.
 *
 * <p>Immutable once built; {@link #find} is safe from any thread.
 */
final class TermDictionary {
    /* Layout: the keys' chars back to back in one char[] (termStart[id] .. termStart[id + 1]); the table is a
       long[] of (hash << 32 | id + 1), 0 for an empty slot, at most half full, linear probing. One long per probe
       holds the full hash, so a miss rarely touches the char pool. */

    final char[] pool;
    final int[] termStart;
    final long[] slots;
    final int maxLength;

    TermDictionary(char[] pool, int[] termStart, long[] slots, int maxLength) {
        this.pool = pool;
        this.termStart = termStart;
        this.slots = slots;
        this.maxLength = maxLength;
    }

    int size() {
        return termStart.length - 1;
    }

    /** The id of the key {@code chars[offset, offset + length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        if (length > maxLength) {
            return -1;
        }
        int hash = hash(chars, offset, length);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int id = (int) entry - 1;
                int from = termStart[id];
                if (termStart[id + 1] - from == length
                        && Arrays.equals(pool, from, from + length, chars, offset, offset + length)) {
                    return id;
                }
            }
        }
    }

    String term(int id) {
        return new String(pool, termStart[id], termStart[id + 1] - termStart[id]);
    }

    static int hash(char[] chars, int offset, int length) {
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
        return 16L + 2L * d.pool.length + 4L * d.termStart.length + 8L * d.slots.length;
    }

    /** Collects keys; not thread-safe. */
    static final class Builder {
        private char[] pool = new char[1024];
        private int poolSize;
        private int[] termStart = new int[64];
        private int size;
        private long[] slots = new long[64];
        private int maxLength;

        /** The id of the key, added if new. */
        int add(char[] chars, int offset, int length) {
            int hash = hash(chars, offset, length);
            int mask = slots.length - 1;
            int slot = hash & mask;
            for (long entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
                int id = (int) entry - 1;
                if ((int) (entry >>> 32) == hash && termStart[id + 1] - termStart[id] == length
                        && Arrays.equals(pool, termStart[id], termStart[id] + length, chars, offset, offset + length)) {
                    return id;
                }
            }
            return append(chars, offset, length, hash, slot);
        }

        private int append(char[] chars, int offset, int length, int hash, int slot) {
            if (poolSize + length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(poolSize + length, pool.length * 2));
            }
            System.arraycopy(chars, offset, pool, poolSize, length);
            poolSize += length;
            if (size + 2 > termStart.length) {
                termStart = Arrays.copyOf(termStart, termStart.length * 2);
            }
            int id = size++;
            termStart[id + 1] = poolSize;
            slots[slot] = ((long) hash << 32) | (id + 1);
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
            return new TermDictionary(Arrays.copyOf(pool, poolSize), Arrays.copyOf(termStart, size + 1), slots,
                    maxLength);
        }
    }
}
