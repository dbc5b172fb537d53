package dev.quarry.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains {@link TextcatModel}s, exclusive or multi-label as {@link TextcatSettings#mode()} says. The features are
 * made by Quarry ({@link TextcatSettings}); the learners are OpenNLP's event trainers, or Quarry's complement naive
 * Bayes, linear SVM and the two combined. The training examples are shuffled with the settings' seed first (OpenNLP's perceptron learns in the
 * order given). Deterministic for the same examples and settings; not thread-safe while training, reusable after.
 *
 * <p>Exclusive: every example with exactly one label is a training text of that label; examples that only reject
 * labels are skipped (an exclusive multi-class model cannot learn "not L" alone; train {@code MULTI_LABEL} to use
 * them) and counted in {@link #skipped(List)}. Multi-label: label L's binary model learns from the examples that know
 * L ({@link TextcatExample#has}), and nothing else.
 */
public final class TextcatTrainer {

    private final TextcatSettings settings;
    private final Map<String, WordClusters> clusters;

    /** @param clusters the word clusters named in {@code settings.clusters()} */
    public TextcatTrainer(TextcatSettings settings, Map<String, WordClusters> clusters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clusters = Map.copyOf(clusters);
        new TextcatFeatures(settings, clusters); // fails now, not at train time, when a named cluster set is missing
    }

    /**
     * Trains on examples with known labels; multi-label thresholds are the settings' default.
     *
     * @throws IllegalArgumentException if an example knows no label, an exclusive example has several labels, or a
     *                                  label lacks positive or negative examples (naming it)
     */
    public TextcatModel train(List<TextcatExample> examples) {
        check(examples);
        List<TextcatExample> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(settings.seed()));
        TextcatFeatures features = new TextcatFeatures(settings, clusters);
        if (settings.tfidf()) {
            features = features.fitIdf(shuffled);
        }
        try {
            return settings.mode() == TextcatMode.EXCLUSIVE
                    ? trainExclusive(shuffled, features)
                    : trainMultiLabel(shuffled, features);
        } catch (IOException e) {
            throw new UncheckedIOException("text classification training failed", e);
        }
    }

    /**
     * Trains on {@code examples}, then (multi-label) sets each label's threshold to the one with the best F1 on
     * {@code heldOut} ({@link Thresholds#bestF1}); a label no held-out example knows as positive keeps the default.
     * Exclusive models have no thresholds: {@code heldOut} is not used.
     */
    public TextcatModel train(List<TextcatExample> examples, List<TextcatExample> heldOut) {
        TextcatModel model = train(examples);
        if (settings.mode() != TextcatMode.MULTI_LABEL) {
            return model;
        }
        List<Map<String, Double>> scores = heldOut.stream().map(model::scores).toList();
        Map<String, Double> tuned = new TreeMap<>();
        for (String label : model.labels()) {
            List<Double> labelScores = new ArrayList<>();
            List<Boolean> positive = new ArrayList<>();
            for (int i = 0; i < heldOut.size(); i++) {
                Boolean has = heldOut.get(i).has(label);
                if (has != null) {
                    labelScores.add(scores.get(i).get(label));
                    positive.add(has);
                }
            }
            tuned.put(label, Thresholds.bestF1(labelScores, positive, settings.threshold()));
        }
        return model.withThresholds(tuned);
    }

    /**
     * Multi-label thresholds tuned on a held-out part of {@code examples}: a model trained on the rest is scored on
     * the held-out part, and each label gets the threshold with the best F1 there ({@link #train(List, List)}; the
     * settings' default where no held-out text has the label). The
     * caller then trains on all the examples and sets these thresholds ({@link TextcatModel#withThresholds}), as a
     * tuned-threshold classifier refits on all its data. Labels the smaller model does not know are left out.
     *
     * @param heldOutFraction the share held out, in (0, 1), at least one example, seeded by {@code seed}
     * @throws IllegalStateException    if the mode is not {@code MULTI_LABEL}
     * @throws IllegalArgumentException if there are fewer than 2 examples, or the rest lacks positive or negative
     *                                  examples of a label (naming it)
     */
    public Map<String, Double> tuneThresholds(List<TextcatExample> examples, double heldOutFraction, long seed) {
        if (settings.mode() != TextcatMode.MULTI_LABEL) {
            throw new IllegalStateException("thresholds apply to MULTI_LABEL models, the settings say "
                    + settings.mode());
        }
        TrainEvalSplit<TextcatExample> split = TrainEvalSplit.of(examples, heldOutFraction, seed, "texts");
        return train(split.train(), split.eval()).thresholds();
    }

    /**
     * The mode the examples' labels fit: {@code EXCLUSIVE} when every example has exactly one label, else {@code
     * MULTI_LABEL} (a text with several labels, or an answer that only rejects labels, which an exclusive model
     * cannot learn from).
     */
    public static TextcatMode fittingMode(List<TextcatExample> examples) {
        return examples.stream().allMatch(e -> e.labels().size() == 1) ? TextcatMode.EXCLUSIVE
                : TextcatMode.MULTI_LABEL;
    }

    /** How many examples the settings' mode cannot learn from (exclusive: those that only reject labels). */
    public long skipped(List<TextcatExample> examples) {
        return settings.mode() == TextcatMode.EXCLUSIVE
                ? examples.stream().filter(e -> e.labels().isEmpty() && !e.rejected().isEmpty()).count()
                : 0;
    }

    private void check(List<TextcatExample> examples) {
        for (int i = 0; i < examples.size(); i++) {
            TextcatExample e = examples.get(i);
            if (e.labels().isEmpty() && e.rejected().isEmpty() && !e.complete()) {
                throw new IllegalArgumentException("training example " + i + " has no label");
            }
            if (settings.mode() == TextcatMode.EXCLUSIVE && e.labels().size() > 1) {
                throw new IllegalArgumentException("training example " + i + " has " + e.labels().size()
                        + " labels " + e.labels() + " but the mode is EXCLUSIVE");
            }
            if (settings.mode() == TextcatMode.EXCLUSIVE && e.complete() && e.labels().isEmpty()) {
                throw new IllegalArgumentException("training example " + i + " has no label");
            }
        }
    }

    private TextcatModel trainExclusive(List<TextcatExample> examples, TextcatFeatures features) throws IOException {
        List<String> outcomes = new ArrayList<>();
        List<FeatureVector> vectors = new ArrayList<>();
        for (TextcatExample example : examples) {
            if (example.label() != null) {
                outcomes.add(example.label());
                vectors.add(features.vector(example));
            }
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(outcomes));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("text classification needs at least 2 labels, got " + labels.size());
        }
        Map<String, TextcatLabelCounts> counts = new LinkedHashMap<>();
        for (String label : labels) {
            long positives = outcomes.stream().filter(label::equals).count();
            counts.put(label, new TextcatLabelCounts(positives, outcomes.size() - positives));
        }
        return new TextcatModel(settings, features, labels, Map.of("", learn(outcomes, vectors)), Map.of(), counts);
    }

    private TextcatModel trainMultiLabel(List<TextcatExample> examples, TextcatFeatures features) throws IOException {
        List<String> labels = labels(examples);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("multi-label text classification needs at least 1 label, got none");
        }
        List<FeatureVector> vectors = examples.stream().map(features::vector).toList();
        Map<String, TextcatScorer> scorers = new LinkedHashMap<>();
        Map<String, TextcatLabelCounts> counts = new LinkedHashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (String label : labels) {
            List<String> outcomes = new ArrayList<>();
            List<FeatureVector> known = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                Boolean has = examples.get(i).has(label);
                if (has != null) {
                    outcomes.add(has ? TextcatModel.IN : TextcatModel.OUT);
                    known.add(vectors.get(i));
                }
            }
            long positives = outcomes.stream().filter(TextcatModel.IN::equals).count();
            if (positives == 0 || positives == outcomes.size()) {
                throw new IllegalArgumentException("label \"" + label + "\" has " + positives + " positive and "
                        + (outcomes.size() - positives) + " negative examples; its binary model needs both");
            }
            scorers.put(label, learn(outcomes, known));
            counts.put(label, new TextcatLabelCounts(positives, outcomes.size() - positives));
            thresholds.put(label, settings.threshold());
        }
        return new TextcatModel(settings, features, labels, scorers, thresholds, counts);
    }

    private static List<String> labels(List<TextcatExample> examples) {
        TreeSet<String> labels = new TreeSet<>();
        examples.forEach(e -> {
            labels.addAll(e.labels());
            labels.addAll(e.rejected());
        });
        return new ArrayList<>(labels);
    }

    private TextcatScorer learn(List<String> outcomes, List<FeatureVector> vectors) throws IOException {
        return switch (settings.algorithm()) {
            case "COMPLEMENT_NB" -> ComplementNaiveBayes.train(outcomes, vectors, settings.cutoff(), settings.alpha());
            case "LINEAR_SVM" -> LinearSvm.train(outcomes, vectors, settings);
            case "SVM_CNB" -> settings.mode() == TextcatMode.MULTI_LABEL
                    ? LinearSvm.train(outcomes, vectors, settings) // see TextcatSettings#algorithm
                    : SvmCnbEnsemble.train(outcomes, vectors, settings);
            default -> OpenNlpScorer.train(outcomes, vectors, settings);
        };
    }
}
