package dev.quarry.benchmarks.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load at a fixed concurrency: that many virtual threads, each making one call at a time, until the
 * requests are done or the time is up. Latency is per call, wall clock; p50/p99 are nearest-rank.
 */
final class Measure {

    /** What one request or call does; returns false for a failed request. */
    interface Call {
        boolean run(int index) throws Exception;
    }

    record Result(String what, int concurrency, int done, int failed, double seconds, long[] nanos) {
        String line() {
            Arrays.sort(nanos, 0, done);
            return String.format(Locale.ROOT, "%-9s %4d conn  %7d req  %9.0f req/s  p50 %7.3f ms  p99 %7.3f ms"
                    + "  failed %d", what, concurrency, done, done / seconds, percentile(0.50), percentile(0.99),
                    failed);
        }

        private double percentile(double p) {
            return done == 0 ? Double.NaN : nanos[Math.min(done - 1, (int) (p * done))] / 1e6;
        }
    }

    private Measure() {
    }

    /** A warm-up of up to 2,000 calls, then the measured run; prints and returns the measured line. */
    static String level(String what, int concurrency, int requests, double maxSeconds, Call call)
            throws InterruptedException {
        run(what, concurrency, Math.min(requests, 2_000), maxSeconds, call);
        String line = run(what, concurrency, requests, maxSeconds, call).line();
        System.out.println(line);
        return line;
    }

    static Result run(String what, int concurrency, int requests, double maxSeconds, Call call)
            throws InterruptedException {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + (long) (maxSeconds * 1e9);
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread.ofVirtual().start(() -> {
                try {
                    loop(call, nanos, next, done, failed, deadline);
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(what, concurrency, done.get(), (int) failed.get(), seconds, compact(nanos, next, done));
    }

    private static void loop(Call call, long[] nanos, AtomicInteger next, AtomicInteger done, AtomicLong failed,
                             long deadline) {
        for (int i = next.getAndIncrement(); i < nanos.length && System.nanoTime() < deadline;
             i = next.getAndIncrement()) {
            long start = System.nanoTime();
            boolean ok;
            try {
                ok = call.run(i);
            } catch (Exception e) {
                ok = false;
            }
            nanos[i] = System.nanoTime() - start;
            done.incrementAndGet();
            if (!ok) {
                failed.incrementAndGet();
            }
        }
    }

    /** The latencies of the requests that ran (a deadline can leave holes), packed to the front. */
    private static long[] compact(long[] nanos, AtomicInteger next, AtomicInteger done) {
        int ran = 0;
        long[] packed = new long[done.get()];
        for (int i = 0; i < Math.min(next.get(), nanos.length) && ran < packed.length; i++) {
            if (nanos[i] > 0) {
                packed[ran++] = nanos[i];
            }
        }
        return packed;
    }
}
