package dev.quarry.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A trained text classifier, exclusive or multi-label ({@link TextcatSettings#mode()}), plus the feature extraction
 * it was trained with. Exclusive: one multi-class model, scores sum to 1. Multi-label: one binary model per label,
 * each score is that label's probability, and a label is predicted when its score reaches its threshold.
 * Immutable and thread-safe.
 */
public final class TextcatModel {

    /** The outcome of a label's binary model meaning "the text has the label". */
    static final String IN = "in";
    static final String OUT = "out";

    private final TextcatSettings settings;
    private final TextcatFeatures features;
    private final List<String> labels;
    private final Map<String, TextcatScorer> scorers;
    private final Map<String, Double> thresholds;
    private final Map<String, TextcatLabelCounts> trainingCounts;

    /**
     * @param scorers exclusive: one entry (any key) whose outcomes are the labels; multi-label: one per label
     */
    TextcatModel(TextcatSettings settings, TextcatFeatures features, List<String> labels,
                 Map<String, TextcatScorer> scorers, Map<String, Double> thresholds,
                 Map<String, TextcatLabelCounts> trainingCounts) {
        this.settings = settings;
        this.features = features;
        this.labels = List.copyOf(labels);
        Map<String, TextcatScorer> bound = new LinkedHashMap<>();
        scorers.forEach((key, scorer) -> bound.put(key, scorer.bind(features.index())));
        this.scorers = Map.copyOf(bound);
        this.thresholds = Collections.unmodifiableMap(new TreeMap<>(thresholds));
        this.trainingCounts = Collections.unmodifiableMap(new TreeMap<>(trainingCounts));
        boolean multi = settings.mode() == TextcatMode.MULTI_LABEL;
        if (multi ? !thresholds.keySet().equals(Set.copyOf(labels)) : !thresholds.isEmpty()) {
            throw new IllegalArgumentException("thresholds " + thresholds.keySet() + " do not fit a " + settings.mode()
                    + " model with labels " + labels);
        }
    }

    public TextcatSettings settings() {
        return settings;
    }

    public TextcatMode mode() {
        return settings.mode();
    }

    /** The labels, sorted. */
    public List<String> labels() {
        return labels;
    }

    /** Per label, its decision threshold (multi-label; empty for an exclusive model). */
    public Map<String, Double> thresholds() {
        return thresholds;
    }

    /** Per label, the positive and negative examples its model learned from. */
    public Map<String, TextcatLabelCounts> trainingCounts() {
        return trainingCounts;
    }

    /**
     * The score of each label in {@link #labels()} order: exclusive, probabilities summing to 1; multi-label, each
     * label's own probability.
     */
    public Map<String, Double> scores(TextcatExample example) {
        FeatureVector vector = features.vector(example);
        Map<String, Double> scores = new LinkedHashMap<>();
        if (mode() == TextcatMode.EXCLUSIVE) {
            TextcatScorer scorer = scorers.values().iterator().next();
            double[] p = scorer.probabilities(vector);
            Map<String, Double> byOutcome = new TreeMap<>();
            for (int i = 0; i < p.length; i++) {
                byOutcome.put(scorer.outcomes().get(i), p[i]);
            }
            labels.forEach(label -> scores.put(label, byOutcome.get(label)));
        } else {
            for (String label : labels) {
                TextcatScorer scorer = scorers.get(label);
                scores.put(label, scorer.probabilities(vector)[scorer.outcomes().indexOf(IN)]);
            }
        }
        return scores;
    }

    /** The most probable label (in either mode; the first in label order on ties). */
    public String predict(TextcatExample example) {
        return best(scores(example));
    }

    /** Exclusive: the most probable label; multi-label: every label whose score reaches its threshold. */
    public Set<String> predictLabels(TextcatExample example) {
        return decide(scores(example));
    }

    /**
     * The labels {@code scores} (as {@link #scores} gives them) decide: exclusive, the most probable label;
     * multi-label, every label whose score reaches its threshold, in label order (possibly none).
     */
    public Set<String> decide(Map<String, Double> scores) {
        if (mode() == TextcatMode.EXCLUSIVE) {
            return Set.of(best(scores));
        }
        Set<String> chosen = new LinkedHashSet<>();
        scores.forEach((label, score) -> {
            if (score >= thresholds.get(label)) {
                chosen.add(label);
            }
        });
        return chosen;
    }

    static String best(Map<String, Double> scores) {
        String best = null;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (best == null || e.getValue() > scores.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * A copy with other thresholds for some labels (multi-label only).
     *
     * @throws IllegalStateException    for an exclusive model
     * @throws IllegalArgumentException for an unknown label or a threshold outside [0, 1]
     */
    public TextcatModel withThresholds(Map<String, Double> changed) {
        if (mode() != TextcatMode.MULTI_LABEL) {
            throw new IllegalStateException("thresholds apply to MULTI_LABEL models, this one is " + mode());
        }
        Map<String, Double> merged = new TreeMap<>(thresholds);
        changed.forEach((label, threshold) -> {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("unknown label \"" + label + "\", the model has " + labels);
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold of \"" + label + "\" must be in [0, 1], got "
                        + threshold);
            }
            merged.put(label, threshold);
        });
        return new TextcatModel(settings, features, labels, scorers, merged, trainingCounts);
    }

    /**
     * Scores the model on examples with known labels: exclusive, on every example with one label; multi-label, each
     * label on the examples that know it (see {@link TextcatEvaluation}).
     */
    public TextcatEvaluation evaluate(List<TextcatExample> gold) {
        List<Map<String, Double>> scores = new ArrayList<>(gold.size());
        for (TextcatExample example : gold) {
            scores.add(scores(example));
        }
        return mode() == TextcatMode.EXCLUSIVE
                ? TextcatEvaluation.exclusive(gold, scores)
                : TextcatEvaluation.multiLabel(gold, scores, thresholds);
    }

    /**
     * Writes the whole classifier (mode, labels, thresholds, idf weights, the model or models) as one zip stream;
     * not the settings or the word clusters (keep those beside it: {@link #load} takes them). Does not close
     * {@code out}.
     */
    public void save(OutputStream out) throws IOException {
        TextcatModelIo.write(this, out);
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @param settings the settings it was trained with
     * @param clusters the word clusters named in {@code settings.clusters()}
     * @throws IOException if the stream does not hold a Quarry text-classification model, or one in another mode
     */
    public static TextcatModel load(InputStream in, TextcatSettings settings, Map<String, WordClusters> clusters)
            throws IOException {
        return TextcatModelIo.read(Objects.requireNonNull(in, "in"), settings, clusters);
    }

    TextcatFeatures features() {
        return features;
    }

    Map<String, TextcatScorer> scorers() {
        return scorers;
    }
}
