package dev.quarry.matching;

import java.util.Arrays;

/**
 * Builds a {@link PhraseTrie} phrase by phrase: states are numbered as they are made, and {@link #build} numbers them
 * again by their slot in the trie's table and turns each state's flags and patterns into the values
 * {@link PhraseTrie} reads. Not thread-safe.
 */
final class PhraseTrieBuilder {

    /**
     * Outputs must fit in a value, output << FLAG_BITS, as a positive int; states are capped the same, which keeps a
     * trie's table (slots and root children numbered below 2^31) within an array's reach.
     */
    static final int MAX_ID = (1 << (31 - PhraseTrie.FLAG_BITS)) - 1;

    private int[] rootChild = new int[64];
    private long[] keys = newKeys(64);
    private int[] targets = new int[64];
    private int edges;
    private int states = 1;
    private int[] lastPattern = new int[64];
    private int[] previousPattern = new int[64];
    private long[] hasChildren = new long[1];
    private int[] depth = new int[64];
    /** After {@link #build}: each state's value and number (see {@link PhraseTrie}). */
    private int[] values;
    private int[] numbers;

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
            depth = Arrays.copyOf(depth, depth.length * 2);
        }
        depth[state] = depth[parent] + 1;
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
     * built dictionary gives them. Then {@link #roots(int)} has the root transitions. Edges go into the table by the
     * depth of their child, so that a parent's number (its slot) is known before its edges' keys are made, and the
     * edges from the root's children, which walks take most, sit in their first slot more often.
     */
    PhraseTrie build(int[] termIds) {
        int[] outputs = new int[manyOutputsSize()];
        values = new int[states];
        int next = 0;
        for (int s = 1; s < states; s++) {
            next = value(s, values, outputs, next);
        }
        int slots = keys.length;
        int maxTerm = Math.max(1, Arrays.stream(termIds).max().orElse(0));
        int termBits = bits(maxTerm);
        int maxValue = Arrays.stream(values).max().orElse(0);
        int valueBits = bits(maxValue);
        int width = bits(slots + maxTerm + 1) + termBits + valueBits <= 64 ? 1 : 2;
        numbers = new int[states];
        for (int t = 0; t < rootChild.length; t++) {
            if (rootChild[t] != 0) {
                numbers[rootChild[t]] = slots + termIds[t];
            }
        }
        long[] table = new long[width * slots];
        for (int slot = 0; slot < slots; slot++) {
            table[width * slot] = -1;
        }
        for (int from : edgesByDepth()) {
            long key = (long) numbers[(int) (keys[from] >>> 32)] << termBits | termIds[(int) keys[from]];
            int child = targets[from];
            numbers[child] = insert(table, width, key, valueBits, values[child]);
        }
        return new PhraseTrie(table, outputs, termBits, width == 1 ? valueBits : 0, width);
    }

    /** The bits of {@code n >= 0}: 0 for 0. */
    private static int bits(long n) {
        return 64 - Long.numberOfLeadingZeros(n);
    }

    /** The builder's slots that hold an edge, by the depth of the edge's child. */
    private int[] edgesByDepth() {
        int maxDepth = 0;
        for (int s = 0; s < states; s++) {
            maxDepth = Math.max(maxDepth, depth[s]);
        }
        int[] starts = new int[maxDepth + 2];
        for (int from = 0; from < keys.length; from++) {
            if (keys[from] != -1) {
                starts[depth[targets[from]] + 1]++;
            }
        }
        for (int d = 1; d < starts.length; d++) {
            starts[d] += starts[d - 1];
        }
        int[] order = new int[edges];
        for (int from = 0; from < keys.length; from++) {
            if (keys[from] != -1) {
                order[starts[depth[targets[from]]]++] = from;
            }
        }
        return order;
    }

    /** Puts the edge into the table and returns its slot. */
    private static int insert(long[] table, int width, long key, int valueBits, int value) {
        int mask = table.length / width - 1;
        int slot = PhraseTrie.mix(key) & mask;
        while (table[width * slot] != -1) {
            slot = (slot + 1) & mask;
        }
        if (width == 1) {
            table[slot] = key << valueBits | value;
        } else {
            table[2 * slot] = key;
            table[2 * slot + 1] = value;
        }
        return slot;
    }

    /** After {@link #build}: the transition from the root on each term number (0: none), for {@code termCount} terms. */
    long[] roots(int termCount) {
        long[] roots = new long[termCount];
        for (int t = 0; t < termCount && t < rootChild.length; t++) {
            int child = rootChild[t];
            roots[t] = child == 0 ? 0 : (long) numbers[child] << 32 | values[child];
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
     * Sets {@code values[s]} (see {@link PhraseTrie}), writing a record at {@code outputs[next]} if the state ends
     * several patterns (in pattern order: they may have been added out of order); returns the next free offset.
     */
    private int value(int s, int[] values, int[] outputs, int next) {
        int count = outputCount(s);
        boolean children = (hasChildren[s >>> 6] & (1L << s)) != 0;
        int output = count == 1 ? lastPattern[s] - 1 : count > 1 ? next : 0;
        if (output > MAX_ID) {
            throw new IllegalArgumentException("phrase patterns on one attribute may have at most " + MAX_ID
                    + " patterns and shared ends");
        }
        if (count > 1) {
            outputs[next] = count;
            int i = next + count;
            for (int p = lastPattern[s]; p != 0; p = previousPattern[p - 1]) {
                outputs[i--] = p - 1;
            }
            Arrays.sort(outputs, next + 1, next + 1 + count);
            next += count + 1;
        }
        values[s] = output << PhraseTrie.FLAG_BITS | (children ? PhraseTrie.HAS_CHILDREN : 0)
                | (count > 0 ? PhraseTrie.HAS_OUTPUT : 0) | (count > 1 ? PhraseTrie.MANY_OUTPUTS : 0);
        return next;
    }
}
