package dev.quarry.matching;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Matches as (pattern, tokenStart, tokenEnd) triples in one int array, collected from a {@link MatchSink}, and the
 * overlap policies that choose among them. Not thread-safe: one per match call.
 */
final class RawMatches implements MatchSink {

    private int[] triples = new int[48];
    private int size;

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

    int pattern(int i) {
        return triples[i * 3];
    }

    int start(int i) {
        return triples[i * 3 + 1];
    }

    int end(int i) {
        return triples[i * 3 + 2];
    }

    private int length(int i) {
        return end(i) - start(i);
    }

    /**
     * The indices of the matches the policy keeps, in output order: by start, longer first, then pattern order.
     *
     * @param labelRank for {@link Overlap#PRIORITY}: the rank of a pattern's label, lower wins
     */
    int[] select(Overlap overlap, IntUnaryOperator labelRank) {
        Comparator<Integer> longestFirst = Comparator.<Integer>comparingInt(i -> -length(i))
                .thenComparingInt(this::start).thenComparingInt(this::pattern);
        int[] kept = switch (overlap) {
            case ALL -> IntStream.range(0, size).toArray();
            case LONGEST -> greedy(longestFirst);
            case PRIORITY -> greedy(Comparator.<Integer>comparingInt(i -> labelRank.applyAsInt(pattern(i)))
                    .thenComparing(longestFirst));
        };
        return IntStream.of(kept).boxed().sorted(Comparator.<Integer>comparingInt(this::start)
                .thenComparingInt(i -> -length(i)).thenComparingInt(this::pattern)).mapToInt(Integer::intValue)
                .toArray();
    }

    /** Takes matches in the given order, skipping any that shares a token with one already taken. */
    private int[] greedy(Comparator<Integer> order) {
        List<Integer> ranked = IntStream.range(0, size).boxed().sorted(order).toList();
        BitSet taken = new BitSet();
        int[] kept = new int[size];
        int count = 0;
        for (int i : ranked) {
            int next = taken.nextSetBit(start(i));
            if (next < 0 || next >= end(i)) {
                taken.set(start(i), end(i));
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }
}
