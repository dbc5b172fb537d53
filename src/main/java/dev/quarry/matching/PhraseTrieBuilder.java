package dev.quarry.matching;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Builds a {@link PhraseTrie} phrase by phrase: states are numbered as they are made, and {@link #build} turns each
 * state's number, flags and patterns into the transitions {@link PhraseTrie} reads. Not thread-safe.
 */
final class PhraseTrieBuilder {

    /** Ids must fit in a code, id << FLAG_BITS, as a positive int. */
    static final int MAX_ID = (1 << (31 - PhraseTrie.FLAG_BITS)) - 1;

    private int[] rootChild = new int[64];
    private long[] keys = newKeys(64);
    private int[] targets = new int[64];
    private int edges;
    private int states = 1;
    private int[] lastPattern = new int[64];
    private int[] previousPattern = new int[64];
    private long[] hasChildren = new long[1];
    /** After {@link #build}: each state's transition. */
    private long[] transitions;

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
        int slot = PhraseTrie.mix(key) & mask;
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
        if (states > MAX_ID) {
            throw new IllegalArgumentException(
                    "phrase patterns on one attribute may have at most " + MAX_ID + " distinct prefixes");
        }
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
                int slot = PhraseTrie.mix(oldKeys[i]) & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                targets[slot] = oldTargets[i];
            }
        }
    }

    /**
     * The trie, with term numbers {@code t} (as given to {@link #add}) renumbered {@code termIds[t]}: the ids the
     * built dictionary gives them. Then {@link #roots(int)} has the root transitions. The edges from the root's children
     * go into the table first, so that they, which walks take most, sit in their first slot more often.
     */
    PhraseTrie build(int[] termIds) {
        int[] outputs = new int[manyOutputsSize()];
        transitions = new long[states];
        int next = 0;
        for (int s = 1; s < states; s++) {
            next = transition(s, transitions, outputs, next);
        }
        long[] table = new long[2 * keys.length];
        Arrays.fill(table, -1L);
        BitSet firstLevel = new BitSet(states);
        for (int state : rootChild) {
            firstLevel.set(state);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int from = 0; from < keys.length; from++) {
                if (keys[from] != -1 && firstLevel.get((int) (keys[from] >>> 32)) == (pass == 0)) {
                    insert(table, keys[from] & ~0xFFFFFFFFL | termIds[(int) keys[from]], transitions[targets[from]]);
                }
            }
        }
        for (int slot = 0; slot < keys.length; slot++) {
            if (table[2 * slot] == -1) {
                table[2 * slot + 1] = 0;
            }
        }
        return new PhraseTrie(table, outputs);
    }

    private static void insert(long[] table, long key, long value) {
        int mask = table.length / 2 - 1;
        int slot = PhraseTrie.mix(key) & mask;
        while (table[2 * slot] != -1) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = value;
    }

    /** After {@link #build}: the transition from the root on each term number (0: none), for {@code termCount} terms. */
    long[] roots(int termCount) {
        long[] roots = new long[termCount];
        for (int t = 0; t < termCount && t < rootChild.length; t++) {
            roots[t] = rootChild[t] == 0 ? 0 : transitions[rootChild[t]];
        }
        return roots;
    }

    /** The room [count, patterns...] records take for the states that end two or more patterns. */
    private int manyOutputsSize() {
        int size = 0;
        for (int s = 1; s < states; s++) {
            int count = outputCount(s);
            size += count > 1 ? count + 1 : 0;
        }
        return size;
    }

    private int outputCount(int state) {
        int count = 0;
        for (int p = lastPattern[state]; p != 0; p = previousPattern[p - 1]) {
            count++;
        }
        return count;
    }

    /**
     * Sets {@code transitions[s]} (see {@link PhraseTrie}), writing a record at {@code outputs[next]} if the state ends
     * several patterns (in pattern order: they may have been added out of order); returns the next free offset.
     */
    private int transition(int s, long[] transitions, int[] outputs, int next) {
        int count = outputCount(s);
        boolean children = (hasChildren[s >>> 6] & (1L << s)) != 0;
        int code = s << PhraseTrie.FLAG_BITS | (children ? PhraseTrie.HAS_CHILDREN : 0)
                | (count > 0 ? PhraseTrie.HAS_OUTPUT : 0) | (count > 1 ? PhraseTrie.MANY_OUTPUTS : 0);
        int output = count == 1 ? lastPattern[s] - 1 : count > 1 ? next : 0;
        if (count > 1) {
            outputs[next] = count;
            int i = next + count;
            for (int p = lastPattern[s]; p != 0; p = previousPattern[p - 1]) {
                outputs[i--] = p - 1;
            }
            Arrays.sort(outputs, next + 1, next + 1 + count);
            next += count + 1;
        }
        transitions[s] = (long) code << 32 | (output & 0xFFFFFFFFL);
        return next;
    }
}
