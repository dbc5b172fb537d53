package dev.quarry.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A span a model proposes for a binary question, with the share of its beam's probability that backs it.
 *
 * @param span        the entity (token indices, end exclusive)
 * @param probability in [0, 1]
 */
public record SpanSuggestion(EntitySpan span, double probability) {

    public SpanSuggestion {
        Objects.requireNonNull(span, "span");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }

    /** The distinct spans of a beam's sequences, each with the normalised probability of the sequences holding it. */
    static List<SpanSuggestion> fromBeam(List<ConstrainedDecoder.Scored> beam) {
        double best = beam.getFirst().score();
        double total = 0;
        Map<EntitySpan, Double> mass = new LinkedHashMap<>();
        for (ConstrainedDecoder.Scored sequence : beam) {
            double weight = Math.exp(sequence.score() - best);
            total += weight;
            for (EntitySpan span : ConstrainedDecoder.spans(sequence.outcomes())) {
                mass.merge(span, weight, Double::sum);
            }
        }
        List<SpanSuggestion> suggestions = new ArrayList<>(mass.size());
        for (Map.Entry<EntitySpan, Double> entry : mass.entrySet()) {
            suggestions.add(new SpanSuggestion(entry.getKey(), Math.min(1, entry.getValue() / total)));
        }
        suggestions.sort(Comparator.comparingDouble(SpanSuggestion::probability).reversed()
                .thenComparingInt(s -> s.span().start()).thenComparingInt(s -> s.span().end()));
        return List.copyOf(suggestions);
    }
}
