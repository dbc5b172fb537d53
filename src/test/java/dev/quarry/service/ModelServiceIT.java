package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.TinyModels;
import dev.quarry.pipeline.AnalysisJson;
import dev.quarry.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /v1/predict} and {@code /v1/analyze} against a running server with a tiny model package (patterns CITY for
 * Paris and Rome, an NER of PER and LOC, a SPORT/MEDICINE classifier) trained and saved in the test.
 */
class ModelServiceIT {

    @TempDir
    Path dir;

    private Path model;
    private RunningService running;

    @BeforeEach
    void saveModel() throws Exception {
        model = dir.resolve("model");
        TinyModels.full().save(model);
    }

    private RunningService start(Path patterns, Function<ServiceOptions, ServiceOptions> tweak) throws Exception {
        running = RunningService.start(patterns, options -> tweak.apply(options.withModel(model)));
        return running;
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
    }

    /** The spans without the model's scores, which are checked on their own. */
    private static String unscored(JsonNode spans) {
        JsonNode copy = spans.deepCopy();
        copy.forEach(span -> {
            JsonNode score = ((ObjectNode) span).remove("score");
            if (span.get("origin").asText().equals("model")) {
                assertTrue(score != null && score.doubleValue() > 0 && score.doubleValue() <= 1, spans.toString());
            }
        });
        return copy.toString();
    }

    @Test
    void analyzeAnswersPatternMatchesWhereTheyFireAndModelEntitiesElsewhere() throws Exception {
        JsonNode answer = start(null, o -> o).post("/v1/analyze", "{\"text\": \"Anna visited Paris.\"}").json();
        assertEquals("[{\"start\":0,\"end\":4,\"token_start\":0,\"token_end\":0,\"label\":\"PER\","
                + "\"origin\":\"model\"},{\"start\":13,\"end\":18,\"token_start\":2,\"token_end\":2,"
                + "\"label\":\"CITY\",\"pattern_id\":\"Q90\",\"source\":\"patterns.jsonl:2\",\"origin\":\"pattern\"}]",
                unscored(answer.get("spans")),
                "line 1 of the package's patterns.jsonl sets phrase_matcher_attr");
        assertEquals(2, answer.get("cats").size());
        assertEquals(running.get("/v1/health").json().get("model").get("version"), answer.get("model_version"));
        assertEquals(running.get("/v1/health").json().get("patterns").get("version"),
                answer.get("patterns_version"));
    }

    @Test
    void aZipPackageIsServedLikeTheDirectory() throws Exception {
        Path zip = dir.resolve("model.zip");
        TinyModels.full().save(zip);
        running = RunningService.start(null, options -> options.withModel(zip));
        String text = "Anna visited Paris. The team scored a goal.";
        JsonNode answer = running.post("/v1/predict", "{\"text\": \"" + text + "\"}").json();
        ObjectNode expected = AnalysisJson.put(RunningService.JSON.createObjectNode(),
                Pipeline.load(model).predict(text));
        assertEquals(expected.get("spans"), answer.get("spans"));
        assertEquals(expected.get("cats"), answer.get("cats"));
        JsonNode health = running.get("/v1/health").json();
        assertEquals(zip.toAbsolutePath().normalize().toString(), health.at("/model/path").asText());
        assertEquals(health.at("/model/path").asText() + "!/patterns.jsonl", health.at("/patterns/files/0").asText());
        assertEquals(ContentHash.of(List.of(model.resolve("patterns.jsonl"))), health.at("/patterns/version").asText());
    }

    @Test
    void predictRunsTheModelAloneAndWritesWhatTheJavaApiWrites() throws Exception {
        String text = "Anna visited Paris. The team scored a goal.";
        JsonNode answer = start(null, o -> o).post("/v1/predict", "{\"text\": \"" + text + "\"}").json();
        ObjectNode expected = AnalysisJson.put(RunningService.JSON.createObjectNode(),
                Pipeline.load(model).predict(text));
        assertEquals(expected.get("spans"), answer.get("spans"));
        assertEquals(expected.get("cats"), answer.get("cats"));
        assertEquals("LOC", answer.get("spans").get(1).get("label").asText());
    }

    @Test
    void aBatchAnswersEachTextInOrderAndABadItemFailsAlone() throws Exception {
        JsonNode results = start(null, o -> o).post("/v1/analyze",
                "{\"texts\": [\"Boris visited Rome.\", \"\", 7, \"Elena visited Oslo.\"]}").json().get("results");
        assertEquals(4, results.size());
        assertEquals("CITY", results.get(0).get("spans").get(1).get("label").asText());
        assertEquals("{\"code\":\"empty_text\",\"message\":\"\\\"texts[1]\\\" must not be empty\"}",
                results.get(1).get("error").toString());
        assertEquals("wrong_type", results.get(2).get("error").get("code").asText());
        assertEquals("LOC", results.get(3).get("spans").get(1).get("label").asText());
    }

    @Test
    void badRequestsGetTheCodesOfMatch() throws Exception {
        start(null, o -> o);
        assertError(running.post("/v1/predict", "{\"text\": \"a\", \"texts\": []}"), 400, "conflicting_fields",
                "give either \"text\" or \"texts\", not both");
        assertError(running.post("/v1/analyze", "{\"txt\": \"a\"}"), 400, "unknown_field",
                "unknown field \"txt\"; expected \"text\" (one text) or \"texts\" (a batch)");
        assertError(running.post("/v1/analyze", "{}"), 400, "missing_field",
                "request needs \"text\" (one text) or \"texts\" (a batch)");
        assertError(running.get("/v1/analyze"), 405, "method_not_allowed", "/v1/analyze takes POST, got \"GET\"");
    }

    @Test
    void withoutAModelPredictAndAnalyzeNameTheOption() throws Exception {
        Files.writeString(dir.resolve("p.jsonl"), "{\"label\": \"X\", \"pattern\": \"flu\"}\n", StandardCharsets.UTF_8);
        running = RunningService.start(dir.resolve("p.jsonl"), o -> o);
        for (String path : new String[] {"/v1/predict", "/v1/analyze"}) {
            assertError(running.post(path, "{\"text\": \"flu\"}"), 409, "no_model", path + " needs a model, and "
                    + "this server has none: start it with --model DIR (a model package, as quarry train writes it)");
        }
        assertTrue(running.get("/v1/health").json().get("model").isNull());
        assertEquals(200, running.post("/v1/match", "{\"text\": \"flu\"}").status());
    }

    @Test
    void healthDescribesTheModel() throws Exception {
        JsonNode health = start(null, o -> o).get("/v1/health").json();
        JsonNode served = health.get("model");
        assertEquals(model.toAbsolutePath().toString(), served.get("path").asText());
        assertTrue(served.get("version").asText().matches("[0-9a-f]{16}"), served.toString());
        assertEquals(1, served.get("quarry_model").asInt());
        assertEquals("2025-01-31T12:00:00Z", served.get("created").asText());
        assertEquals("[\"patterns\",\"ner\",\"textcat\"]", served.get("components").toString());
        assertEquals("{\"ner\":[\"LOC\",\"PER\"],\"textcat\":[\"MEDICINE\",\"SPORT\"]}",
                served.get("labels").toString());
        assertEquals("{\"ner_complete\":40}", served.get("examples").toString());
        assertEquals(2, health.get("patterns").get("count").asInt(), "the package's own patterns");
        assertEquals("[\"" + model.toAbsolutePath().resolve("patterns.jsonl") + "\"]",
                health.get("patterns").get("files").toString());
    }

    @Test
    void patternFilesReplaceThePackagesPatternsAndReload() throws Exception {
        Path file = dir.resolve("towns.jsonl");
        Files.writeString(file, "{\"label\": \"TOWN\", \"pattern\": \"berlin\"}\n", StandardCharsets.UTF_8);
        start(file, o -> o);
        JsonNode spans = running.post("/v1/analyze", "{\"text\": \"Boris visited Berlin.\"}").json().get("spans");
        assertEquals("{\"start\":14,\"end\":20,\"token_start\":2,\"token_end\":2,\"label\":\"TOWN\",\"source\":\""
                + file + ":1\",\"origin\":\"pattern\"}", spans.get(1).toString(), "LOWER, as the package's patterns");
        JsonNode paris = running.post("/v1/analyze", "{\"text\": \"Anna visited Paris.\"}").json().get("spans");
        assertEquals("model", paris.get(1).get("origin").asText(), "the package's CITY patterns are not served");
        RunningService.replace(file, "{\"label\": \"TOWN\", \"pattern\": \"paris\"}\n");
        running.awaitReloads(1, 0);
        paris = running.post("/v1/analyze", "{\"text\": \"Anna visited Paris.\"}").json().get("spans");
        assertEquals("TOWN", paris.get(1).get("label").asText());
    }

    /** The metrics once they hold {@code line}: an exchange is counted just after its answer was sent. */
    private String metricsOnceCounted(String line) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        String text = running.get("/metrics").body();
        while (!text.contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            text = running.get("/metrics").body();
        }
        return text;
    }

    @Test
    void metricsCountTheNewEndpointsAndTheModel() throws Exception {
        start(null, o -> o);
        running.post("/v1/analyze", "{\"text\": \"Anna visited Paris.\"}");
        running.post("/v1/predict", "{\"text\": \"Anna visited Paris.\"}");
        running.post("/v1/predict", "{\"text\": 1}");
        String text = metricsOnceCounted("quarry_http_requests_total{endpoint=\"/v1/predict\",status=\"400\"} 1\n");
        assertTrue(text.contains("quarry_http_requests_total{endpoint=\"/v1/analyze\",status=\"200\"} 1\n"), text);
        assertTrue(text.contains("quarry_http_requests_total{endpoint=\"/v1/predict\",status=\"200\"} 1\n"), text);
        assertTrue(text.contains("quarry_http_requests_total{endpoint=\"/v1/predict\",status=\"400\"} 1\n"), text);
        assertTrue(text.contains("quarry_http_request_duration_seconds_count{endpoint=\"/v1/analyze\"} 1\n"), text);
        assertTrue(text.contains("quarry_model_loaded 1\n"), text);
    }
}
