package dev.quarry.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several NER models voting: a span (same start, end and label) is kept when more than half of the models predict
 * it. Models trained with different feature sets err differently, so the vote is steadier than any one of them (on
 * CoNLL-2003 testa it matched or beat the best member; see {@code benchmarks/training/README.md}). Kept spans never
 * overlap: two overlapping spans cannot both have a majority, since no model predicts overlapping spans.
 *
 * <p>Thread-safe, as its models are.
 */
public final class NerEnsemble {

    private final List<NerModel> models;

    /** @throws IllegalArgumentException if there are no models */
    public NerEnsemble(List<NerModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one model");
        }
        this.models = List.copyOf(models);
    }

    public List<NerModel> models() {
        return models;
    }

    /** Predicts every document of {@code examples} with each model and votes, sentence by sentence. */
    public List<List<EntitySpan>> predictExamples(List<NerExample> examples) {
        List<List<List<EntitySpan>>> predictions = new ArrayList<>(models.size());
        for (NerModel model : models) {
            predictions.add(model.predictExamples(examples));
        }
        List<List<EntitySpan>> voted = new ArrayList<>(examples.size());
        for (int s = 0; s < examples.size(); s++) {
            List<List<EntitySpan>> sentence = new ArrayList<>(models.size());
            for (List<List<EntitySpan>> prediction : predictions) {
                sentence.add(prediction.get(s));
            }
            voted.add(vote(sentence));
        }
        return voted;
    }

    /** Scores the vote on gold examples. */
    public NerEvaluation evaluate(List<NerExample> gold) {
        return NerEvaluation.of(gold.stream().map(NerExample::spans).toList(), predictExamples(gold));
    }

    /** The spans more than half of the predictions contain, sorted by start. */
    static List<EntitySpan> vote(List<List<EntitySpan>> predictions) {
        Map<EntitySpan, Integer> votes = new LinkedHashMap<>();
        for (List<EntitySpan> prediction : predictions) {
            for (EntitySpan span : prediction) {
                votes.merge(span, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().filter(e -> 2 * e.getValue() > predictions.size()).map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt(EntitySpan::start)).toList();
    }
}
