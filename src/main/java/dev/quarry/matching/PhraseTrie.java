package dev.quarry.matching;

/**
 * The phrase patterns on one attribute as a trie over term ids. The root's transitions live in the
 * {@link TermDictionary}, beside each term's key; the others are one open-addressing table keyed by
 * {@code (state << 32 | termId)}. Made by {@link PhraseTrieBuilder}.
 *
 * <p>Immutable; {@link #forEachMatch} is safe from any thread (with a {@link Walks} per thread) and allocates nothing
 * once the walks have grown to the doc's size.
 */
final class PhraseTrie {
    /* Why not Lucene's FST: see package-info. At a million patterns nearly every array read here is a cache miss, so
       the layout is about reads per step. A transition (the root's in the dictionary slot of the term, or the value
       beside a key in `table`) is one long that says all a walk needs about the state it leads to:
         high int: the state's code, id << 3 | MANY_OUTPUTS | HAS_OUTPUT | HAS_CHILDREN;
         low int:  the one pattern the state ends, or (MANY_OUTPUTS) the offset in `outputs` of [count, patterns...].
       So a step is one probe of `table` (key and value side by side, same cache line), and a state that ends one
       pattern (nearly all do) reports it without another read. The table is at most 60% full; a key of -1 marks an
       empty slot (real keys are >= 0). edgeFilter has one bit per hash of every edge (8 bits per slot, at most
       MAX_FILTER_WORDS longs), so most absent edges are turned away without touching the table (at 8 bits per slot,
       nine in ten). No transition is 0. */

    /**
     * The edge filter's most longs: 512 KB, a quarter of a core's L2 cache here. A larger filter turns away a few
     * more absent edges but misses the cache itself (1M phrases: 8 bits per slot would be 2 MB; capped at 512 KB,
     * tokenize+match is 5-14% faster though 23% rather than 6% of absent edges pass).
     */
    static final int MAX_FILTER_WORDS = 1 << 16;
    static final int HAS_CHILDREN = 1;
    static final int HAS_OUTPUT = 2;
    static final int MANY_OUTPUTS = 4;
    static final int FLAG_BITS = 3;

    final long[] table;
    final int[] outputs;
    final long[] edgeFilter;

    /** From the arrays {@link PhraseTrieBuilder#build} makes. */
    PhraseTrie(long[] table, int[] outputs) {
        this.table = table;
        this.outputs = outputs;
        this.edgeFilter = new long[Math.max(1, Math.min(table.length / 16, MAX_FILTER_WORDS))];
        for (int slot = 0; slot < table.length; slot += 2) {
            if (table[slot] != -1) {
                int bit = filterBit(table[slot], edgeFilter.length);
                edgeFilter[bit >>> 6] |= 1L << bit;
            }
        }
    }

    private static int filterBit(long key, int words) {
        return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 40) & (words * 64 - 1);
    }

    static int mix(long key) {
        key *= 0x9E3779B97F4A7C15L;
        return (int) (key ^ (key >>> 29) ^ (key >>> 32));
    }

    /**
     * Reports every phrase match over the doc whose token term ids are {@code termIds[0, size)} (-1: no term) and
     * whose transitions from the root are {@code roots[0, size)} (0: none). All starts are walked one depth at a time,
     * each depth in passes of independent reads (edge filter, first slot, transition), so that the processor overlaps
     * their cache misses.
     */
    void forEachMatch(int[] termIds, long[] roots, int size, MatchSink sink, Walks walks) {
        walks.ensure(size);
        int active = 0;
        for (int i = 0; i < size; i++) {
            active = step(roots[i], i, 1, termIds, size, sink, walks, active);
        }
        for (int depth = 1; active > 0; depth++) {
            active = filter(termIds, depth, walks, active);
            readFirstSlots(walks, active);
            int kept = 0;
            for (int j = 0; j < active; j++) {
                long transition = walks.firsts[j] == walks.keys[j] ? walks.firsts[j + active]
                        : walks.firsts[j] == -1 ? 0 : probe(walks.keys[j]);
                kept = step(transition, walks.starts[j], depth + 1, termIds, size, sink, walks, kept);
            }
            active = kept;
        }
    }

    /**
     * Keeps the walks whose next edge (on the token at {@code start + depth}) passes the edge filter, with the edge's
     * key in {@code keys}. Returns the number kept.
     */
    private int filter(int[] termIds, int depth, Walks walks, int active) {
        int[] starts = walks.starts;
        long[] transitions = walks.transitions;
        long[] keys = walks.keys;
        int kept = 0;
        int words = edgeFilter.length;
        for (int j = 0; j < active; j++) {
            int start = starts[j];
            long key = ((transitions[j] >>> 32) >>> FLAG_BITS << 32) | termIds[start + depth];
            int bit = filterBit(key, words);
            starts[kept] = start;
            keys[kept] = key;
            kept += (int) (edgeFilter[bit >>> 6] >>> bit) & 1;
        }
        return kept;
    }

    /**
     * Reads the first slot of each of the {@code active} keys: its key into {@code firsts[j]}, its value into
     * {@code firsts[active + j]}.
     */
    private void readFirstSlots(Walks walks, int active) {
        int mask = (table.length >>> 1) - 1;
        long[] keys = walks.keys;
        long[] firsts = walks.firsts;
        for (int j = 0; j < active; j++) {
            int slot = mix(keys[j]) & mask;
            firsts[j] = table[2 * slot];
            firsts[active + j] = table[2 * slot + 1];
        }
    }

    /** The value of {@code key} in the table, or 0. */
    private long probe(long key) {
        int mask = (table.length >>> 1) - 1;
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            long k = table[2 * slot];
            if (k == key) {
                return table[2 * slot + 1];
            }
            if (k == -1) {
                return 0;
            }
        }
    }

    /**
     * Reports the match a transition ends, if any, and keeps the walk (start, transition) at {@code kept} if it can go
     * on from the token after {@code start + length - 1}; returns the new number of kept walks.
     */
    private int step(long transition, int start, int length, int[] termIds, int size, MatchSink sink, Walks walks,
            int kept) {
        int code = (int) (transition >>> 32);
        if ((code & HAS_OUTPUT) != 0) {
            emit(code, (int) transition, start, start + length, sink);
        }
        int end = start + length;
        walks.starts[kept] = start;
        walks.transitions[kept] = transition;
        return (code & HAS_CHILDREN) != 0 && end < size && termIds[end] >= 0 ? kept + 1 : kept;
    }

    private void emit(int code, int output, int start, int end, MatchSink sink) {
        if ((code & MANY_OUTPUTS) == 0) {
            sink.accept(output, start, end);
            return;
        }
        for (int i = output + 1, to = output + 1 + outputs[output]; i < to; i++) {
            sink.accept(outputs[i], start, end);
        }
    }

    /**
     * A thread's scratch arrays for {@link #forEachMatch}: the walks of one depth (start token, transition) and the
     * next edges' keys and first slots. Not thread-safe.
     */
    static final class Walks {
        int[] starts = new int[0];
        long[] transitions = new long[0];
        long[] keys = new long[0];
        long[] firsts = new long[0];

        void ensure(int size) {
            if (starts.length < size) {
                int capacity = Math.max(size, 2 * starts.length);
                starts = new int[capacity];
                transitions = new long[capacity];
                keys = new long[capacity];
                firsts = new long[2 * capacity];
            }
        }
    }

    long ramBytes() {
        return 8L * table.length + 4L * outputs.length + 8L * edgeFilter.length;
    }
}
