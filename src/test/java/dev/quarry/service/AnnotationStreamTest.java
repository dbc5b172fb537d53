package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.TinyModels;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.streams.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationStreamTest {

    private static final List<String> LABELS = List.of("CITY", "PER", "LOC");

    @TempDir
    Path dir;

    private final ServedModel model = ServedModel.none();

    /** Ten texts; those naming Paris or Rome (days 1, 4 and 7) are pattern hits. */
    private AnnotationStream open(int window) throws Exception {
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            corpus.append("{\"text\": \"").append(TinyModels.PEOPLE.get(i % 6)).append(" visited ")
                    .append(TinyModels.CITIES.get((i + 2) % 6)).append(" on day ").append(i).append(".\"}\n");
        }
        Files.writeString(dir.resolve("corpus.jsonl"), corpus, StandardCharsets.UTF_8);
        PatternReloader patterns = PatternReloader.fixed(TinyModels.matcher(), List.of(),
                Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC),
                new PrintWriter(new StringWriter()));
        AnnotateOptions options = AnnotateOptions.of("d", dir.resolve("corpus.jsonl"), AnnotateOptions.Kind.NER,
                LABELS).withWindow(window);
        return AnnotationStream.open(options, LABELS, new Suggestions(patterns, model, true), key -> false);
    }

    private static boolean fromModel(Task task) {
        JsonNode spans = task.get("spans");
        for (int i = 0; spans != null && i < spans.size(); i++) {
            if (spans.get(i).path("origin").asText().equals("model")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void patternHitsComeFirstWithinTheWindow() throws Exception {
        try (AnnotationStream stream = open(10)) {
            List<String> first = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                first.add(stream.next().text());
            }
            assertEquals(List.of("Boris visited Rome on day 1.", "Elena visited Paris on day 4.",
                    "Boris visited Rome on day 7.", "Anna visited Madrid on day 0."), first);
        }
    }

    @Test
    void reorderTakesBackTheWindowAndSuggestsItAgainWithTheNewModelDroppingAndRepeatingNothing() throws Exception {
        try (AnnotationStream stream = open(4)) {
            List<Task> served = new ArrayList<>();
            served.add(stream.next());
            served.add(stream.next());
            assertTrue(served.stream().noneMatch(AnnotationStreamTest::fromModel));
            model.replace(new ServedModel.Current(Pipeline.of(TinyModels.full()), null, "v2"));
            assertEquals(3, stream.reorder(), "a window of 4 after one was taken (it refills on the next read)");
            while (stream.hasNext()) {
                Task task = stream.next();
                assertTrue(fromModel(task), "suggested by the new model: " + task);
                served.add(task);
            }
            assertEquals(10, served.stream().map(Task::text).distinct().count());
            assertEquals(10, served.size());
        }
    }
}
