package dev.quarry.service;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and latency histograms, written in the Prometheus text format (version 0.0.4). Endpoint labels
 * come from a fixed list (unknown paths count as {@code other}), so a scan of random URLs cannot grow the series
 * without bound. Thread-safe; recording is lock-free.
 */
final class Metrics {

    /** Histogram bucket bounds, in seconds, as written in the {@code le} labels. */
    private static final String[] BOUND_LABELS =
            {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5"};
    private static final double[] BOUNDS_SECONDS =
            java.util.Arrays.stream(BOUND_LABELS).mapToDouble(Double::parseDouble).toArray();

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BOUNDS_SECONDS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(long nanos) {
            double seconds = nanos / 1e9;
            int bucket = 0;
            while (bucket < BOUNDS_SECONDS.length && seconds > BOUNDS_SECONDS[bucket]) {
                bucket++;
            }
            buckets[bucket].increment();
            sumNanos.add(nanos);
        }
    }

    void record(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(endpoint + "\0" + status, k -> new LongAdder()).increment();
        latencies.computeIfAbsent(endpoint, k -> new Histogram()).record(nanos);
    }

    /**
     * The exposition text; {@code reloadsOk}, {@code reloadsFailed}, {@code patterns}, {@code model} (whether one is
     * served) and {@code training} (the annotation app's loop, null without one) are read by the caller.
     */
    String render(long reloadsOk, long reloadsFailed, int patterns, boolean model, ModelLoop.Status training) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "quarry_http_requests_total", "counter", "HTTP requests answered, by endpoint and status.");
        new TreeMap<>(requests).forEach((key, count) -> {
            String[] parts = key.split("\0");
            out.append("quarry_http_requests_total{endpoint=\"").append(parts[0]).append("\",status=\"")
                    .append(parts[1]).append("\"} ").append(count.sum()).append('\n');
        });
        header(out, "quarry_http_request_duration_seconds", "histogram",
                "Time from reading the request line to the end of the answer.");
        new TreeMap<>(latencies).forEach((endpoint, histogram) -> histogram(out, endpoint, histogram));
        header(out, "quarry_pattern_reloads_total", "counter", "Pattern reload attempts, by result.");
        out.append("quarry_pattern_reloads_total{result=\"ok\"} ").append(reloadsOk).append('\n');
        out.append("quarry_pattern_reloads_total{result=\"failed\"} ").append(reloadsFailed).append('\n');
        header(out, "quarry_patterns", "gauge", "Patterns in the set being served.");
        out.append("quarry_patterns ").append(patterns).append('\n');
        header(out, "quarry_model_loaded", "gauge", "1 while a model serves /v1/predict and /v1/analyze, else 0.");
        out.append("quarry_model_loaded ").append(model ? 1 : 0).append('\n');
        if (training != null) {
            header(out, "quarry_model_trainings_total", "counter", "Model trainings of the annotation app, by result.");
            out.append("quarry_model_trainings_total{result=\"ok\"} ").append(training.ok()).append('\n');
            out.append("quarry_model_trainings_total{result=\"failed\"} ").append(training.failed()).append('\n');
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void histogram(StringBuilder out, String endpoint, Histogram histogram) {
        String name = "quarry_http_request_duration_seconds";
        long cumulative = 0;
        for (int i = 0; i < histogram.buckets.length; i++) {
            cumulative += histogram.buckets[i].sum();
            String bound = i < BOUNDS_SECONDS.length ? BOUND_LABELS[i] : "+Inf";
            out.append(name).append("_bucket{endpoint=\"").append(endpoint).append("\",le=\"").append(bound)
                    .append("\"} ").append(cumulative).append('\n');
        }
        out.append(name).append("_sum{endpoint=\"").append(endpoint).append("\"} ")
                .append(String.format(Locale.ROOT, "%.6f", histogram.sumNanos.sum() / 1e9)).append('\n');
        out.append(name).append("_count{endpoint=\"").append(endpoint).append("\"} ").append(cumulative)
                .append('\n');
    }
}
