package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.streams.MatchSpans;
import dev.quarry.text.Offsets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceIT {

    private static final String DISEASES = """
            {"label": "DISEASE", "pattern": "flu", "id": "influenza"}
            {"label": "DISEASE", "pattern": "breast cancer"}
            """;

    @TempDir
    Path dir;

    private RunningService running;

    private RunningService start(Function<ServiceOptions, ServiceOptions> tweak) throws Exception {
        Files.writeString(dir.resolve("diseases.jsonl"), DISEASES, StandardCharsets.UTF_8);
        running = RunningService.start(dir, tweak);
        return running;
    }

    private RunningService start() throws Exception {
        return start(options -> options);
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static void assertError(RunningService.Reply reply, int status, String code, String message) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().get("code").asText(), reply.body());
        assertEquals(message, reply.json().get("message").asText());
        assertTrue(reply.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    @Test
    void oneTextAnswersSpansInCodePointsWithInclusiveTokenEnd() throws Exception {
        JsonNode answer = start().post("/v1/match", "{\"text\": \"\uD83D\uDE00 flu and breast cancer\"}").json();
        JsonNode spans = answer.get("spans");
        String source = dir.resolve("diseases.jsonl").toString();
        assertEquals("{\"start\":2,\"end\":5,\"token_start\":1,\"token_end\":1,\"label\":\"DISEASE\","
                + "\"pattern_id\":\"influenza\",\"source\":\"" + source + ":1\"}", spans.get(0).toString());
        assertEquals("{\"start\":10,\"end\":23,\"token_start\":3,\"token_end\":4,\"label\":\"DISEASE\","
                + "\"source\":\"" + source + ":2\"}", spans.get(1).toString());
        assertEquals(16, answer.get("patterns_version").asText().length());
    }

    @Test
    void spansAreTheOnesTheJavaApiWritesForQuarryMatch() throws Exception {
        String text = "Flu, flu and breast cancer; no breast, no cancer, then flu.";
        JsonNode answer = start().post("/v1/match", RunningService.JSON.createObjectNode().put("text", text)
                .toString()).json();
        Matcher matcher = Matcher.compile(PatternFiles.load(dir).patterns(), MatchOptions.defaults());
        ArrayNode expected = MatchSpans.addAll(RunningService.JSON.createArrayNode(),
                matcher.match(matcher.options().tokenizer().tokenize(text)), Offsets.of(text));
        assertEquals(expected, answer.get("spans"));
        assertEquals(3, expected.size());
    }

    @Test
    void batchAnswersEachTextInOrderWithBadItemsFailingAlone() throws Exception {
        JsonNode results = start().post("/v1/match",
                "{\"texts\": [\"flu\", 42, \"\", \"no match\", \"breast cancer\"]}").json().get("results");
        assertEquals(5, results.size());
        assertEquals("DISEASE", results.get(0).get("spans").get(0).get("label").asText());
        assertEquals("{\"code\":\"wrong_type\",\"message\":\"\\\"texts[1]\\\" must be a string, got number 42\"}",
                results.get(1).get("error").toString());
        assertEquals("empty_text", results.get(2).get("error").get("code").asText());
        assertEquals("[]", results.get(3).get("spans").toString());
        assertEquals(13, results.get(4).get("spans").get(0).get("end").asInt());
    }

    @Test
    void malformedJsonIsRejectedWithLineAndColumn() throws Exception {
        start();
        assertError(running.post("/v1/match", "{\"text\":\n  flu}"), 400, "malformed_json",
                "malformed JSON at line 2, column 3: Unrecognized token 'flu': was expecting (JSON String, Number, "
                        + "Array, Object or token 'null', 'true' or 'false')");
        assertError(running.post("/v1/match", "{\"text\": \"a\""), 400, "malformed_json",
                "malformed JSON at line 1, column 13: Unexpected end-of-input: expected close marker for Object "
                        + "(start marker at line 1, column 1)");
        assertError(running.post("/v1/match", "{\"text\": \"a\", \"text\": \"b\"}"), 400, "malformed_json",
                "malformed JSON at line 1, column 21: Duplicate field 'text'");
    }

    @Test
    void emptyBodyIsMalformedJson() throws Exception {
        assertError(start().post("/v1/match", ""), 400, "malformed_json",
                "request body is empty, expected a JSON object");
    }

    @Test
    void unknownFieldsAreNamed() throws Exception {
        assertError(start().post("/v1/match", "{\"text\": \"flu\", \"lang\": \"en\", \"meta\": {}}"), 400,
                "unknown_field", "unknown fields \"lang\", \"meta\"; expected \"text\" (one text) or \"texts\" "
                        + "(a batch)");
    }

    @Test
    void wrongTypesNameTheFieldAndTheTypeGiven() throws Exception {
        start();
        assertError(running.post("/v1/match", "{\"text\": [\"flu\"]}"), 400, "wrong_type",
                "\"text\" must be a string, got an array");
        assertError(running.post("/v1/match", "{\"texts\": \"flu\"}"), 400, "wrong_type",
                "\"texts\" must be an array of strings, got a string \"flu\"");
        assertError(running.post("/v1/match", "[1]"), 400, "wrong_type",
                "request body must be a JSON object, got an array");
    }

    @Test
    void missingAndConflictingFieldsAreRejected() throws Exception {
        start();
        assertError(running.post("/v1/match", "{}"), 400, "missing_field",
                "request needs \"text\" (one text) or \"texts\" (a batch)");
        assertError(running.post("/v1/match", "{\"text\": \"a\", \"texts\": []}"), 400, "conflicting_fields",
                "give either \"text\" or \"texts\", not both");
        assertError(running.post("/v1/match", "{\"text\": \"\"}"), 400, "empty_text", "\"text\" must not be empty");
    }

    @Test
    void limitsNameTheValueTheLimitAndTheOption() throws Exception {
        start(options -> options.withLimits(100, 5));
        assertError(running.post("/v1/match", "{\"text\": \"" + "x".repeat(200) + "\"}"), 413, "body_too_large",
                "request body is 212 bytes, the limit is 100 bytes (--max-body-bytes)");
        assertError(running.post("/v1/match", "{\"text\": \"\uD83D\uDE00\uD83D\uDE00 flu\"}"), 400, "text_too_long",
                "\"text\" is 6 characters long, the limit is 5 (--max-text-chars)");
        assertEquals(200, running.post("/v1/match", "{\"text\": \"\uD83D\uDE00 flu\"}").status());
    }

    @Test
    void tokenIsRequiredOnEveryEndpointWhenSet() throws Exception {
        start(options -> options.withToken("s3cret"));
        String message = "this server needs the header \"Authorization: Bearer <token>\" with the token it was "
                + "started with (--token-file)";
        assertError(running.post("/v1/match", "{\"text\": \"flu\"}"), 401, "unauthorized", message);
        assertError(running.get("/v1/health", "Authorization", "Bearer s3cre"), 401, "unauthorized", message);
        assertError(running.get("/metrics", "Authorization", "Basic s3cret"), 401, "unauthorized", message);
        assertEquals("Bearer realm=\"quarry\"",
                running.get("/metrics").headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(200, running.post("/v1/match", "{\"text\": \"flu\"}", "Authorization", "Bearer s3cret")
                .status());
    }

    @Test
    void unknownPathsAndWrongMethodsAreRejected() throws Exception {
        start();
        assertError(running.get("/v1/matches"), 404, "not_found",
                "no endpoint at \"/v1/matches\"; endpoints: POST /v1/match, POST /v1/predict, POST /v1/analyze, "
                + "GET /v1/health, GET /metrics");
        RunningService.Reply reply = running.get("/v1/match");
        assertError(reply, 405, "method_not_allowed", "/v1/match takes POST, got \"GET\"");
        assertEquals("POST", reply.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void healthDescribesTheServedSet() throws Exception {
        JsonNode health = start().get("/v1/health").json();
        assertEquals("ok", health.get("status").asText());
        assertEquals(2, health.get("patterns").get("count").asInt());
        assertEquals("[\"" + dir.resolve("diseases.jsonl") + "\"]", health.get("patterns").get("files").toString());
        assertTrue(health.get("last_reload").get("ok").asBoolean());
        assertEquals("[]", health.get("last_reload").get("errors").toString());
        assertEquals(health.get("patterns").get("version"),
                running.post("/v1/match", "{\"text\": \"flu\"}").json().get("patterns_version"));
    }

    @Test
    void metricsCountRequestsByEndpointAndStatus() throws Exception {
        start();
        running.post("/v1/match", "{\"text\": \"flu\"}");
        running.post("/v1/match", "{\"text\": \"flu\"}");
        running.post("/v1/match", "{");
        running.get("/nowhere");
        RunningService.Reply reply = running.get("/metrics");
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                reply.headers().firstValue("Content-Type").orElseThrow());
        String text = reply.body();
        assertTrue(text.contains("quarry_http_requests_total{endpoint=\"/v1/match\",status=\"200\"} 2\n"), text);
        assertTrue(text.contains("quarry_http_requests_total{endpoint=\"/v1/match\",status=\"400\"} 1\n"), text);
        assertTrue(text.contains("quarry_http_requests_total{endpoint=\"other\",status=\"404\"} 1\n"), text);
        assertTrue(text.contains("quarry_http_request_duration_seconds_count{endpoint=\"/v1/match\"} 3\n"), text);
        assertTrue(text.contains("quarry_http_request_duration_seconds_bucket{endpoint=\"/v1/match\",le=\"+Inf\"} 3\n"),
                text);
        assertTrue(text.contains("quarry_http_request_duration_seconds_bucket{endpoint=\"/v1/match\",le=\"0.0005\"} "),
                text);
        assertTrue(text.contains("quarry_pattern_reloads_total{result=\"failed\"} 0\n"), text);
        assertTrue(text.contains("quarry_patterns 2\n"), text);
    }

    @Test
    void brokenFilesKeepTheOldSetServingAndShowInHealth() throws Exception {
        start();
        String before = running.get("/v1/health").json().get("patterns").get("version").asText();
        Path file = dir.resolve("diseases.jsonl");
        RunningService.replace(file, DISEASES + "{\"label\": 42, \"pattern\": \"cold\"}\n");
        JsonNode health = running.awaitReloads(0, 1);
        assertEquals("degraded", health.get("status").asText());
        assertEquals(before, health.get("patterns").get("version").asText());
        String error = health.get("last_reload").get("errors").get(0).asText();
        assertTrue(error.startsWith(file + ":3:"), error);
        assertTrue(running.log.toString().contains("still serving version " + before), running.log.toString());
        JsonNode results = running.post("/v1/match", "{\"texts\": [\"flu\", \"cold\"]}").json().get("results");
        assertEquals(1, results.get(0).get("spans").size());
        assertEquals(0, results.get(1).get("spans").size());

        RunningService.replace(file, DISEASES + "{\"label\": \"DISEASE\", \"pattern\": \"cold\"}\n");
        health = running.awaitReloads(1, 1);
        assertEquals("ok", health.get("status").asText());
        assertFalse(before.equals(health.get("patterns").get("version").asText()));
        assertEquals("DISEASE", running.post("/v1/match", "{\"text\": \"cold\"}").json().get("spans").get(0)
                .get("label").asText());
    }
}
