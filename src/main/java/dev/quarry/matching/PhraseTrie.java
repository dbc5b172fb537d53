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
       the layout is about reads per step:
       - A transition yields a state's code, id << 2 | HAS_OUTPUT | HAS_CHILDREN: a walk knows whether to read outputs
         and whether to go on without reading anything else.
       - A state that ends patterns has as id the offset of its record in `outputs`: [count, pattern, pattern, ...],
         so its patterns are one read away; the other states have ids past the end of `outputs`.
       - The table is at most 60% full; a key of -1 marks an empty slot (real keys are >= 0).
       - edgeFilter has one bit per hash of every edge, 8+ bits per edge, so nine in ten absent edges are turned away
         from a 1-2 MB array without touching the table. */

    static final int HAS_CHILDREN = 1;
    static final int HAS_OUTPUT = 2;

    final int[] rootChild;
    final long[] keys;
    final int[] targets;
    final int[] outputs;
    final long[] edgeFilter;

    /** From the arrays {@link PhraseTrieBuilder#build} makes: codes in {@code rootChild} and {@code targets}, 0 none. */
    PhraseTrie(int[] rootChild, long[] keys, int[] targets, int[] outputs) {
        this.rootChild = rootChild;
        this.keys = keys;
        this.targets = targets;
        this.outputs = outputs;
        this.edgeFilter = new long[Math.max(1, keys.length / 8)];
        for (long key : keys) {
            if (key != -1) {
                int bit = filterBit(key, edgeFilter.length);
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

    /** The code of the state after {@code termId} from the state with id {@code state}, or -1. */
    int next(int state, int termId) {
        long key = ((long) state << 32) | termId;
        int bit = filterBit(key, edgeFilter.length);
        if ((edgeFilter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int mask = keys.length - 1;
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return targets[slot];
            }
            if (k == -1) {
                return -1;
            }
        }
    }

    /** Reports every phrase match over the doc whose token term ids are {@code termIds[0, size)} (-1: no term). */
    void forEachMatch(int[] termIds, int size, MatchSink sink) {
        for (int start = 0; start < size; start++) {
            int term = termIds[start];
            if (term < 0) {
                continue;
            }
            int code = rootChild[term];
            int end = start + 1;
            while (code > 0) {
                if ((code & HAS_OUTPUT) != 0) {
                    emit(code >>> 2, start, end, sink);
                }
                if ((code & HAS_CHILDREN) == 0 || end == size || termIds[end] < 0) {
                    break;
                }
                code = next(code >>> 2, termIds[end++]);
            }
        }
    }

    private void emit(int record, int start, int end, MatchSink sink) {
        for (int i = record + 1, to = record + 1 + outputs[record]; i < to; i++) {
            sink.accept(outputs[i], start, end);
        }
    }

    long ramBytes() {
        return 4L * rootChild.length + 12L * keys.length + 4L * outputs.length + 8L * edgeFilter.length;
    }
}
