package dev.quarry.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of a text-classification run: the mode, the learner and its parameters (all passed to OpenNLP
 * explicitly) and the features. Stored as JSON in the model package's manifest (one field per component).
 *
 * @param algorithm      {@code NAIVEBAYES}, {@code PERCEPTRON}, {@code MAXENT} (GIS) or {@code MAXENT_QN}
 *                       (L-BFGS / OWL-QN, regularised logistic regression), all OpenNLP's; or Quarry's:
 *                       {@code COMPLEMENT_NB}, complement naive Bayes (Rennie et al. 2003), {@code LINEAR_SVM}, a
 *                       one-vs-rest linear SVM (squared hinge loss, dual coordinate descent, as Liblinear's default),
 *                       or {@code SVM_CNB}, the SVM and complement NB on the same features, their probabilities
 *                       multiplied (the best on 20 Newsgroups; {@link #svmWithComplementNb()}); in {@code
 *                       MULTI_LABEL} mode {@code SVM_CNB} trains the SVM alone per label, as complement NB of one
 *                       label against the rest is naive Bayes without priors and spoiled the product there (20
 *                       Newsgroups held out: macro F1 78.7 with it, 88.9 without)
 * @param iterations     training iterations (ignored by the naive Bayes learners, still recorded); for the SVMs the
 *                       most passes over the texts per label (they stop earlier once converged), at least 1
 * @param cutoff         features seen in fewer training texts are dropped, at least 0
 * @param ngrams         word n-grams up to this length (1: bag of words), 1 to 3
 * @param maxWords       only the first this many words of a text are used (0: all); a cap keeps a few huge texts
 *                       (a uuencoded binary posted as text) from swamping a label's word counts
 * @param binary         each feature counted once per text (presence), not once per occurrence
 * @param entityFeatures add {@code ENT=LABEL} for each entity label given with the text
 * @param clusters       names of {@link WordClusters} whose cluster ids become features ({@code c<name>=<id>})
 * @param l1Cost         L1 regularisation of {@code MAXENT_QN} (recorded, unused by the others), at least 0
 * @param l2Cost         L2 regularisation of {@code MAXENT_QN}; for {@code LINEAR_SVM} and {@code SVM_CNB} the
 *                       weight {@code lambda} of {@code 1/2 |w|^2} against the summed squared hinge loss (Liblinear's
 *                       {@code C = 1/lambda}), there above 0; recorded, unused by the others; at least 0
 * @param mode           exclusive labels or multi-label (one-vs-rest)
 * @param threshold      the default decision threshold of every label in {@link TextcatMode#MULTI_LABEL} mode, in
 *                       (0, 1); thresholds tuned on held-out data or set on the model replace it per label
 * @param tfidf          feature values are sublinear term frequency ({@code 1 + ln count}, or 1 with
 *                       {@code binary}) times inverse document frequency over the training texts, scaled to unit
 *                       length per text; needs a learner that takes real values (not {@code NAIVEBAYES})
 * @param alpha          additive smoothing of {@code COMPLEMENT_NB} and of {@code SVM_CNB}'s complement NB (recorded,
 *                       unused by the others), above 0
 * @param charNgrams     0 (none), or 3 to 6: the character n-grams of lengths 3 to this inside each word (marked
 *                       {@code <} and {@code >} at its ends, counted once per occurrence of the word) become a second
 *                       block of features ({@link TextcatFeatures#CHARS} + the n-gram), tf-idf scaled to unit length
 *                       apart from the words; needs {@code tfidf}; {@code SVM_CNB}'s complement NB leaves them out
 * @param seed           seeds the shuffle of the training examples (OpenNLP's perceptron learns in the given
 *                       order; examples sorted by label made it fail, see the benchmark README)
 */
public record TextcatSettings(String algorithm, int iterations, int cutoff, int ngrams, int maxWords, boolean binary,
                              boolean entityFeatures, List<String> clusters, double l1Cost, double l2Cost,
                              TextcatMode mode, double threshold, boolean tfidf, double alpha, int charNgrams,
                              long seed) {

    static final List<String> ALGORITHMS = List.of("NAIVEBAYES", "PERCEPTRON", "MAXENT", "MAXENT_QN",
            "COMPLEMENT_NB", "LINEAR_SVM", "SVM_CNB");
    private static final List<String> SVMS = List.of("LINEAR_SVM", "SVM_CNB");

    public TextcatSettings {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be one of " + ALGORITHMS + ", got \"" + algorithm
                    + "\"");
        }
        if (iterations < 1 || cutoff < 0 || ngrams < 1 || ngrams > 3 || maxWords < 0) {
            throw new IllegalArgumentException("need iterations >= 1, cutoff >= 0, ngrams in 1..3, maxWords >= 0, got "
                    + iterations + ", " + cutoff + ", " + ngrams + ", " + maxWords);
        }
        clusters = List.copyOf(clusters);
        if (!(l1Cost >= 0) || !(l2Cost >= 0)) {
            throw new IllegalArgumentException("l1Cost and l2Cost must be >= 0, got " + l1Cost + ", " + l2Cost);
        }
        Objects.requireNonNull(mode, "mode");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        if (tfidf && algorithm.equals("NAIVEBAYES")) {
            throw new IllegalArgumentException("tfidf needs a learner that takes real feature values; NAIVEBAYES "
                    + "scores counts only (use COMPLEMENT_NB)");
        }
        if (SVMS.contains(algorithm) && (!(l2Cost > 0) || Double.isInfinite(l2Cost))) {
            throw new IllegalArgumentException(algorithm + " needs l2Cost > 0 (C = 1 / l2Cost), got " + l2Cost);
        }
        if (charNgrams != 0 && (charNgrams < 3 || charNgrams > 6 || !tfidf)) {
            throw new IllegalArgumentException("charNgrams must be 0, or 3 to 6 with tfidf, got " + charNgrams
                    + (tfidf ? "" : " without tfidf"));
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
    }

    /** The settings before the mode existed: exclusive, threshold 0.5, raw values, alpha 1, seed 42. */
    public TextcatSettings(String algorithm, int iterations, int cutoff, int ngrams, int maxWords, boolean binary,
                           boolean entityFeatures, List<String> clusters, double l1Cost, double l2Cost) {
        this(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters, l1Cost, l2Cost,
                TextcatMode.EXCLUSIVE, 0.5, false, 1.0, 0, 42);
    }

    /** Naive Bayes over a bag of words, cutoff 0: the best plain-OpenNLP setting measured on 20 Newsgroups. */
    public static TextcatSettings naiveBayesBagOfWords() {
        return new TextcatSettings("NAIVEBAYES", 100, 0, 1, 0, false, false, List.of(), 0.1, 0.1);
    }

    /**
     * The best text classifier measured on 20 Newsgroups (benchmarks/training): {@code SVM_CNB} over sublinear tf-idf
     * unigrams and (the SVM only) the character 3- and 4-grams inside them, cutoff 2 (features of at least 2 training
     * texts), every word of a text, {@code C = 1} (l2Cost 1), complement-NB smoothing 0.3, at most 1000 passes;
     * exclusive, seed 42.
     */
    public static TextcatSettings svmWithComplementNb() {
        return new TextcatSettings("SVM_CNB", 1000, 2, 1, 0, false, false, List.of(), 0, 1, TextcatMode.EXCLUSIVE, 0.5,
                true, 0.3, 4, 42);
    }

    public TextcatSettings withLearner(String algorithm, int iterations, int cutoff) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    public TextcatSettings withFeatures(int ngrams, boolean binary, boolean entityFeatures, List<String> clusters) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    public TextcatSettings withMaxWords(int maxWords) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    /** A copy with other regularisation costs for {@code MAXENT_QN}. */
    public TextcatSettings withCosts(double l1Cost, double l2Cost) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    /** A copy in another mode, with the default threshold of its labels (used by {@code MULTI_LABEL}). */
    public TextcatSettings withMode(TextcatMode mode, double threshold) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    /** A copy with or without tf-idf feature values. */
    public TextcatSettings withTfidf(boolean tfidf) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    /** A copy with another smoothing for {@code COMPLEMENT_NB}. */
    public TextcatSettings withAlpha(double alpha) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    /** A copy with character n-grams of lengths 3 to {@code charNgrams} inside words (0: none). */
    public TextcatSettings withCharNgrams(int charNgrams) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    public TextcatSettings withSeed(long seed) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost, mode, threshold, tfidf, alpha, charNgrams, seed);
    }

    /**
     * Every OpenNLP training parameter this run passes, by OpenNLP's names (Quarry's own learners, which OpenNLP
     * does not have, list theirs: algorithm, cutoff, alpha for complement NB, iterations and {@code C} for the SVM).
     */
    public Map<String, String> trainingParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Algorithm", algorithm);
        if (algorithm.equals("COMPLEMENT_NB") || SVMS.contains(algorithm)) {
            return quarryParameters(params);
        }
        LearnerParameters.common(params, algorithm, iterations, cutoff, "OnePassRealValue");
        LearnerParameters.learner(params, algorithm, l1Cost, l2Cost);
        return params;
    }

    private Map<String, String> quarryParameters(Map<String, String> params) {
        params.put("Cutoff", Integer.toString(cutoff));
        if (!algorithm.equals("LINEAR_SVM")) {
            params.put("Alpha", Double.toString(alpha));
        }
        if (SVMS.contains(algorithm)) {
            params.put("Iterations", Integer.toString(iterations));
            params.put("C", Double.toString(1 / l2Cost));
        }
        if (charNgrams > 0) {
            params.put("CharNgrams", "3-" + charNgrams);
        }
        return params;
    }
}
