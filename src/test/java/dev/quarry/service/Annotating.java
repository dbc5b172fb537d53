package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.datasets.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real annotation server on loopback over a corpus and patterns written to a temporary folder, with a temporary
 * SQLite database that outlives restarts, and a clock the test moves.
 */
final class Annotating implements AutoCloseable {

    static final String DATASET = "news";
    /** Five texts: two with two suggestions, one with one, two with none. */
    static final List<Object> TEXTS = List.of("Flu is back, and measles too.", "The WHO warned about flu.",
            "Nothing to report today.", "Measles cases rose again.", "Quiet week in the region.");
    static final String PATTERNS = """
            {"label": "DISEASE", "pattern": [{"LOWER": "flu"}], "id": "flu"}
            {"label": "DISEASE", "pattern": [{"LOWER": "measles"}]}
            {"label": "ORG", "pattern": [{"LOWER": "who"}]}
            """;

    final Path dir;
    final Database database;
    final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
    final AnnotateOptions options;
    private final Path patterns;
    RunningService running;

    private Annotating(Path dir, Database database, AnnotateOptions options, Path patterns) {
        this.dir = dir;
        this.database = database;
        this.options = options;
        this.patterns = patterns;
    }

    /**
     * Writes {@code texts} as a JSONL corpus (each a JSON object: a string is {@code {"text": s}}), the patterns
     * unless {@code withPatterns} is false, and starts the server.
     */
    static Annotating start(Path dir, List<Object> texts, boolean withPatterns, AnnotateOptions.Kind kind,
                            List<String> labels, UnaryOperator<AnnotateOptions> tweak) throws Exception {
        return start(dir, texts, withPatterns, null, kind, labels, tweak);
    }

    /** As {@link #start(Path, List, boolean, AnnotateOptions.Kind, List, UnaryOperator)}, with a model package. */
    static Annotating start(Path dir, List<Object> texts, boolean withPatterns, Path model, AnnotateOptions.Kind kind,
                            List<String> labels, UnaryOperator<AnnotateOptions> tweak) throws Exception {
        StringBuilder corpus = new StringBuilder();
        for (Object text : texts) {
            ObjectNode line = text instanceof String s ? RunningService.JSON.createObjectNode().put("text", s)
                    : (ObjectNode) text;
            corpus.append(line).append('\n');
        }
        Files.writeString(dir.resolve("corpus.jsonl"), corpus, StandardCharsets.UTF_8);
        Path patterns = null;
        if (withPatterns) {
            patterns = dir.resolve("patterns.jsonl");
            Files.writeString(patterns, PATTERNS, StandardCharsets.UTF_8);
        }
        AnnotateOptions options = tweak.apply(AnnotateOptions.of(DATASET, dir.resolve("corpus.jsonl"), kind, labels));
        Annotating annotating = new Annotating(dir, Database.open(dir.resolve("quarry.db").toString()), options,
                patterns);
        annotating.running = RunningService.annotate(patterns, model, options, annotating.database,
                annotating.clock);
        return annotating;
    }

    /** Stops the server and starts a new one over the same corpus and database (a restart). */
    void restart() throws Exception {
        running.close();
        running = RunningService.annotate(patterns, options, database, clock);
    }

    RunningService.Reply get(String path) {
        return running.get(path);
    }

    RunningService.Reply post(String path, String body) {
        return running.post(path, body);
    }

    /** {@code GET /v1/annotate/next?session=S}, which must answer 200. */
    JsonNode next(String session) {
        RunningService.Reply reply = running.get("/v1/annotate/next?session=" + session);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Posts an answer; {@code extra} is more JSON fields, e.g. {@code "spans": []}, or empty. */
    RunningService.Reply answer(String session, long taskId, String answer, String extra) {
        return running.post("/v1/annotate/answer", "{\"session\": \"" + session + "\", \"task_id\": " + taskId
                + ", \"answer\": \"" + answer + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}");
    }

    /** Posts an answer that must be accepted. */
    JsonNode answered(String session, long taskId, String answer, String extra) {
        RunningService.Reply reply = answer(session, taskId, answer, extra);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    List<Example> examples() {
        try (Stream<Example> examples = database.examples(DATASET)) {
            return examples.toList();
        }
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
        database.close();
    }
}
