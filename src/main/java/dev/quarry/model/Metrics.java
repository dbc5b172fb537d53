package dev.quarry.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.SpanCounts;
import dev.quarry.training.TextcatEvaluation;
import java.util.Map;

/**
 * Evaluations as the JSON of a manifest's {@code "metrics"} and of {@code metrics.json}. Precision, recall, F1 and
 * accuracy are fractions in [0, 1]; counts are integers.
 *
 * <pre>{@code
 * {"ner": {"micro": {"p": 0.9, "r": 0.8, "f": 0.847, "tp": 8, "fp": 1, "fn": 2},
 *          "macro_f": 0.84, "per_label": {"LOC": {...}, "PER": {...}}},
 *  "textcat": {"mode": "EXCLUSIVE", "accuracy": 0.75, "correct": 3, "total": 4,
 *              "micro": {"p": 0.75, ...}, "macro_f": 0.73, "macro_auc": 0.9,
 *              "per_label": {"SPORT": {"p": 1.0, "r": 0.5, "f": 0.667, "tp": 1, "fp": 0, "fn": 1, "auc": 0.75}},
 *              "confusion": {"labels": ["MEDICINE", "SPORT"], "counts": [[2, 0], [1, 1]]}}}
 * }</pre>
 * Text classification: {@code accuracy} is the exact-match ratio for a multi-label classifier (over texts whose
 * labels are all known); {@code auc} is ROC AUC from the scores, null where a label has no positive or no negative
 * text; {@code confusion} (rows gold, columns predicted) only for an exclusive classifier. See {@code
 * TextcatEvaluation} for how binary and choice answers are counted.
 */
public final class Metrics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Metrics() {
    }

    public static ObjectNode ner(NerEvaluation evaluation) {
        ObjectNode json = NODES.objectNode();
        json.set("micro", counts(evaluation.micro()));
        json.put("macro_f", evaluation.macroF1());
        json.set("per_label", perLabel(evaluation.perLabel()));
        return json;
    }

    public static ObjectNode textcat(TextcatEvaluation evaluation) {
        ObjectNode json = NODES.objectNode();
        json.put("mode", evaluation.mode().name());
        json.put("accuracy", evaluation.accuracy());
        json.put("correct", evaluation.correct());
        json.put("total", evaluation.total());
        json.set("micro", counts(evaluation.micro()));
        json.put("macro_f", evaluation.macroF1());
        putAuc(json, "macro_auc", evaluation.macroAuc());
        ObjectNode perLabel = perLabel(evaluation.perLabel());
        perLabel.properties().forEach(e -> putAuc((ObjectNode) e.getValue(), "auc",
                evaluation.auc().getOrDefault(e.getKey(), Double.NaN)));
        json.set("per_label", perLabel);
        if (evaluation.confusion() != null) {
            json.set("confusion", evaluation.confusion().toJson());
        }
        return json;
    }

    private static void putAuc(ObjectNode json, String key, double auc) {
        if (Double.isNaN(auc)) {
            json.putNull(key);
        } else {
            json.put(key, auc);
        }
    }

    private static ObjectNode perLabel(Map<String, SpanCounts> perLabel) {
        ObjectNode json = NODES.objectNode();
        perLabel.forEach((label, counts) -> json.set(label, counts(counts)));
        return json;
    }

    private static ObjectNode counts(SpanCounts counts) {
        return NODES.objectNode().put("p", counts.precision()).put("r", counts.recall()).put("f", counts.f1())
                .put("tp", counts.truePositives()).put("fp", counts.falsePositives())
                .put("fn", counts.falseNegatives());
    }
}
