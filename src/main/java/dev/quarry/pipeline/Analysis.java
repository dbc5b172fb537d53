package dev.quarry.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Pipeline} found in one text.
 *
 * @param text  the text
 * @param spans the entities, sorted by start token then end token; none overlap unless the pipeline's
 *              {@link MergePolicy} or the matcher's overlap policy allows it; copied
 * @param cats   the text classifier's probability per label, in the model's label order; empty without a text
 *               classifier (or when only patterns ran); copied. Exclusive: the probabilities sum to 1;
 *               multi-label: each is that label's own probability.
 * @param labels the labels the classifier decides, in label order: exclusive, the most probable one; multi-label,
 *               each whose probability reaches its threshold (possibly none); empty without categories; copied
 */
public record Analysis(String text, List<AnalyzedSpan> spans, Map<String, Double> cats, List<String> labels) {

    public Analysis {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        cats = Collections.unmodifiableMap(new LinkedHashMap<>(cats));
        labels = List.copyOf(labels);
        if (!cats.keySet().containsAll(labels)) {
            throw new IllegalArgumentException("labels " + labels + " must be among the categories " + cats.keySet());
        }
    }

    /** An analysis without a decision on the categories (none, or their probabilities only). */
    public Analysis(String text, List<AnalyzedSpan> spans, Map<String, Double> cats) {
        this(text, spans, cats, List.of());
    }

    /** The label with the highest probability, or null without categories. */
    public String topCategory() {
        return cats.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
