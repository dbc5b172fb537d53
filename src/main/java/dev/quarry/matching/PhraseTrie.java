package dev.quarry.matching;

import java.util.Arrays;

/**
 * The phrase patterns on one attribute as a trie over term ids: state 0 is the root; the root's transitions are a
 * direct array indexed by term id, deeper ones one open-addressing table keyed by {@code (state << 32 | termId)};
 * the patterns a state ends are a slice of one int array.
 *
 * <p>Immutable once built; {@link #forEachMatch} is safe from any thread and allocates nothing.
 */
final class PhraseTrie {
    /* Why not Lucene's FST: see package-info and the FstComparison measurement in the tests. The table is at most
       ~60% full; a key of -1 marks an empty slot (real keys are >= 0). hasChildren is a bitset so that a walk stops
       at a leaf without probing. */

    final int[] rootChild;
    final long[] keys;
    final int[] targets;
    final long[] hasChildren;
    final int[] outStart;
    final int[] outPatterns;

    PhraseTrie(int[] rootChild, long[] keys, int[] targets, long[] hasChildren, int[] outStart, int[] outPatterns) {
        this.rootChild = rootChild;
        this.keys = keys;
        this.targets = targets;
        this.hasChildren = hasChildren;
        this.outStart = outStart;
        this.outPatterns = outPatterns;
    }

    int stateCount() {
        return outStart.length - 1;
    }

    /** The state after {@code termId} from {@code state} (not the root), or -1. */
    int next(int state, int termId) {
        long key = ((long) state << 32) | termId;
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
            int state = rootChild[term];
            int end = start + 1;
            while (state > 0) {
                emit(state, start, end, sink);
                if ((hasChildren[state >>> 6] & (1L << state)) == 0 || end == size || termIds[end] < 0) {
                    break;
                }
                state = next(state, termIds[end++]);
            }
        }
    }

    private void emit(int state, int start, int end, MatchSink sink) {
        for (int i = outStart[state], to = outStart[state + 1]; i < to; i++) {
            sink.accept(outPatterns[i], start, end);
        }
    }

    static int mix(long key) {
        key *= 0x9E3779B97F4A7C15L;
        return (int) (key ^ (key >>> 29) ^ (key >>> 32));
    }

    long ramBytes() {
        return 4L * rootChild.length + 12L * keys.length + 8L * hasChildren.length + 4L * outStart.length
                + 4L * outPatterns.length;
    }

    /** Adds phrases one by one; not thread-safe. */
    static final class Builder {
        private int[] rootChild = new int[64];
        private long[] keys = newKeys(64);
        private int[] targets = new int[64];
        private int edges;
        private int states = 1;
        private int[] lastPattern = new int[64];
        private int[] previousPattern = new int[64];
        private long[] hasChildren = new long[1];

        private static long[] newKeys(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, -1L);
            return keys;
        }

        /** Adds the phrase whose term ids are {@code terms[0, length)} as pattern {@code pattern}. */
        void add(int[] terms, int length, int pattern) {
            int state = rootStep(terms[0]);
            for (int i = 1; i < length; i++) {
                state = step(state, terms[i]);
            }
            if (pattern >= previousPattern.length) {
                previousPattern = Arrays.copyOf(previousPattern, Math.max(pattern + 1, previousPattern.length * 2));
            }
            previousPattern[pattern] = lastPattern[state];
            lastPattern[state] = pattern + 1;
        }

        private int rootStep(int term) {
            if (term >= rootChild.length) {
                rootChild = Arrays.copyOf(rootChild, Math.max(term + 1, rootChild.length * 2));
            }
            if (rootChild[term] == 0) {
                rootChild[term] = newState(0);
            }
            return rootChild[term];
        }

        private int step(int state, int term) {
            long key = ((long) state << 32) | term;
            int mask = keys.length - 1;
            int slot = mix(key) & mask;
            for (long k; (k = keys[slot]) != -1; slot = (slot + 1) & mask) {
                if (k == key) {
                    return targets[slot];
                }
            }
            int child = newState(state);
            keys[slot] = key;
            targets[slot] = child;
            if (++edges * 5 > keys.length * 3) {
                rehash(keys.length * 2);
            }
            return child;
        }

        private int newState(int parent) {
            hasChildren[parent >>> 6] |= 1L << parent;
            int state = states++;
            if (states > lastPattern.length) {
                lastPattern = Arrays.copyOf(lastPattern, lastPattern.length * 2);
            }
            if ((states + 63) >>> 6 > hasChildren.length) {
                hasChildren = Arrays.copyOf(hasChildren, hasChildren.length * 2);
            }
            return state;
        }

        private void rehash(int capacity) {
            long[] oldKeys = keys;
            int[] oldTargets = targets;
            keys = newKeys(capacity);
            targets = new int[capacity];
            int mask = capacity - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int slot = mix(oldKeys[i]) & mask;
                    while (keys[slot] != -1) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    targets[slot] = oldTargets[i];
                }
            }
        }

        /** The trie; {@code termCount} sizes the root array. */
        PhraseTrie build(int termCount) {
            int[] outStart = new int[states + 1];
            int total = 0;
            for (int s = 0; s < states; s++) {
                outStart[s] = total;
                for (int p = lastPattern[s]; p != 0; p = previousPattern[p - 1]) {
                    total++;
                }
            }
            outStart[states] = total;
            int[] outPatterns = new int[total];
            for (int s = 0; s < states; s++) {
                int i = outStart[s + 1];
                for (int p = lastPattern[s]; p != 0; p = previousPattern[p - 1]) {
                    outPatterns[--i] = p - 1;
                }
            }
            int[] root = Arrays.copyOf(rootChild, termCount);
            return new PhraseTrie(root, keys, targets, Arrays.copyOf(hasChildren, (states + 64) >>> 6), outStart,
                    outPatterns);
        }
    }
}
