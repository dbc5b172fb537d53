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
 * <p>A kept span's score ({@link #predictScored}) is the share of the models that predict it, in (0.5, 1].
 *
 * <p>Thread-safe, as its models are.
 */
public final class NerEnsemble {

    /** The word clusters the fifth member of {@link #memberSettings} adds: k-means with k=16. */
    public static final String EXTRA_CLUSTERS = "k16";

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

    /**
     * The settings of an ensemble of {@code size} members built on {@code base}, the rule of {@code quarry train
     * --ner-vote}: {@code base}, then {@code base} with {@link NerFeature#OUTCOME_CLUSTERS}, {@link
     * NerFeature#CONTEXT_AGGREGATION}, {@link NerFeature#TRUECASE_HEADLINES} switched on, then {@code base} with
     * one more clustering {@value #EXTRA_CLUSTERS} when it uses clusters but not that one (else with {@link
     * NerFeature#DOCUMENT_TOPIC} on). On the benchmark's settings "f" with 5 members this is its "vote-f".
     *
     * @throws IllegalArgumentException unless {@code size} is 3 or 5
     */
    public static List<NerSettings> memberSettings(NerSettings base, int size) {
        if (size != 3 && size != 5) {
            throw new IllegalArgumentException("an NER vote has 3 or 5 members, got " + size);
        }
        List<NerSettings> members = new ArrayList<>(List.of(base, base.with(NerFeature.OUTCOME_CLUSTERS, true),
                base.with(NerFeature.CONTEXT_AGGREGATION, true), base.with(NerFeature.TRUECASE_HEADLINES, true)));
        List<String> clusters = new ArrayList<>(base.clusters());
        clusters.add(EXTRA_CLUSTERS);
        boolean noExtra = base.clusters().isEmpty() || base.clusters().contains(EXTRA_CLUSTERS);
        members.add(noExtra ? base.with(NerFeature.DOCUMENT_TOPIC, true)
                : base.withClusters(clusters, base.clusterWindow()));
        return List.copyOf(members.subList(0, size));
    }

    /**
     * Predicts one document with each model and votes, sentence by sentence.
     *
     * @param document the tokens of each sentence, in order
     * @return the kept spans of each sentence (token indices), sorted by start, scored by their share of votes
     */
    public List<List<ScoredEntity>> predictScored(List<List<String>> document) {
        List<List<List<EntitySpan>>> predictions = new ArrayList<>(models.size());
        for (NerModel model : models) {
            predictions.add(model.predict(document));
        }
        List<List<ScoredEntity>> voted = new ArrayList<>(document.size());
        for (int s = 0; s < document.size(); s++) {
            voted.add(scoredVote(sentence(predictions, s)));
        }
        return voted;
    }

    private static List<List<EntitySpan>> sentence(List<List<List<EntitySpan>>> predictions, int s) {
        return predictions.stream().map(prediction -> prediction.get(s)).toList();
    }

    /** Predicts every document of {@code examples} with each model and votes, sentence by sentence. */
    public List<List<EntitySpan>> predictExamples(List<NerExample> examples) {
        List<List<List<EntitySpan>>> predictions = new ArrayList<>(models.size());
        for (NerModel model : models) {
            predictions.add(model.predictExamples(examples));
        }
        List<List<EntitySpan>> voted = new ArrayList<>(examples.size());
        for (int s = 0; s < examples.size(); s++) {
            voted.add(vote(sentence(predictions, s)));
        }
        return voted;
    }

    /** Scores the vote on gold examples. */
    public NerEvaluation evaluate(List<NerExample> gold) {
        return NerEvaluation.of(gold.stream().map(NerExample::spans).toList(), predictExamples(gold));
    }

    /** The spans more than half of the predictions contain, sorted by start. */
    static List<EntitySpan> vote(List<List<EntitySpan>> predictions) {
        return scoredVote(predictions).stream().map(ScoredEntity::span).toList();
    }

    /** The spans more than half of the predictions contain, sorted by start, scored by their share of votes. */
    static List<ScoredEntity> scoredVote(List<List<EntitySpan>> predictions) {
        Map<EntitySpan, Integer> votes = new LinkedHashMap<>();
        for (List<EntitySpan> prediction : predictions) {
            for (EntitySpan span : prediction) {
                votes.merge(span, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().filter(e -> 2 * e.getValue() > predictions.size())
                .map(e -> new ScoredEntity(e.getKey(), (double) e.getValue() / predictions.size()))
                .sorted(Comparator.comparingInt(scored -> scored.span().start())).toList();
    }
}
