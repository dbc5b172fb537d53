package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests keep coming from 8 virtual threads while the pattern file is rewritten with good sets and one broken set.
 * Every set labels all three of its patterns with its own name, so an answer from a whole set has three pattern spans
 * with one label; an answer from a half-loaded or mixed set could not. Once for {@code /v1/match}, once for
 * {@code /v1/analyze} over a model package (whose NER may add spans of its own, which are not counted).
 */
class ReloadUnderLoadIT {

    private static final int THREADS = 8;
    private static final int MAX_REQUESTS = 2_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(8);
    private static final String TEXT = "\"flu, fever and a dry cough\"";

    @TempDir
    Path dir;

    private static String set(String label) {
        StringBuilder out = new StringBuilder();
        for (String phrase : List.of("flu", "fever", "dry cough")) {
            out.append("{\"label\": \"").append(label).append("\", \"pattern\": \"").append(phrase).append("\"}\n");
        }
        return out.toString();
    }

    @Test
    void noRequestFailsOrSeesAMixedOrBrokenSetWhilePatternsReload() throws Exception {
        underLoad("/v1/match", options -> options);
    }

    @Test
    void noAnalyzeRequestFailsOrSeesAMixedOrBrokenSetWhilePatternsReload() throws Exception {
        Path model = dir.resolve("model");
        dev.quarry.model.TinyModels.full().save(model);
        Path patterns = dir.resolve("patterns");
        Files.createDirectories(patterns);
        dir = patterns;
        underLoad("/v1/analyze", options -> options.withModel(model));
    }

    private void underLoad(String endpoint, java.util.function.UnaryOperator<ServiceOptions> tweak) throws Exception {
        Path file = dir.resolve("sets.jsonl");
        Files.writeString(file, set("V0"), StandardCharsets.UTF_8);
        try (RunningService running = RunningService.start(dir, tweak::apply)) {
            Load load = new Load(running, endpoint);
            load.start();
            rewrite(running, file, load);
            load.finish();

            JsonNode reloads = running.get("/v1/health").json().get("reloads");
            System.out.println("reload under load, " + endpoint + ": " + Math.min(load.requests.get(), MAX_REQUESTS)
                    + " requests, reloads " + reloads + ", sets seen " + load.labels);
            assertEquals(List.of(), List.copyOf(load.failures), "failed or inconsistent answers");
            assertTrue(load.requests.get() >= THREADS, "requests made: " + load.requests.get());
            assertFalse(load.labels.contains("BROKEN"));
            assertTrue(load.labels.size() >= 2, "sets seen under load: " + load.labels);
            assertTrue(reloads.get("ok").asInt() >= 2, reloads.toString());
            assertTrue(reloads.get("failed").asInt() >= 1, reloads.toString());
        }
    }

    /** Rewrites the file (V1, BROKEN, V2, V3, BROKEN, ...) until the load is done, each time until it reloaded. */
    private static void rewrite(RunningService running, Path file, Load load) throws Exception {
        int ok = 0;
        int failed = 0;
        for (int step = 1; !load.isDone(); step++) {
            boolean broken = step % 3 == 2;
            String label = broken ? "BROKEN" : "V" + step;
            String bad = "{\"label\": \"BROKEN\", \"pattern\": 7}\n";
            RunningService.replace(file, broken ? set(label) + bad : set(label));
            running.awaitReloads(broken ? ok : ++ok, broken ? ++failed : failed);
            Thread.sleep(20);
        }
    }

    /** The request loop: bounded in count and time; records every failure and inconsistency. */
    private static final class Load {
        final RunningService running;
        final String endpoint;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Set<String> labels = ConcurrentHashMap.newKeySet();
        final Map<String, String> labelByVersion = new ConcurrentHashMap<>();
        final CountDownLatch done = new CountDownLatch(THREADS);
        final long deadline = System.nanoTime() + MAX_TIME.toNanos();

        Load(RunningService running, String endpoint) {
            this.running = running;
            this.endpoint = endpoint;
        }

        void start() {
            for (int t = 0; t < THREADS; t++) {
                boolean batch = t % 2 == 0;
                Thread.ofVirtual().start(() -> loop(batch));
            }
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        void finish() throws InterruptedException {
            stop.set(true);
            assertTrue(done.await(MAX_TIME.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS));
        }

        private void loop(boolean batch) {
            try {
                while (!stop.get() && requests.incrementAndGet() <= MAX_REQUESTS && System.nanoTime() < deadline) {
                    check(batch ? running.post(endpoint, "{\"texts\": [" + TEXT + ", " + TEXT + "]}")
                            : running.post(endpoint, "{\"text\": " + TEXT + "}"));
                }
            } catch (RuntimeException e) {
                failures.add("request threw " + e);
            } finally {
                done.countDown();
            }
        }

        private void check(RunningService.Reply reply) {
            if (reply.status() != 200) {
                failures.add(reply.status() + " " + reply.body());
                return;
            }
            JsonNode answer = reply.json();
            List<JsonNode> spanLists = new ArrayList<>();
            if (answer.has("results")) {
                answer.get("results").forEach(result -> spanLists.add(result.get("spans")));
            } else {
                spanLists.add(answer.get("spans"));
            }
            Set<String> seen = new TreeSet<>();
            for (JsonNode spans : spanLists) {
                List<JsonNode> matches = new ArrayList<>();
                if (spans != null) {
                    spans.forEach(span -> {
                        if (span.path("origin").asText("pattern").equals("pattern")) {
                            matches.add(span);
                        }
                    });
                }
                if (matches.size() != 3) {
                    failures.add("not a whole set: " + reply.body());
                    return;
                }
                matches.forEach(span -> seen.add(span.get("label").asText()));
            }
            if (seen.size() != 1) {
                failures.add("labels of more than one set in one answer: " + reply.body());
                return;
            }
            String label = seen.iterator().next();
            labels.add(label);
            String before = labelByVersion.putIfAbsent(answer.get("patterns_version").asText(), label);
            if (before != null && !before.equals(label)) {
                failures.add("version " + answer.get("patterns_version") + " served " + before + " and " + label);
            }
        }
    }
}
