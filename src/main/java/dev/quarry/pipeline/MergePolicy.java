package dev.quarry.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How pattern matches and model entities that share tokens are merged. */
public enum MergePolicy {
    /** Every pattern match; a model entity only where it overlaps no pattern match (the default). */
    PATTERNS_WIN,
    /** Every model entity; a pattern match only where it overlaps no model entity. */
    MODEL_WINS,
    /** Both, overlapping or not. */
    KEEP_BOTH;

    private static final Comparator<AnalyzedSpan> ORDER = Comparator.comparingInt(AnalyzedSpan::tokenStart)
            .thenComparingInt(AnalyzedSpan::tokenEnd);

    /**
     * The merged spans, sorted by start token then end token (stable: pattern matches before model entities).
     *
     * @param tokens the number of tokens of the text
     */
    List<AnalyzedSpan> merge(List<AnalyzedSpan> patterns, List<AnalyzedSpan> model, int tokens) {
        List<AnalyzedSpan> merged = new ArrayList<>(patterns.size() + model.size());
        switch (this) {
            case PATTERNS_WIN -> {
                merged.addAll(patterns);
                merged.addAll(uncovered(model, patterns, tokens));
            }
            case MODEL_WINS -> {
                merged.addAll(uncovered(patterns, model, tokens));
                merged.addAll(model);
            }
            case KEEP_BOTH -> {
                merged.addAll(patterns);
                merged.addAll(model);
            }
        }
        merged.sort(ORDER);
        return merged;
    }

    /** The spans of {@code candidates} that share no token with any span of {@code winners}. */
    private static List<AnalyzedSpan> uncovered(List<AnalyzedSpan> candidates, List<AnalyzedSpan> winners,
                                                int tokens) {
        if (winners.isEmpty()) {
            return candidates;
        }
        boolean[] covered = new boolean[tokens];
        for (AnalyzedSpan span : winners) {
            java.util.Arrays.fill(covered, span.tokenStart(), span.tokenEnd(), true);
        }
        List<AnalyzedSpan> kept = new ArrayList<>(candidates.size());
        for (AnalyzedSpan span : candidates) {
            boolean free = true;
            for (int t = span.tokenStart(); t < span.tokenEnd() && free; t++) {
                free = !covered[t];
            }
            if (free) {
                kept.add(span);
            }
        }
        return kept;
    }
}
