package dev.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static Throughput.Round round(long megabytes, double seconds, double cpuSeconds) {
        return new Throughput.Round(megabytes * 1_000_000, megabytes * 200_000, (long) (seconds * 1e9),
                (long) (cpuSeconds * 1e9));
    }

    @Test
    void ratesAreTheMedianAndRangeOfTheRounds() {
        Throughput.Rates rates = Throughput.Rates.of(List.of(round(10, 1, 0.5), round(30, 1, 1), round(20, 1, 1)));
        assertEquals(20.0, rates.mbMedian(), 1e-9);
        assertEquals(10.0, rates.mbMin(), 1e-9);
        assertEquals(30.0, rates.mbMax(), 1e-9);
        assertEquals(4.0, rates.mtokMedian(), 1e-9);
        assertEquals(20.0, rates.mbCpuMedian(), 1e-9);
    }

    @Test
    void evenRoundCountTakesTheMeanOfTheMiddleTwo() {
        Throughput.Rates rates = Throughput.Rates.of(List.of(round(10, 1, 1), round(20, 1, 1)));
        assertEquals(15.0, rates.mbMedian(), 1e-9);
    }

    @Test
    void roundScansAtLeastOneDocumentAndWrapsAround() throws Exception {
        Corpus corpus = new Corpus("t", new String[] {"ab", "cde"}, new int[] {2, 3}, new int[] {1, 1},
                new int[] {1, 1});
        Throughput.Round round = Throughput.round(String::length, corpus, corpus.quarryTokens(), 1, 0);
        assertEquals(3, round.bytes());
        assertEquals(1, round.tokens());
    }
}
