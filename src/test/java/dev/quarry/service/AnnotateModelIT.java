package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.TinyModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotation app with a model in the loop, against a running server and a real SQLite dataset. */
class AnnotateModelIT {

    private static final List<String> LABELS = List.of("PER", "LOC");

    @TempDir
    Path dir;

    private Annotating app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** "PERSON visited CITY." texts, all different. */
    private static List<Object> visits(int count, long seed) {
        Random random = new Random(seed);
        Set<String> texts = new java.util.LinkedHashSet<>();
        while (texts.size() < count) {
            texts.add(TinyModels.PEOPLE.get(random.nextInt(6)) + " visited " + TinyModels.CITIES.get(random.nextInt(6))
                    + (random.nextBoolean() ? " again." : " today."));
        }
        return new ArrayList<>(texts);
    }

    /** The right spans of a visit text, as an answer's "spans" field. */
    private static String goldSpans(String text) {
        int space = text.indexOf(' ');
        int city = text.indexOf("visited ") + "visited ".length();
        int cityEnd = text.indexOf(' ', city);
        return "\"spans\": [{\"start\": 0, \"end\": " + space + ", \"label\": \"PER\"}, {\"start\": " + city
                + ", \"end\": " + cityEnd + ", \"label\": \"LOC\"}]";
    }

    private Annotating start(Path model, boolean withPatterns, UnaryOperator<AnnotateOptions> tweak, int texts)
            throws Exception {
        app = Annotating.start(dir, visits(texts, 3), withPatterns, model, AnnotateOptions.Kind.NER, LABELS, tweak);
        return app;
    }

    /** Answers the session's next task with the gold spans; returns the task answered, or null when none is left. */
    private JsonNode answerNext(String session) {
        JsonNode next = app.next(session);
        if (next.get("task").isNull()) {
            return null;
        }
        String text = next.get("task").get("text").asText();
        app.answered(session, next.get("task_id").asLong(), "accept", goldSpans(text));
        return next.get("task");
    }

    /** Waits (up to 60 s) until the progress reports {@code trainings} finished trainings, ok or failed. */
    private JsonNode awaitTrainings(int trainings) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode model = app.get("/v1/annotate/progress").json().get("model");
            JsonNode retrain = model.get("retrain");
            if (retrain.get("ok").asInt() + retrain.get("failed").asInt() >= trainings
                    && !retrain.get("training").asBoolean()) {
                return model;
            }
            assertTrue(System.nanoTime() < deadline, "no training within 60 s: " + model);
            Thread.sleep(20);
        }
    }

    private static List<JsonNode> modelSpans(JsonNode task) {
        List<JsonNode> spans = new ArrayList<>();
        task.path("spans").forEach(span -> {
            if (span.path("origin").asText().equals("model")) {
                spans.add(span);
            }
        });
        return spans;
    }

    @Test
    void afterEnoughAnswersAModelIsTrainedAndLaterTasksCarryItsSuggestions() throws Exception {
        start(null, false, options -> options.withRetrainEvery(6), 30);
        JsonNode before = app.get("/v1/annotate/progress").json().get("model");
        assertTrue(before.get("version").isNull(), before.toString());
        for (int i = 0; i < 6; i++) {
            assertTrue(modelSpans(answerNext("alice")).isEmpty(), "no model yet");
        }
        JsonNode model = awaitTrainings(1);
        assertEquals(1, model.get("retrain").get("ok").asInt(), model.toString());
        assertEquals("none+r1", model.get("version").asText());
        JsonNode last = model.get("retrain").get("last");
        assertTrue(last.get("ok").asBoolean());
        assertEquals(6, last.get("examples").get("ner_complete").asInt(), last.toString());
        assertTrue(app.running.log.toString().contains("quarry: retrained the ner model on dataset \"news\""),
                app.running.log.toString());
        int withSuggestions = 0;
        for (int i = 0; i < 5; i++) {
            JsonNode task = answerNext("alice");
            for (JsonNode span : modelSpans(task)) {
                assertTrue(LABELS.contains(span.get("label").asText()), span.toString());
                assertTrue(span.get("score").doubleValue() > 0 && span.get("score").doubleValue() <= 1);
            }
            withSuggestions += modelSpans(task).isEmpty() ? 0 : 1;
        }
        assertTrue(withSuggestions >= 3, "tasks with model suggestions after the training: " + withSuggestions);
    }

    @Test
    void answersDuringATrainingAreSafeAndCountTowardsTheNext() throws Exception {
        start(null, false, options -> options.withRetrainEvery(3).withWindow(5), 40);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> annotators = new ArrayList<>();
        for (String session : List.of("alice", "bob", "carol")) {
            annotators.add(Thread.ofVirtual().start(() -> {
                try {
                    for (JsonNode task = answerNext(session); task != null; task = answerNext(session)) {
                        if (!answered.add(task.get("text").asText())) {
                            failures.add("asked twice: " + task);
                        }
                    }
                } catch (RuntimeException | AssertionError e) {
                    failures.add(session + ": " + e);
                }
            }));
        }
        for (Thread annotator : annotators) {
            annotator.join(Duration.ofSeconds(120));
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(40, answered.size(), "every text answered once");
        assertEquals(40, app.examples().size());
        JsonNode model = awaitTrainings(1);
        JsonNode retrain = model.get("retrain");
        assertTrue(retrain.get("ok").asInt() >= 1, model.toString());
        assertEquals(0, retrain.get("failed").asInt(), model.toString());
        assertTrue(retrain.get("ok").asInt() <= 40 / 3, model.toString());
        assertTrue(model.get("version").asText().startsWith("none+r"), model.toString());
        String metrics = app.get("/metrics").body();
        assertTrue(metrics.contains("quarry_model_trainings_total{result=\"ok\"} "), metrics);
    }

    @Test
    void aFailedTrainingKeepsTheModelAndIsReported() throws Exception {
        Path model = dir.resolve("model");
        TinyModels.full().save(model);
        start(model, false, options -> options.withRetrainEvery(2), 10);
        String version = app.get("/v1/annotate/progress").json().get("model").get("version").asText();
        for (int i = 0; i < 2; i++) {
            JsonNode next = app.next("alice");
            app.answered("alice", next.get("task_id").asLong(), "accept", "\"spans\": []");
        }
        JsonNode progress = awaitTrainings(1);
        JsonNode last = progress.get("retrain").get("last");
        assertFalse(last.get("ok").asBoolean());
        assertEquals("IllegalArgumentException: no entity spans in 2 training examples", last.get("error").asText());
        assertEquals(version, last.get("version").asText());
        assertEquals(version, progress.get("version").asText(), "the old model stays");
        assertTrue(app.running.log.toString().contains("quarry: retraining failed, keeping model " + version
                + ": IllegalArgumentException: no entity spans in 2 training examples"), app.running.log.toString());
        assertFalse(modelSpans(app.next("alice").get("task")).isEmpty(), "the server goes on suggesting");
    }

    @Test
    void manualTasksShowTheModelsSpansMarkedWithTheirScore() throws Exception {
        Path model = dir.resolve("model");
        TinyModels.full().save(model);
        start(model, false, options -> options, 4);
        JsonNode task = app.next("alice").get("task");
        List<JsonNode> spans = modelSpans(task);
        assertEquals(List.of("PER", "LOC"), spans.stream().limit(2).map(s -> s.get("label").asText()).toList(),
                task.toString());
        assertEquals(task.get("spans").size(), spans.size(), "no patterns here: every span is the model's");
        spans.forEach(span -> assertTrue(span.get("score").isNumber(), span.toString()));
        assertEquals(2, task.get("cats").size());
        JsonNode progress = app.get("/v1/annotate/progress").json().get("model");
        assertEquals(running().get("/v1/health").json().get("model").get("version"), progress.get("version"));
        assertNull(progress.get("retrain"), "no retraining asked for");
    }

    @Test
    void binaryTasksOfferModelSpansOneAtATime() throws Exception {
        Path model = dir.resolve("model");
        TinyModels.full().save(model);
        start(model, false, options -> options.withMode(AnnotateOptions.Mode.BINARY), 3);
        Set<String> origins = new HashSet<>();
        for (JsonNode next = app.next("alice"); !next.get("task").isNull(); next = app.next("alice")) {
            JsonNode spans = next.get("task").get("spans");
            assertEquals(1, spans.size(), next.toString());
            origins.add(spans.get(0).get("origin").asText());
            app.answered("alice", next.get("task_id").asLong(), "reject", "");
        }
        assertTrue(origins.contains("model"), origins.toString());
    }

    private RunningService running() {
        return app.running;
    }
}
