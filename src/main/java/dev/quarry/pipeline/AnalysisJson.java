package dev.quarry.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.text.Offsets;
import java.util.List;
import java.util.Map;

/**
 * Analyses as Prodigy-style JSON, the one writer shared by {@code quarry predict} and the HTTP service. Each span
 * has {@code start} and {@code end} in Unicode code points (end exclusive), {@code token_start} and {@code token_end}
 * both inclusive, {@code label}, then for a pattern match {@code pattern_id} (when the pattern has one), {@code
 * source} ({@code file:line}) and {@code "origin": "pattern"} (so pattern spans read as {@code
 * streams.MatchSpans} writes them, plus the origin), and for a model entity {@code "origin": "model"} and {@code
 * score} when known. Categories are {@code "cats": {"LABEL": probability}} (an exclusive classifier's sum to 1, a
 * multi-label one's are each label's own probability) and {@code "labels": ["LABEL", ...]}, the classifier's
 * decision: the most probable label (exclusive) or every label whose probability reaches its threshold
 * (multi-label; possibly none). Stateless and thread-safe.
 */
public final class AnalysisJson {

    private AnalysisJson() {
    }

    /**
     * Sets {@code task.spans} to the analysis's spans and, when it has categories, {@code task.cats} and {@code
     * task.labels}; removes a {@code _task_hash}, which the new spans make stale. Returns {@code task}.
     */
    public static ObjectNode put(ObjectNode task, Analysis analysis) {
        addSpans(task.putArray("spans"), analysis.spans(), Offsets.of(analysis.text()));
        if (!analysis.cats().isEmpty()) {
            putCats(task.putObject("cats"), analysis.cats());
            analysis.labels().forEach(task.putArray("labels")::add);
        }
        task.remove("_task_hash");
        return task;
    }

    /** Appends one JSON span per span, in order; offsets converted with {@code offsets} (the text's). */
    public static ArrayNode addSpans(ArrayNode out, List<AnalyzedSpan> spans, Offsets offsets) {
        for (AnalyzedSpan span : spans) {
            ObjectNode json = out.addObject();
            json.put("start", offsets.toCodePoint(span.start()));
            json.put("end", offsets.toCodePoint(span.end()));
            json.put("token_start", span.tokenStart());
            json.put("token_end", span.tokenEnd() - 1);
            json.put("label", span.label());
            switch (span.origin()) {
                case Origin.FromPattern pattern -> {
                    if (pattern.patternId() != null) {
                        json.put("pattern_id", pattern.patternId());
                    }
                    json.put("source", pattern.source());
                    json.put("origin", pattern.name());
                }
                case Origin.FromModel model -> {
                    json.put("origin", model.name());
                    if (model.score() != null) {
                        json.put("score", model.score());
                    }
                }
            }
        }
        return out;
    }

    private static void putCats(ObjectNode out, Map<String, Double> cats) {
        cats.forEach(out::put);
    }
}
