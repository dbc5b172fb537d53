package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad request to the annotation API gets its stable code and exact message, and leaves the dataset as it was.
 * Alice holds the first task ("Flu is back, and measles too.": tokens Flu|is|back|,|and|measles|too|.).
 */
class AnnotateBadInputIT {

    @TempDir
    Path dir;

    private Annotating app;
    private long held;

    private void start(AnnotateOptions.Kind kind, List<String> labels, UnaryOperator<AnnotateOptions> tweak)
            throws Exception {
        app = Annotating.start(dir, Annotating.TEXTS, true, kind, labels, tweak);
        held = app.next("alice").get("task_id").asLong();
    }

    private void manual() throws Exception {
        start(AnnotateOptions.Kind.NER, List.of(), options -> options);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void assertRefused(RunningService.Reply reply, int status, String code, String message) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().get("code").asText(), reply.body());
        assertEquals(message, reply.json().get("message").asText());
        assertEquals(0, app.examples().size(), "something was stored");
    }

    private RunningService.Reply answer(String extra) {
        return app.answer("alice", held, "accept", extra);
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        manual();
        RunningService.Reply reply = app.post("/v1/annotate/answer", "{\"session\": \"alice\",\n \"task_id\": }");
        assertEquals(400, reply.status());
        assertEquals("malformed_json", reply.json().get("code").asText());
        assertEquals(true, reply.json().get("message").asText().startsWith("malformed JSON at line 2, column 13: "),
                reply.body());
        assertEquals(0, app.examples().size());
    }

    @Test
    void unknownFieldsAreNamedWithWhatTheModeTakes() throws Exception {
        manual();
        assertRefused(answer("\"accept\": [\"ORG\"], \"spans\": []"), 400, "unknown_field",
                "unknown field \"accept\"; expected \"session\", \"task_id\", \"answer\" and, in manual mode, "
                        + "\"spans\"");
        assertRefused(answer("\"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"DISEASE\", \"score\": 1}]"), 400,
                "unknown_field", "unknown field \"spans[0].score\"; expected \"start\", \"end\", \"label\"");
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        manual();
        assertRefused(app.post("/v1/annotate/answer", "{\"session\": \"alice\", \"answer\": \"accept\"}"), 400,
                "missing_field", "request needs \"task_id\"");
        assertRefused(answer(""), 400, "missing_field",
                "an accept in manual mode needs \"spans\" (the spans, possibly none)");
        assertRefused(answer("\"spans\": [{\"start\": 0, \"label\": \"DISEASE\"}]"), 400, "missing_field",
                "\"spans[0]\" needs \"end\"");
        assertRefused(app.get("/v1/annotate/next"), 400, "missing_field",
                "query parameter \"session\" is required, e.g. /v1/annotate/next?session=alice");
    }

    @Test
    void wrongTypesNameTheFieldAndTheValue() throws Exception {
        manual();
        assertRefused(app.answer("alice", held, "accept", "\"spans\": {}"), 400, "wrong_type",
                "\"spans\" must be an array, got an object");
        assertRefused(app.post("/v1/annotate/answer", "{\"session\": \"alice\", \"task_id\": \"" + held
                + "\", \"answer\": \"ignore\"}"), 400, "wrong_type", "\"task_id\" must be an integer in 0..2^53-1 "
                + "(as /v1/annotate/next gives it), got a string \"" + held + "\"");
        assertRefused(answer("\"spans\": [{\"start\": 0.5, \"end\": 3, \"label\": \"DISEASE\"}]"), 400,
                "wrong_type", "\"spans[0].start\" must be an integer, got number 0.5");
        assertRefused(app.post("/v1/annotate/undo", "[]"), 400, "wrong_type",
                "request body must be a JSON object, got an array");
    }

    @Test
    void anAnswerOtherThanAcceptRejectIgnoreIsRefused() throws Exception {
        manual();
        assertRefused(app.answer("alice", held, "skip", ""), 400, "invalid_value",
                "\"answer\" must be one of accept, reject, ignore, got \"skip\"");
    }

    @Test
    void unknownLabelsAreRefusedInSpansAndInChoices() throws Exception {
        manual();
        assertRefused(answer("\"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"VIRUS\"}]"), 400, "unknown_label",
                "\"spans[0].label\" is \"VIRUS\", not one of the labels DISEASE, ORG");
        app.close();
        app = null;
        start(AnnotateOptions.Kind.TEXTCAT, List.of("HEALTH", "SPORT"), options -> options);
        assertRefused(answer("\"accept\": [\"HEALTH\", \"health\"]"), 400, "unknown_label",
                "\"accept[1]\" is \"health\", not one of the labels HEALTH, SPORT");
    }

    @Test
    void aNerBinaryRelabelNamesOneOfTheLabelsWithAnAccept() throws Exception {
        start(AnnotateOptions.Kind.NER, List.of(), options -> options.withMode(AnnotateOptions.Mode.BINARY));
        assertRefused(answer("\"label\": \"VIRUS\""), 400, "unknown_label",
                "\"label\" is \"VIRUS\", not one of the labels DISEASE, ORG");
        assertRefused(answer("\"label\": 2"), 400, "wrong_type", "\"label\" must be a string, got number 2");
        assertRefused(app.answer("alice", held, "reject", "\"label\": \"ORG\""), 400, "invalid_value",
                "\"label\" (the label the highlighted tokens are) goes with \"answer\": \"accept\" only, got "
                        + "\"answer\": \"reject\"");
        assertRefused(answer("\"spans\": []"), 400, "unknown_field", "unknown field \"spans\"; expected "
                + "\"session\", \"task_id\", \"answer\" and, in ner binary mode, \"label\"");
        app.answered("alice", held, "accept", "\"label\": \"ORG\"");
        assertEquals("ORG", app.examples().get(0).task().get("spans").get(0).get("label").asText());
    }

    @Test
    void exclusiveChoiceTakesExactlyOneLabelAndNoneTwice() throws Exception {
        start(AnnotateOptions.Kind.TEXTCAT, List.of("HEALTH", "SPORT"), options -> options.withExclusive(true));
        assertRefused(answer("\"accept\": [\"HEALTH\", \"SPORT\"]"), 400, "invalid_value",
                "\"accept\" must hold exactly one label (the labels are exclusive), got 2");
        assertRefused(answer("\"accept\": [\"SPORT\", \"SPORT\"]"), 400, "invalid_value",
                "\"accept\" names \"SPORT\" twice");
    }

    @Test
    void spansMustLieOnTokensInsideTheTextWithoutOverlap() throws Exception {
        manual();
        assertRefused(answer("\"spans\": [{\"start\": 1, \"end\": 3, \"label\": \"DISEASE\"}]"), 400, "invalid_span",
                "\"spans[0]\" is 1..3; a span must start where a token starts and end where a token ends");
        assertRefused(answer("\"spans\": [{\"start\": 25, \"end\": 40, \"label\": \"DISEASE\"}]"), 400,
                "invalid_span", "\"spans[0]\" is 25..40; a span needs 0 <= start < end <= 29 (the text's length "
                        + "in code points)");
        assertRefused(answer("\"spans\": [{\"start\": 7, \"end\": 11, \"label\": \"ORG\"}, "
                        + "{\"start\": 0, \"end\": 11, \"label\": \"DISEASE\"}]"), 400, "invalid_span",
                "span 7..11 overlaps span 0..11; spans must not overlap");
    }

    @Test
    void anAnswerForATaskNeverServedIsRefused() throws Exception {
        manual();
        long bobs = app.next("bob").get("task_id").asLong();
        assertRefused(app.answer("alice", bobs, "ignore", ""), 409, "task_not_served", "task " + bobs
                + " was not handed to session \"alice\"; answer the task GET /v1/annotate/next gives");
        assertRefused(app.answer("alice", 12345, "ignore", ""), 409, "task_not_served",
                "task 12345 was not handed to session \"alice\"; answer the task GET /v1/annotate/next gives");
    }

    @Test
    void unknownAndInvalidSessionsAreRefused() throws Exception {
        manual();
        assertRefused(app.answer("dave", held, "ignore", ""), 409, "unknown_session", "session \"dave\" has not "
                + "asked this server for a task (it may have been restarted); GET /v1/annotate/next?session=dave "
                + "first");
        assertRefused(app.post("/v1/annotate/undo", "{\"session\": \"dave\"}"), 409, "unknown_session",
                "session \"dave\" has not asked this server for a task (it may have been restarted); "
                        + "GET /v1/annotate/next?session=dave first");
        assertRefused(app.get("/v1/annotate/next?session=al%20ice"), 400, "invalid_session", "session must be 1 to 64 "
                + "letters, digits, '_', '.', '@' or '-', starting with a letter or digit, got \"al ice\"");
        assertRefused(app.get("/v1/annotate/next?session=alice&user=x"), 400, "unknown_field",
                "unknown query parameter \"user\"; expected \"session\"");
    }

    @Test
    void aStaleSessionAfterARestartIsUnknownAndAskingAgainRecovers() throws Exception {
        manual();
        app.restart();
        assertRefused(app.answer("alice", held, "ignore", ""), 409, "unknown_session", "session \"alice\" has not "
                + "asked this server for a task (it may have been restarted); GET /v1/annotate/next?session=alice "
                + "first");
        assertEquals(held, app.next("alice").get("task_id").asLong());
        app.answered("alice", held, "ignore", "");
    }

    @Test
    void aSecondAnswerToTheSameTaskIsRefusedAndStoresNothing() throws Exception {
        manual();
        app.answered("alice", held, "reject", "");
        RunningService.Reply again = app.answer("alice", held, "reject", "");
        assertEquals(409, again.status());
        assertEquals("{\"code\":\"already_answered\",\"message\":\"task " + held + " has been answered already\"}",
                again.body());
        assertEquals(1, app.examples().size());
    }

    @Test
    void undoWithNothingToUndoIsRefused() throws Exception {
        manual();
        assertRefused(app.post("/v1/annotate/undo", "{\"session\": \"alice\"}"), 409, "nothing_to_undo",
                "session \"alice\" has no answer to undo in this server's run");
        assertRefused(app.post("/v1/annotate/undo", "{\"session\": \"alice\", \"all\": true}"), 400, "unknown_field",
                "unknown field \"all\"; expected \"session\"");
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        manual();
        RunningService.Reply reply = app.post("/v1/annotate/next?session=alice", "{}");
        assertRefused(reply, 405, "method_not_allowed", "/v1/annotate/next takes GET, got \"POST\"");
        assertEquals("GET", reply.headers().firstValue("Allow").orElseThrow());
        assertRefused(app.get("/v1/annotate/answers"), 404, "not_found", "no endpoint at \"/v1/annotate/answers\"; "
                + "endpoints: POST /v1/match, POST /v1/predict, POST /v1/analyze, GET /v1/health, "
                + "GET /metrics, GET /annotate/ (the annotation app) and "
                + "/v1/annotate/...");
    }
}
