package dev.quarry.matching;

/**
 * The phrase patterns on one attribute as a trie over term ids. The root's transitions live in the
 * {@link TermDictionary}, beside each term's key; the others are one open-addressing table whose key is the edge
 * {@code (parent state, term id)} and whose slot numbers the child state. Made by {@link PhraseTrieBuilder}.
 *
 * <p>Immutable; {@link #forEachMatch} is safe from any thread (with a {@link Walks} per thread) and allocates nothing
 * once the walks have grown to the doc's size.
 */
final class PhraseTrie {
    /* Why not Lucene's FST: see package-info. At a million patterns nearly every array read here is a cache miss, so
       the layout is about reads per step and bytes per edge. A transition (the root's in the dictionary slot of the
       term, or made from a slot of `table`) is one long that says all a walk needs about the state it leads to:
         high int: the state's number: its slot in `table`, or (a child of the root) slots + its term id;
         low int:  its value, output << FLAG_BITS | MANY_OUTPUTS | HAS_OUTPUT | HAS_CHILDREN, where output is the one
                   pattern the state ends, or (MANY_OUTPUTS) the offset in `outputs` of [count, patterns...].
       An edge's key is parent << termBits | term id. When key and value fit in one long (width 1: key << valueBits |
       value), a slot is 8 bytes, else 16 (width 2: key, then value). So a step is one probe of `table`, and a state
       that ends one pattern (nearly all do) reports it without another read. The table is at most 60% full; a first
       long of -1 marks an empty slot (no key is all ones). edgeFilter has one bit per hash of every edge (8 bits per
       slot, at most MAX_FILTER_WORDS longs), so most absent edges are turned away without touching the table. No
       transition is 0. */

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
    /** Bits of a term id in a key; bits of a value in a width-1 slot (0 for width 2); longs per slot (1 or 2). */
    final int termBits;
    final int valueBits;
    final int width;
    private final int keyShift;
    private final long valueMask;
    private final int mask;

    /** From the arrays and layout {@link PhraseTrieBuilder#build} makes. */
    PhraseTrie(long[] table, int[] outputs, int termBits, int valueBits, int width) {
        if (width != 1 && width != 2 || termBits < 1 || termBits > 31 || valueBits < 0 || valueBits > 32) {
            throw new IllegalArgumentException("bad phrase trie layout: width " + width + ", term bits " + termBits
                    + ", value bits " + valueBits);
        }
        this.table = table;
        this.outputs = outputs;
        this.termBits = termBits;
        this.valueBits = valueBits;
        this.width = width;
        this.keyShift = width == 1 ? valueBits : 0;
        this.valueMask = width == 1 ? (1L << valueBits) - 1 : 0xFFFFFFFFL;
        this.mask = table.length / width - 1;
        this.edgeFilter = new long[Math.max(1, Math.min(table.length / width / 8, MAX_FILTER_WORDS))];
        for (int slot = 0; slot <= mask; slot++) {
            if (table[width * slot] != -1) {
                int bit = filterBit(table[width * slot] >>> keyShift, edgeFilter.length);
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
     * whose transitions from the root are {@code roots[0, size)} (0: none); {@code termIds} has at least one more
     * element, which is read and ignored. All starts are walked one depth at a time,
     * each depth in passes of independent reads (edge filter, first slot, transition), so that the processor overlaps
     * their cache misses; the matches of a depth are reported after its passes.
     */
    void forEachMatch(int[] termIds, long[] roots, int size, MatchSink sink, Walks walks) {
        walks.ensure(size);
        int active = firstStep(termIds, roots, size, walks);
        emitFirst(roots, walks, sink);
        for (int depth = 1; active > 0; depth++) {
            active = filter(termIds, depth, walks, active);
            readFirstSlots(walks, active);
            active = nextStep(termIds, depth, size, walks, active);
            emitAll(walks, depth + 1, sink);
        }
    }

    /*
     * The steps below keep walks and note matches without a branch (a flag's bit added to a count), as whether a
     * token ends a match or goes on is as good as random to the processor's branch predictor.
     */

    /** Takes the root transition of every token: notes the matches, keeps the walks that go on; returns how many. */
    private static int firstStep(int[] termIds, long[] roots, int size, Walks walks) {
        int[] starts = walks.starts;
        long[] transitions = walks.transitions;
        int[] matchStarts = walks.matchStarts;
        int kept = 0;
        int matches = 0;
        for (int i = 0; i < size; i++) {
            long transition = roots[i];
            int value = (int) transition;
            matchStarts[matches] = i;
            matches += (value & HAS_OUTPUT) >>> 1;
            starts[kept] = i;
            transitions[kept] = transition;
            kept += goesOn(value, i + 1, size, termIds);
        }
        walks.matches = matches;
        return kept;
    }

    /**
     * Takes the next edge of each of the {@code active} walks at {@code depth}, from its first slot or by probing:
     * notes the matches, keeps the walks that go on; returns how many.
     */
    private int nextStep(int[] termIds, int depth, int size, Walks walks, int active) {
        int[] starts = walks.starts;
        long[] transitions = walks.transitions;
        int[] matchStarts = walks.matchStarts;
        int[] matchValues = walks.matchValues;
        int kept = 0;
        int matches = 0;
        for (int j = 0; j < active; j++) {
            long first = walks.firsts[j];
            long transition = first >>> keyShift == walks.keys[j]
                    ? (long) walks.slots[j] << 32 | ((width == 1 ? first : walks.firsts[j + active]) & valueMask)
                    : first == -1 ? 0 : probe(walks.keys[j]);
            int start = starts[j];
            int value = (int) transition;
            matchStarts[matches] = start;
            matchValues[matches] = value;
            matches += (value & HAS_OUTPUT) >>> 1;
            starts[kept] = start;
            transitions[kept] = transition;
            kept += goesOn(value, start + depth + 1, size, termIds);
        }
        walks.matches = matches;
        return kept;
    }

    /** 1 if a walk whose state has this value can go on from token {@code end}, else 0. */
    private static int goesOn(int value, int end, int size, int[] termIds) {
        return value & HAS_CHILDREN & (end - size) >>> 31 & ~termIds[end] >>> 31;
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
            long key = (transitions[j] >>> 32) << termBits | termIds[start + depth];
            int bit = filterBit(key, words);
            starts[kept] = start;
            keys[kept] = key;
            kept += (int) (edgeFilter[bit >>> 6] >>> bit) & 1;
        }
        return kept;
    }

    /**
     * Reads the first slot of each of the {@code active} keys: its number into {@code slots[j]}, its first long into
     * {@code firsts[j]}, and for 16-byte slots its last into {@code firsts[active + j]}.
     */
    private void readFirstSlots(Walks walks, int active) {
        long[] keys = walks.keys;
        long[] firsts = walks.firsts;
        int[] slots = walks.slots;
        if (width == 1) {
            for (int j = 0; j < active; j++) {
                int slot = mix(keys[j]) & mask;
                slots[j] = slot;
                firsts[j] = table[slot];
            }
            return;
        }
        for (int j = 0; j < active; j++) {
            int slot = mix(keys[j]) & mask;
            slots[j] = slot;
            firsts[j] = table[2 * slot];
            firsts[active + j] = table[2 * slot + 1];
        }
    }

    /** The transition on the edge {@code key}, or 0 if there is none. */
    private long probe(long key) {
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            long first = table[width * slot];
            if (first >>> keyShift == key) {
                return (long) slot << 32 | (table[width * slot + width - 1] & valueMask);
            }
            if (first == -1) {
                return 0;
            }
        }
    }

    /** Reports the matches noted by {@link #firstStep}, one token each. */
    private void emitFirst(long[] roots, Walks walks, MatchSink sink) {
        int[] matchStarts = walks.matchStarts;
        for (int m = 0, count = walks.matches; m < count; m++) {
            int start = matchStarts[m];
            emit((int) roots[start], start, start + 1, sink);
        }
    }

    /** Reports the matches noted by {@link #nextStep}, each {@code length} tokens long. */
    private void emitAll(Walks walks, int length, MatchSink sink) {
        int[] matchStarts = walks.matchStarts;
        int[] matchValues = walks.matchValues;
        for (int m = 0, count = walks.matches; m < count; m++) {
            emit(matchValues[m], matchStarts[m], matchStarts[m] + length, sink);
        }
    }

    private void emit(int value, int start, int end, MatchSink sink) {
        int output = value >>> FLAG_BITS;
        if ((value & MANY_OUTPUTS) == 0) {
            sink.accept(output, start, end);
            return;
        }
        for (int i = output + 1, to = output + 1 + outputs[output]; i < to; i++) {
            sink.accept(outputs[i], start, end);
        }
    }

    /**
     * A thread's scratch arrays for {@link #forEachMatch}: the walks of one depth (start token, transition), the
     * next edges' keys, first slots and their contents, and the matches of the last step (start token, state value).
     * Not thread-safe.
     */
    static final class Walks {
        int[] matchStarts = new int[0];
        int[] matchValues = new int[0];
        int matches;
        int[] starts = new int[0];
        long[] transitions = new long[0];
        long[] keys = new long[0];
        int[] slots = new int[0];
        long[] firsts = new long[0];

        void ensure(int size) {
            if (starts.length < size) {
                int capacity = Math.max(size, 2 * starts.length);
                starts = new int[capacity];
                matchStarts = new int[capacity];
                matchValues = new int[capacity];
                transitions = new long[capacity];
                keys = new long[capacity];
                slots = new int[capacity];
                firsts = new long[2 * capacity];
            }
        }
    }

    /**
     * The same trie with 16-byte slots (width 2), each edge in the same slot: what tries too large for 8-byte slots
     * get; for tests of that layout with small tries.
     */
    PhraseTrie widened() {
        if (width == 2) {
            return this;
        }
        long[] wide = new long[2 * table.length];
        for (int slot = 0; slot < table.length; slot++) {
            wide[2 * slot] = table[slot] == -1 ? -1 : table[slot] >>> keyShift;
            wide[2 * slot + 1] = table[slot] == -1 ? 0 : table[slot] & valueMask;
        }
        return new PhraseTrie(wide, outputs, termBits, 0, 2);
    }

    long ramBytes() {
        return 8L * table.length + 4L * outputs.length + 8L * edgeFilter.length;
    }
}
