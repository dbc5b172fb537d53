package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.datasets.Example;
import dev.quarry.streams.Answer;
import dev.quarry.text.Tokenizer;
import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.DatasetExamples;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.SpanAlignment;
import dev.quarry.training.TrainingExamples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotation app's API against a running server and a real SQLite dataset. */
class AnnotateIT {

    @TempDir
    Path dir;

    private Annotating app;

    private Annotating start(AnnotateOptions.Kind kind, List<String> labels, UnaryOperator<AnnotateOptions> tweak)
            throws Exception {
        app = Annotating.start(dir, Annotating.TEXTS, true, kind, labels, tweak);
        return app;
    }

    private Annotating manual() throws Exception {
        return start(AnnotateOptions.Kind.NER, List.of(), options -> options);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Answers every task the session gets with {@code answer} (manual: the suggestions); returns the keys. */
    private static List<Long> answerAll(Annotating app, String session, String extra) {
        List<Long> keys = new ArrayList<>();
        for (JsonNode next = app.next(session); !next.get("task").isNull(); next = app.next(session)) {
            keys.add(next.get("task_id").asLong());
            app.answered(session, next.get("task_id").asLong(), "accept", extra);
        }
        return keys;
    }

    @Test
    void askingAgainGivesTheSameTaskAndAnotherSessionGetsAnother() throws Exception {
        Annotating app = manual();
        JsonNode first = app.next("alice");
        assertEquals(first, app.next("alice"));
        assertNotEquals(first.get("task_id"), app.next("bob").get("task_id"));
        assertEquals(2, app.get("/v1/annotate/progress").json().get("reserved").asInt());
    }

    @Test
    void manualTasksCarryTokensAndSuggestionsPatternHitsFirst() throws Exception {
        JsonNode task = manual().next("alice").get("task");
        assertEquals("Flu is back, and measles too.", task.get("text").asText());
        assertEquals("[{\"start\":0,\"end\":3,\"token_start\":0,\"token_end\":0,\"label\":\"DISEASE\","
                + "\"pattern_id\":\"flu\",\"source\":\"" + dir.resolve("patterns.jsonl") + ":1\"},"
                + "{\"start\":17,\"end\":24,\"token_start\":5,\"token_end\":5,\"label\":\"DISEASE\","
                + "\"source\":\"" + dir.resolve("patterns.jsonl") + ":2\"}]", task.get("spans").toString());
        assertEquals("{\"text\":\"measles\",\"start\":17,\"end\":24,\"id\":5,\"ws\":true}",
                task.get("tokens").get(5).toString());
        assertEquals(task.get("_input_hash"), app.next("alice").get("task_id"));
    }

    @Test
    void answerIsInTheDatasetWhenTheReplyComesWithViewIdSessionAndTokenOffsets() throws Exception {
        Annotating app = manual();
        long key = app.next("alice").get("task_id").asLong();
        app.clock.advance(Duration.ofSeconds(5));
        JsonNode reply = app.answered("alice", key, "accept",
                "\"spans\": [{\"start\": 17, \"end\": 24, \"label\": \"DISEASE\"}, "
                        + "{\"start\": 7, \"end\": 11, \"label\": \"ORG\"}]");
        assertEquals("{\"answered\":1,\"session\":1,\"left\":null,\"reserved\":0,\"model\":null}",
                reply.get("progress").toString());
        List<Example> stored = app.examples();
        assertEquals(1, stored.size());
        Example example = stored.get(0);
        assertEquals(Answer.ACCEPT, example.answer());
        assertEquals("alice", example.session());
        assertEquals(key, example.inputHash());
        assertEquals("ner_manual", example.task().get("_view_id").asText());
        assertEquals("news-alice", example.task().get("_session_id").asText());
        assertEquals(app.clock.instant().getEpochSecond(), example.task().get("_timestamp").asLong());
        assertEquals("[{\"start\":7,\"end\":11,\"token_start\":2,\"token_end\":2,\"label\":\"ORG\"},"
                + "{\"start\":17,\"end\":24,\"token_start\":5,\"token_end\":5,\"label\":\"DISEASE\","
                + "\"source\":\"" + dir.resolve("patterns.jsonl") + ":2\"}]",
                example.task().get("spans").toString());
    }

    @Test
    void answeredTasksAreNeverAskedAgainInAnySessionNorAfterARestart() throws Exception {
        Annotating app = manual();
        Set<Long> alice = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            long key = app.next("alice").get("task_id").asLong();
            alice.add(key);
            app.answered("alice", key, i == 0 ? "ignore" : "reject", "");
        }
        app.restart();
        List<Long> bob = answerAll(app, "bob", "\"spans\": []");
        assertEquals(3, bob.size());
        assertTrue(bob.stream().noneMatch(alice::contains), "bob got one of alice's tasks: " + bob);
        app.restart();
        assertTrue(app.next("carol").get("task").isNull());
        assertEquals("{\"answered\":5,\"session\":0,\"left\":0,\"reserved\":0,\"model\":null}",
                app.get("/v1/annotate/progress?session=carol").body());
    }

    @Test
    void progressKnowsWhatIsLeftOnceTheStreamHasBeenRead() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.NER, List.of(), options -> options.withWindow(1));
        app.answered("alice", app.next("alice").get("task_id").asLong(), "ignore", "");
        assertEquals("null", app.get("/v1/annotate/progress").json().get("left").toString());
        List<Long> keys = answerAll(app, "alice", "\"spans\": []");
        assertEquals(4, keys.size());
        assertEquals("{\"answered\":5,\"session\":5,\"left\":0,\"reserved\":0,\"model\":null}",
                app.get("/v1/annotate/progress?session=alice").body());
    }

    @Test
    void undoAppendsAnIgnoreAndAsksTheSameTaskAgainFirst() throws Exception {
        Annotating app = manual();
        long first = app.next("alice").get("task_id").asLong();
        app.answered("alice", first, "accept", "\"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"DISEASE\"}]");
        long second = app.next("alice").get("task_id").asLong();
        JsonNode undone = app.post("/v1/annotate/undo", "{\"session\": \"alice\"}").json();
        assertEquals(first, undone.get("task_id").asLong());
        assertEquals("{\"answer\":\"accept\",\"spans\":[{\"start\":0,\"end\":3,\"token_start\":0,\"token_end\":0,"
                + "\"label\":\"DISEASE\",\"pattern_id\":\"flu\",\"source\":\"" + dir.resolve("patterns.jsonl")
                + ":1\"}]}", undone.get("previous").toString());
        assertEquals(0, undone.get("progress").get("answered").asInt());
        assertEquals(first, app.next("alice").get("task_id").asLong());
        app.answered("alice", first, "reject", "");
        assertEquals(second, app.next("alice").get("task_id").asLong());

        List<Example> stored = app.examples();
        assertEquals(List.of(Answer.ACCEPT, Answer.IGNORE, Answer.REJECT), stored.stream().map(Example::answer)
                .toList());
        assertTrue(stored.get(1).task().get("_undo").asBoolean());
        assertEquals(stored.get(0).task().without("answer").without("_timestamp"),
                stored.get(1).task().without("answer").without("_timestamp").without("_undo"));
        try (Stream<Example> latest = app.database.latest(Annotating.DATASET)) {
            assertEquals(List.of(Answer.REJECT), latest.map(Example::answer).toList());
        }
    }

    @Test
    void anUndoneTaskIsAskedAgainAfterARestartAndUndoDoesNotOutliveTheRun() throws Exception {
        Annotating app = manual();
        long first = app.next("alice").get("task_id").asLong();
        app.answered("alice", first, "ignore", "");
        app.post("/v1/annotate/undo", "{\"session\": \"alice\"}");
        app.restart();
        assertEquals(first, app.next("alice").get("task_id").asLong());
        RunningService.Reply undo = app.post("/v1/annotate/undo", "{\"session\": \"alice\"}");
        assertEquals(409, undo.status());
        assertEquals("nothing_to_undo", undo.json().get("code").asText());
    }

    @Test
    void aReservationTimesOutToTheNextSessionAndTheFirstOneIsThenStale() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.NER, List.of(),
                options -> options.withReservation(Duration.ofSeconds(60)));
        long key = app.next("alice").get("task_id").asLong();
        app.clock.advance(Duration.ofSeconds(59));
        assertNotEquals(key, app.next("bob").get("task_id").asLong());
        app.clock.advance(Duration.ofSeconds(2));
        assertEquals(key, app.next("carol").get("task_id").asLong());
        RunningService.Reply late = app.answer("alice", key, "ignore", "");
        assertEquals(409, late.status());
        assertEquals("{\"code\":\"stale_session\",\"message\":\"task " + key + " was reserved for session \\\"alice\\\""
                + " for 60 s, timed out and is now reserved for another session; ask GET /v1/annotate/next for a "
                + "new task\"}", late.body());
        app.answered("carol", key, "ignore", "");
        assertEquals(1, app.examples().size());
    }

    @Test
    void askingAgainStartsTheReservationAgain() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.NER, List.of(),
                options -> options.withReservation(Duration.ofSeconds(60)));
        long key = app.next("alice").get("task_id").asLong();
        app.clock.advance(Duration.ofSeconds(50));
        assertEquals(key, app.next("alice").get("task_id").asLong());
        app.clock.advance(Duration.ofSeconds(50));
        assertNotEquals(key, app.next("bob").get("task_id").asLong());
        app.answered("alice", key, "ignore", "");
    }

    @Test
    void aTimedOutTaskCanStillBeAnsweredWhileNoOtherSessionHasIt() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.NER, List.of(),
                options -> options.withReservation(Duration.ofSeconds(60)));
        long key = app.next("alice").get("task_id").asLong();
        app.clock.advance(Duration.ofSeconds(61));
        app.answered("alice", key, "reject", "");
        assertNotEquals(key, app.next("bob").get("task_id").asLong());
    }

    @Test
    void binaryNerAsksAboutEachSuggestedSpanOnceKeyedByTaskHash() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.NER, List.of("DISEASE"),
                options -> options.withMode(AnnotateOptions.Mode.BINARY));
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode next = app.next("alice"); !next.get("task").isNull(); next = app.next("alice")) {
            tasks.add(next.get("task"));
            assertEquals(next.get("task").get("_task_hash"), next.get("task_id"));
            app.answered("alice", next.get("task_id").asLong(), tasks.size() % 2 == 0 ? "reject" : "accept", "");
        }
        assertEquals(List.of("Flu is back, and measles too.|Flu", "Flu is back, and measles too.|measles",
                "The WHO warned about flu.|flu", "Measles cases rose again.|Measles"), tasks.stream()
                .map(task -> task.get("text").asText() + "|" + task.get("text").asText().substring(
                        task.get("spans").get(0).get("start").asInt(), task.get("spans").get(0).get("end").asInt()))
                .toList());
        assertTrue(app.examples().stream().allMatch(e -> e.task().get("_view_id").asText().equals("binary")));
        app.restart();
        assertTrue(app.next("bob").get("task").isNull());
    }

    @Test
    void aRelabelAfterAnUndoIsTheOneAnswerToTheQuestionAndTrainsAsAnAcceptOfTheNamedLabel() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.NER, List.of("DISEASE", "ORG"),
                options -> options.withMode(AnnotateOptions.Mode.BINARY));
        long key = app.next("alice").get("task_id").asLong();
        app.answered("alice", key, "accept", "");
        app.post("/v1/annotate/undo", "{\"session\": \"alice\"}");
        JsonNode reply = app.answered("alice", key, "accept", "\"label\": \"ORG\"");
        assertEquals("accept", reply.get("answer").asText());
        JsonNode undone = app.post("/v1/annotate/undo", "{\"session\": \"alice\"}").json();
        assertEquals(key, undone.get("task_id").asLong());
        assertEquals("{\"answer\":\"accept\",\"spans\":[{\"start\":0,\"end\":3,\"token_start\":0,\"token_end\":0,"
                + "\"label\":\"ORG\"}]}", undone.get("previous").toString());
        assertEquals("DISEASE", undone.get("task").get("spans").get(0).get("label").asText(), "the question as asked");
        app.answered("alice", key, "accept", "\"label\": \"ORG\"");

        List<Example> latest;
        try (Stream<Example> examples = app.database.latest(Annotating.DATASET)) {
            latest = examples.toList();
        }
        assertEquals(1, latest.size());
        assertEquals(key, latest.get(0).taskHash());
        assertEquals(Answer.ACCEPT, latest.get(0).answer());
        assertEquals("DISEASE", latest.get(0).task().get("_suggested_label").asText());
        TrainingExamples read = new DatasetExamples(Tokenizer.standard(), SpanAlignment.REJECT)
                .addExamples(Annotating.DATASET, latest.stream()).ner();
        assertEquals(List.of(), read.ner());
        assertEquals(List.of(new BinaryNerExample(Long.toString(latest.get(0).inputHash()),
                List.of("Flu", "is", "back", ",", "and", "measles", "too", "."),
                List.of(new EntitySpan(0, 1, "ORG")), List.of(new EntitySpan(0, 1, "DISEASE")))), read.binaryNer(),
                "the relabel accepts ORG and rules out the DISEASE it was asked about");
        app.restart();
        assertNotEquals(key, app.next("bob").get("task_id").asLong(), "an answered question came back");
    }

    @Test
    void textcatBinaryAsksAboutEachLabelOfEachText() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.TEXTCAT, List.of("HEALTH", "SPORT"),
                options -> options.withMode(AnnotateOptions.Mode.BINARY).withWindow(1));
        JsonNode first = app.next("alice").get("task");
        app.answered("alice", first.get("_task_hash").asLong(), "accept", "");
        JsonNode second = app.next("alice").get("task");
        assertEquals(first.get("text"), second.get("text"));
        assertEquals(List.of("HEALTH", "SPORT"), List.of(first.get("label").asText(), second.get("label").asText()));
        assertEquals("binary", app.examples().get(0).task().get("_view_id").asText());
    }

    @Test
    void choiceStoresTheAcceptedOptions() throws Exception {
        Annotating app = start(AnnotateOptions.Kind.TEXTCAT, List.of("HEALTH", "POLITICS", "SPORT"), o -> o);
        JsonNode next = app.next("alice");
        assertEquals("[{\"id\":\"HEALTH\",\"text\":\"HEALTH\"},{\"id\":\"POLITICS\",\"text\":\"POLITICS\"},"
                + "{\"id\":\"SPORT\",\"text\":\"SPORT\"}]", next.get("task").get("options").toString());
        app.answered("alice", next.get("task_id").asLong(), "accept", "\"accept\": [\"SPORT\", \"HEALTH\"]");
        Example example = app.examples().get(0);
        assertEquals("[\"SPORT\",\"HEALTH\"]", example.task().get("accept").toString());
        assertEquals("choice", example.task().get("_view_id").asText());
        assertEquals(next.get("task_id").asLong(), example.inputHash());
    }

    @Test
    void withoutPatternsTheCorpusOwnSpansAreTheSuggestions() throws Exception {
        var spanned = RunningService.JSON.createObjectNode().put("text", "Avian flu again.");
        spanned.putArray("spans").addObject().put("start", 6).put("end", 9).put("label", "DISEASE");
        spanned.withArray("spans").addObject().put("start", 0).put("end", 5).put("label", "OTHER");
        app = Annotating.start(dir, List.of(spanned), false, AnnotateOptions.Kind.NER, List.of("DISEASE"), o -> o);
        JsonNode task = app.next("alice").get("task");
        assertEquals("[{\"start\":6,\"end\":9,\"label\":\"DISEASE\"}]", task.get("spans").toString());
        assertEquals(4, task.get("tokens").size());
        assertEquals("0", app.get("/v1/health").json().get("patterns").get("count").toString());
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicyAndNeverParsesTaskTextAsHtml() throws Exception {
        Annotating app = manual();
        RunningService.Reply page = app.get("/annotate/");
        assertEquals(200, page.status());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
                .contains("script-src 'self'"));
        String script = app.get("/annotate/app.js").body();
        assertTrue(script.contains("textContent"));
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
            assertFalse(script.contains(sink), "app.js uses " + sink);
        }
        RunningService.Reply root = app.get("/");
        assertEquals(303, root.status());
        assertEquals("/annotate/", root.headers().firstValue("Location").orElseThrow());
    }
}
