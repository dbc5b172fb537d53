package dev.quarry.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a text-classification run: the OpenNLP learner and its parameters (all passed explicitly) and the
 * features.
 *
 * @param algorithm      {@code NAIVEBAYES}, {@code PERCEPTRON}, {@code MAXENT} (GIS) or {@code MAXENT_QN}
 *                       (L-BFGS / OWL-QN, regularised logistic regression)
 * @param iterations     training iterations (ignored by naive Bayes, still recorded), at least 1
 * @param cutoff         features seen fewer times are dropped, at least 0
 * @param ngrams         word n-grams up to this length (1: bag of words), 1 to 3
 * @param maxWords       only the first this many words of a text are used (0: all); a cap keeps a few huge texts
 *                       (a uuencoded binary posted as text) from swamping a label's word counts
 * @param binary         each feature counted once per text (presence), not once per occurrence
 * @param entityFeatures add {@code ENT=LABEL} for each entity label given with the text
 * @param clusters       names of {@link WordClusters} whose cluster ids become features ({@code c<name>=<id>})
 * @param l1Cost         L1 regularisation of {@code MAXENT_QN} (recorded, unused by the others), at least 0
 * @param l2Cost         L2 regularisation of {@code MAXENT_QN} (recorded, unused by the others), at least 0
 */
public record TextcatSettings(String algorithm, int iterations, int cutoff, int ngrams, int maxWords, boolean binary,
                              boolean entityFeatures, List<String> clusters,
                              double l1Cost, double l2Cost) {

    public TextcatSettings {
        if (!List.of("NAIVEBAYES", "PERCEPTRON", "MAXENT", "MAXENT_QN").contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be NAIVEBAYES, PERCEPTRON, MAXENT or MAXENT_QN, got \""
                    + algorithm + "\"");
        }
        if (iterations < 1 || cutoff < 0 || ngrams < 1 || ngrams > 3 || maxWords < 0) {
            throw new IllegalArgumentException("need iterations >= 1, cutoff >= 0, ngrams in 1..3, maxWords >= 0, got "
                    + iterations + ", " + cutoff + ", " + ngrams + ", " + maxWords);
        }
        clusters = List.copyOf(clusters);
        if (!(l1Cost >= 0) || !(l2Cost >= 0)) {
            throw new IllegalArgumentException("l1Cost and l2Cost must be >= 0, got " + l1Cost + ", " + l2Cost);
        }
    }

    /** Naive Bayes over a bag of words, cutoff 0: the best plain-OpenNLP setting measured on 20 Newsgroups. */
    public static TextcatSettings naiveBayesBagOfWords() {
        return new TextcatSettings("NAIVEBAYES", 100, 0, 1, 0, false, false, List.of(), 0.1, 0.1);
    }

    public TextcatSettings withLearner(String algorithm, int iterations, int cutoff) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost);
    }

    public TextcatSettings withFeatures(int ngrams, boolean binary, boolean entityFeatures, List<String> clusters) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost);
    }

    public TextcatSettings withMaxWords(int maxWords) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost);
    }

    /** A copy with other regularisation costs for {@code MAXENT_QN}. */
    public TextcatSettings withCosts(double l1Cost, double l2Cost) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters,
                l1Cost, l2Cost);
    }

    /** Every OpenNLP training parameter this run passes, by OpenNLP's names. */
    public Map<String, String> trainingParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Algorithm", algorithm);
        params.put("TrainerType", "Event");
        params.put("Iterations", Integer.toString(iterations));
        params.put("Cutoff", Integer.toString(cutoff));
        params.put("Threads", "1");
        params.put("DataIndexer", "TwoPass");
        if (algorithm.equals("PERCEPTRON")) {
            params.put("UseAverage", "true");
            params.put("UseSkippedAveraging", "false");
            params.put("StepSizeDecrease", "0");
            params.put("Tolerance", "1.0E-5");
        } else if (algorithm.equals("MAXENT_QN")) {
            params.put("L1Cost", Double.toString(l1Cost));
            params.put("L2Cost", Double.toString(l2Cost));
            params.put("NumOfUpdates", "15");
            params.put("MaxFctEval", "30000");
        } else if (algorithm.equals("MAXENT")) {
            params.put("LLThreshold", "1.0E-4");
            params.put("Smoothing", "false");
            params.put("GaussianSmoothing", "false");
        }
        return params;
    }
}
