package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.pipeline.AnalysisJson;
import dev.quarry.streams.MatchSpans;
import dev.quarry.streams.Task;
import java.util.Set;

/**
 * What the annotation app suggests on a task, from the pattern set and the model served when the task is read: with
 * a model, match-then-predict ({@code spans} with their {@code origin}, model spans with their {@code score}, and
 * {@code cats}); without one, the pattern matches ({@code spans} as {@link MatchSpans} writes them), or the task's
 * own spans when there are no patterns to suggest with. Thread-safe.
 */
final class Suggestions {

    private final PatternReloader patterns;
    private final ServedModel model;
    private final boolean fromPatterns;

    /** {@code fromPatterns} is false to keep the tasks' own spans while there is no model. */
    Suggestions(PatternReloader patterns, ServedModel model, boolean fromPatterns) {
        this.patterns = patterns;
        this.model = model;
        this.fromPatterns = fromPatterns;
    }

    /** The served pattern set (its tokenizer tokenizes the tasks). */
    Matcher matcher() {
        return patterns.current().matcher();
    }

    /** Whether a model suggests now. */
    boolean withModel() {
        return model.current() != null;
    }

    /**
     * The task with the suggestions of now in place of its {@code spans} (and {@code cats}, {@code labels}), task
     * hash removed.
     */
    Task suggest(Task task) {
        ServedModel.Current served = model.current();
        if (served == null) {
            return fromPatterns ? MatchSpans.annotate(task, matcher()) : task;
        }
        ObjectNode json = task.json();
        json.remove("cats");
        json.remove("labels");
        return Task.of(AnalysisJson.put(json, served.pipeline().withMatcher(matcher()).analyze(task.text())));
    }

    /**
     * The order of tasks with a model: pattern hits first, then the most uncertain predictions. {@code 2 + u} for a
     * task with a pattern span, else {@code u}, where {@code u} in [0, 1] is the highest {@code 1 - 2|p - 0.5|} over
     * its model spans' scores and its categories of {@code labels} (0 without predictions).
     */
    static double priority(Task task, Set<String> labels) {
        boolean hit = false;
        double uncertainty = 0;
        JsonNode spans = task.get("spans");
        for (int i = 0; spans != null && i < spans.size(); i++) {
            JsonNode span = spans.get(i);
            if (span.path("origin").asText("pattern").equals("pattern")) {
                hit = true;
            } else if (span.path("score").isNumber()) {
                uncertainty = Math.max(uncertainty, uncertainty(span.get("score").doubleValue()));
            }
        }
        JsonNode cats = task.get("cats");
        for (String label : labels) {
            if (cats != null && cats.path(label).isNumber()) {
                uncertainty = Math.max(uncertainty, uncertainty(cats.get(label).doubleValue()));
            }
        }
        return (hit ? 2 : 0) + uncertainty;
    }

    private static double uncertainty(double probability) {
        return Double.isNaN(probability) ? 0 : Math.max(0, 1 - 2 * Math.abs(probability - 0.5));
    }
}
