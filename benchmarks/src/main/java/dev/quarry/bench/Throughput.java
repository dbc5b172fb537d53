package dev.quarry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Timed loops over a corpus. A round scans documents in order, wrapping around, until its time is up (checked after
 * each document), so a slow peer covers a prefix of the (shuffled) corpus and a fast one several passes.
 */
final class Throughput {

    /** Keeps the JIT from dropping the scans. */
    static volatile long sink;

    private Throughput() {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Work done in one round: UTF-8 bytes, tokens (Quarry's, or Lucene's for the Lucene floor), wall-clock nanoseconds
     * and the CPU nanoseconds of the scanning thread(s).
     */
    record Round(long bytes, long tokens, long nanos, long cpuNanos) {
        double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }

        /** Per CPU-second of the scanning thread: what a shared machine takes away is not counted. */
        double megabytesPerCpuSecond() {
            return bytes / 1e6 / (cpuNanos / 1e9);
        }

        double megatokensPerSecond() {
            return tokens / 1e6 / (nanos / 1e9);
        }
    }

    /** Median, min and max of the rounds' wall-clock rates, median of their CPU-time rates. */
    record Rates(double mbMedian, double mbMin, double mbMax, double mtokMedian, double mbCpuMedian, int rounds) {
        static Rates of(List<Round> rounds) {
            double[] mb = rounds.stream().mapToDouble(Round::megabytesPerSecond).sorted().toArray();
            double[] mt = rounds.stream().mapToDouble(Round::megatokensPerSecond).sorted().toArray();
            double[] cpu = rounds.stream().mapToDouble(Round::megabytesPerCpuSecond).sorted().toArray();
            return new Rates(median(mb), mb[0], mb[mb.length - 1], median(mt), median(cpu), mb.length);
        }

        private static double median(double[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f MB/s [%.2f-%.2f], %.3f Mtok/s, %.2f MB per CPU s", mbMedian,
                    mbMin, mbMax, mtokMedian, mbCpuMedian);
        }
    }

    static Round round(Peer.Scanner scanner, Corpus corpus, int[] tokens, int start, long budgetNanos)
            throws IOException {
        long bytes = 0;
        long tokenCount = 0;
        long found = 0;
        int i = start;
        int n = corpus.size();
        long cpuBegin = THREADS.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        long elapsed;
        do {
            found += scanner.scan(corpus.docs()[i]);
            bytes += corpus.utf8Bytes()[i];
            tokenCount += tokens[i];
            i = i + 1 == n ? 0 : i + 1;
            elapsed = System.nanoTime() - begin;
        } while (elapsed < budgetNanos);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBegin;
        sink += found;
        return new Round(bytes, tokenCount, elapsed, cpu);
    }

    static Rates singleThread(Peer peer, Corpus corpus, int[] tokens, Settings settings) throws IOException {
        Peer.Scanner scanner = peer.scanner();
        round(scanner, corpus, tokens, 0, settings.warmupNanos());
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < settings.rounds(); r++) {
            rounds.add(round(scanner, corpus, tokens, r * corpus.size() / settings.rounds(), settings.roundNanos()));
        }
        return Rates.of(rounds);
    }

    /** All threads run a round at once, each from its own start document; the round's rate is their sum. */
    static Rates allThreads(Peer peer, Corpus corpus, int[] tokens, Settings settings, int threads)
            throws IOException {
        Peer.Scanner[] scanners = new Peer.Scanner[threads];
        for (int t = 0; t < threads; t++) {
            scanners[t] = peer.scanner();
        }
        parallelRound(scanners, corpus, tokens, settings.warmupNanos() / 2, 0);
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < settings.rounds(); r++) {
            rounds.add(parallelRound(scanners, corpus, tokens, settings.roundNanos(), r));
        }
        return Rates.of(rounds);
    }

    private static Round parallelRound(Peer.Scanner[] scanners, Corpus corpus, int[] tokens, long budgetNanos,
            int roundIndex) {
        int threads = scanners.length;
        Round[] results = new Round[threads];
        Throwable[] failures = new Throwable[threads];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            int start = (int) ((long) corpus.size() * (thread * 2 + roundIndex) / (threads * 2L + 1)) % corpus.size();
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    results[thread] = round(scanners[thread], corpus, tokens, start, budgetNanos);
                } catch (Throwable e) {
                    failures[thread] = e;
                }
            }, "bench-" + t);
            worker.start();
            running.add(worker);
        }
        go.countDown();
        joinAll(running);
        return sum(results, failures);
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static Round sum(Round[] results, Throwable[] failures) {
        for (Throwable failure : failures) {
            if (failure != null) {
                throw failure instanceof IOException io ? new UncheckedIOException(io)
                        : new IllegalStateException("a scanning thread failed", failure);
            }
        }
        long bytes = Arrays.stream(results).mapToLong(Round::bytes).sum();
        long tokens = Arrays.stream(results).mapToLong(Round::tokens).sum();
        long nanos = Arrays.stream(results).mapToLong(Round::nanos).max().orElseThrow();
        long cpuNanos = Arrays.stream(results).mapToLong(Round::cpuNanos).sum() / results.length;
        return new Round(bytes, tokens, nanos, cpuNanos);
    }

    /** Matches (or tokens) over a whole corpus, once, untimed. */
    static long count(Peer.Scanner scanner, Corpus corpus) throws IOException {
        long sum = 0;
        for (String doc : corpus.docs()) {
            sum += scanner.scan(doc);
        }
        return sum;
    }

    /** How long to warm up and to time each round, and how many rounds. */
    record Settings(int rounds, double roundSeconds, double warmupSeconds) {
        long roundNanos() {
            return (long) (roundSeconds * 1e9);
        }

        long warmupNanos() {
            return (long) (warmupSeconds * 1e9);
        }
    }
}
