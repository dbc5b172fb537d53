package dev.quarry.matching;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.util.IntroSorter;

/**
 * Matches as (pattern, tokenStart, tokenEnd) triples in one int array, collected from a {@link MatchSink}, and the
 * overlap policies that choose among them, sorting the triples in place (no boxing). Not thread-safe: one per match
 * call.
 */
final class RawMatches implements MatchSink {

    private int[] triples;
    private int size;

    /** @param expected the number of matches to make room for at first */
    RawMatches(int expected) {
        triples = new int[3 * Math.max(16, expected)];
    }

    @Override
    public void accept(int patternIndex, int tokenStart, int tokenEnd) {
        if (size * 3 == triples.length) {
            triples = Arrays.copyOf(triples, triples.length * 2);
        }
        triples[size * 3] = patternIndex;
        triples[size * 3 + 1] = tokenStart;
        triples[size * 3 + 2] = tokenEnd;
        size++;
    }

    int size() {
        return size;
    }

    int pattern(int i) {
        return triples[i * 3];
    }

    int start(int i) {
        return triples[i * 3 + 1];
    }

    int end(int i) {
        return triples[i * 3 + 2];
    }

    /**
     * Keeps the matches the policy allows and sorts them for output: by start, longer first, then pattern order.
     * Afterwards {@link #size()} and the accessors see only the kept matches.
     *
     * @param labelRank for {@link Overlap#PRIORITY}: the rank of a pattern's label, lower wins
     */
    void select(Overlap overlap, IntUnaryOperator labelRank) {
        switch (overlap) {
            case ALL -> { }
            case LONGEST -> greedy(new Order(null));
            case PRIORITY -> greedy(new Order(labelRank));
        }
        new Order(null).byStart().sort(0, size);
    }

    /** Takes matches in the order's ranking, skipping any that shares a token with one taken already. */
    private void greedy(Order ranking) {
        ranking.sort(0, size);
        BitSet taken = new BitSet();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int start = start(i);
            int end = end(i);
            int next = taken.nextSetBit(start);
            if (next < 0 || next >= end) {
                taken.set(start, end);
                System.arraycopy(triples, i * 3, triples, kept * 3, 3);
                kept++;
            }
        }
        size = kept;
    }

    /**
     * Sorts the triples: by label rank (when given), then longer first, then earlier, then pattern order; or, after
     * {@link #byStart()}, by start, then longer first, then pattern order.
     */
    private final class Order extends IntroSorter {
        private final IntUnaryOperator labelRank;
        private boolean byStart;
        private final int[] pivot = new int[3];

        Order(IntUnaryOperator labelRank) {
            this.labelRank = labelRank;
        }

        Order byStart() {
            byStart = true;
            return this;
        }

        @Override
        protected int compare(int i, int j) {
            return compare(triples[i * 3], triples[i * 3 + 1], triples[i * 3 + 2], j);
        }

        private int compare(int pattern, int start, int end, int j) {
            int c = labelRank == null ? 0
                    : Integer.compare(labelRank.applyAsInt(pattern), labelRank.applyAsInt(pattern(j)));
            if (c == 0 && byStart) {
                c = Integer.compare(start, start(j));
            }
            if (c == 0) {
                c = Integer.compare(end(j) - start(j), end - start);
            }
            if (c == 0) {
                c = Integer.compare(start, start(j));
            }
            return c != 0 ? c : Integer.compare(pattern, pattern(j));
        }

        @Override
        protected void swap(int i, int j) {
            for (int k = 0; k < 3; k++) {
                int t = triples[i * 3 + k];
                triples[i * 3 + k] = triples[j * 3 + k];
                triples[j * 3 + k] = t;
            }
        }

        @Override
        protected void setPivot(int i) {
            System.arraycopy(triples, i * 3, pivot, 0, 3);
        }

        @Override
        protected int comparePivot(int j) {
            return compare(pivot[0], pivot[1], pivot[2], j);
        }
    }
}
