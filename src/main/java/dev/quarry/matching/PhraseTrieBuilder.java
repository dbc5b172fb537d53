package dev.quarry.matching;

import java.util.Arrays;

/**
 * Builds a {@link PhraseTrie} phrase by phrase: states are numbered as they are made, then {@link #build} gives them
 * their final ids and codes (see {@link PhraseTrie}). Not thread-safe; {@link #build} once.
 */
final class PhraseTrieBuilder {

    /** Ids must fit in a code, id << 2, as a positive int. */
    static final int MAX_ID = (1 << 29) - 1;

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
            rehash(keys.length * 2, null, null);
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

    /** Moves the table into one of {@code capacity} slots, renaming states by {@code ids} and codes when given. */
    private void rehash(int capacity, int[] ids, int[] codes) {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = newKeys(capacity);
        targets = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != -1) {
                if (ids != null) {
                    key = ((long) ids[(int) (key >>> 32)] << 32) | (key & 0xFFFFFFFFL);
                }
                int slot = PhraseTrie.mix(key) & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                targets[slot] = codes != null ? codes[oldTargets[i]] : oldTargets[i];
            }
        }
    }

    /** The trie; {@code termCount} sizes the root array. */
    PhraseTrie build(int termCount) {
        int[] ids = new int[states];
        int[] outputs = outputRecords(ids);
        int[] codes = new int[states];
        for (int s = 1; s < states; s++) {
            boolean children = (hasChildren[s >>> 6] & (1L << s)) != 0;
            codes[s] = ids[s] << 2 | (lastPattern[s] != 0 ? PhraseTrie.HAS_OUTPUT : 0)
                    | (children ? PhraseTrie.HAS_CHILDREN : 0);
        }
        int[] root = Arrays.copyOf(rootChild, termCount);
        Arrays.setAll(root, t -> codes[root[t]]);
        rehash(keys.length, ids, codes);
        return new PhraseTrie(root, keys, targets, outputs);
    }

    /**
     * Lays out [count, patterns...] per state that ends patterns, in pattern order (patterns may have been added out
     * of order); fills in every state's id.
     */
    private int[] outputRecords(int[] ids) {
        int size = 0;
        for (int s = 1; s < states; s++) {
            for (int p = lastPattern[s]; p != 0; p = previousPattern[p - 1]) {
                size++;
            }
            size += lastPattern[s] != 0 ? 1 : 0;
        }
        int[] outputs = new int[size];
        int next = 0;
        int silent = size;
        for (int s = 1; s < states; s++) {
            if (lastPattern[s] == 0) {
                ids[s] = silent++;
                continue;
            }
            ids[s] = next;
            int end = next;
            for (int p = lastPattern[s]; p != 0; p = previousPattern[p - 1]) {
                end++;
            }
            outputs[next] = end - next;
            for (int p = lastPattern[s], i = end; p != 0; p = previousPattern[p - 1]) {
                outputs[i--] = p - 1;
            }
            Arrays.sort(outputs, next + 1, end + 1);
            next = end + 1;
        }
        if (silent - 1 > MAX_ID) {
            throw new IllegalArgumentException("phrase patterns on one attribute may have at most " + MAX_ID
                    + " prefixes and outputs together, got " + silent);
        }
        return outputs;
    }
}
