package dev.quarry.matching;

/**
 * The phrase patterns on one attribute as a trie over term ids. The root's transitions are a direct array indexed by
 * term id, the others one open-addressing table keyed by {@code (state << 32 | termId)}. Made by
 * {@link PhraseTrieBuilder}.
 *
 * <p>Immutable; {@link #forEachMatch} is safe from any thread and allocates nothing.
 */
final class PhraseTrie {
    /* Why not Lucene's FST: see package-info. At a million patterns nearly every array read here is a cache miss, so
       the layout is about reads per step. A transition (rootChild[term], or the value beside a key in `table`) is
       one long that says all a walk needs about the state it leads to:
         high int: the state's code, id << 3 | MANY_OUTPUTS | HAS_OUTPUT | HAS_CHILDREN;
         low int:  the one pattern the state ends, or (MANY_OUTPUTS) the offset in `outputs` of [count, patterns...].
       So a step is one probe of `table` (key and value side by side, same cache line), and a state that ends one
       pattern (nearly all do) reports it without another read. The table is at most 60% full; a key of -1 marks an
       empty slot (real keys are >= 0). edgeFilter has one bit per hash of every edge (8 bits per slot), so nine in
       ten absent edges are turned away without touching the table. No transition is 0. */

    static final int HAS_CHILDREN = 1;
    static final int HAS_OUTPUT = 2;
    static final int MANY_OUTPUTS = 4;
    static final int FLAG_BITS = 3;

    final long[] rootChild;
    final long[] table;
    final int[] outputs;
    final long[] edgeFilter;

    /** From the arrays {@link PhraseTrieBuilder#build} makes. */
    PhraseTrie(long[] rootChild, long[] table, int[] outputs) {
        this.rootChild = rootChild;
        this.table = table;
        this.outputs = outputs;
        this.edgeFilter = new long[Math.max(1, table.length / 16)];
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

    /** The transition from the state with id {@code state} on {@code termId}, or 0. */
    long next(int state, int termId) {
        long key = ((long) state << 32) | termId;
        int bit = filterBit(key, edgeFilter.length);
        if ((edgeFilter[bit >>> 6] & (1L << bit)) == 0) {
            return 0;
        }
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

    /** Reports every phrase match over the doc whose token term ids are {@code termIds[0, size)} (-1: no term). */
    void forEachMatch(int[] termIds, int size, MatchSink sink) {
        for (int start = 0; start < size; start++) {
            int term = termIds[start];
            long transition = term < 0 ? 0 : rootChild[term];
            int end = start + 1;
            while (transition != 0) {
                int code = (int) (transition >>> 32);
                if ((code & HAS_OUTPUT) != 0) {
                    emit(code, (int) transition, start, end, sink);
                }
                if ((code & HAS_CHILDREN) == 0 || end == size || termIds[end] < 0) {
                    break;
                }
                transition = next(code >>> FLAG_BITS, termIds[end++]);
            }
        }
    }

    /**
     * As {@link #forEachMatch(int[], int, MatchSink)}, walking all starts one depth at a time: the transitions of one
     * depth are independent reads, so the processor overlaps their cache misses. {@code starts} and {@code walks}
     * are scratch arrays of at least {@code size} elements.
     */
    void forEachMatch(int[] termIds, int size, MatchSink sink, int[] starts, long[] walks) {
        for (int i = 0; i < size; i++) {
            int term = termIds[i];
            walks[i] = rootChild[Math.max(term, 0)] & ~((long) term >> 63);
        }
        int active = 0;
        for (int i = 0; i < size; i++) {
            active = step(walks[i], i, 1, termIds, size, sink, starts, walks, active);
        }
        for (int depth = 1; active > 0; depth++) {
            active = filter(termIds, depth, starts, walks, active);
            int kept = 0;
            for (int j = 0; j < active; j++) {
                int start = starts[j];
                long transition = probe(((walks[j] >>> 32) >>> FLAG_BITS << 32) | termIds[start + depth]);
                kept = step(transition, start, depth + 1, termIds, size, sink, starts, walks, kept);
            }
            active = kept;
        }
    }

    /** Keeps the walks whose next edge (on the token at {@code start + depth}) passes the edge filter. */
    private int filter(int[] termIds, int depth, int[] starts, long[] walks, int active) {
        int kept = 0;
        int words = edgeFilter.length;
        for (int j = 0; j < active; j++) {
            int start = starts[j];
            long walk = walks[j];
            long key = ((walk >>> 32) >>> FLAG_BITS << 32) | termIds[start + depth];
            int bit = filterBit(key, words);
            starts[kept] = start;
            walks[kept] = walk;
            kept += (int) (edgeFilter[bit >>> 6] >>> bit) & 1;
        }
        return kept;
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
    private int step(long transition, int start, int length, int[] termIds, int size, MatchSink sink, int[] starts,
            long[] walks, int kept) {
        int code = (int) (transition >>> 32);
        if ((code & HAS_OUTPUT) != 0) {
            emit(code, (int) transition, start, start + length, sink);
        }
        int end = start + length;
        starts[kept] = start;
        walks[kept] = transition;
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

    long ramBytes() {
        return 8L * rootChild.length + 8L * table.length + 4L * outputs.length + 8L * edgeFilter.length;
    }
}
