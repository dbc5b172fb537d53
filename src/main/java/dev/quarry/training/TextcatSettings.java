package dev.quarry.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a text-classification run: the OpenNLP learner and its parameters (all passed explicitly) and the
 * features.
 *
 * @param algorithm      {@code NAIVEBAYES}, {@code PERCEPTRON} or {@code MAXENT}
 * @param iterations     training iterations (ignored by naive Bayes, still recorded), at least 1
 * @param cutoff         features seen fewer times are dropped, at least 0
 * @param ngrams         word n-grams up to this length (1: bag of words), 1 to 3
 * @param maxWords       only the first this many words of a text are used (0: all); a cap keeps a few huge texts
 *                       (a uuencoded binary posted as text) from swamping a label's word counts
 * @param binary         each feature counted once per text (presence), not once per occurrence
 * @param entityFeatures add {@code ENT=LABEL} for each entity label given with the text
 * @param clusters       names of {@link WordClusters} whose cluster ids become features ({@code c<name>=<id>})
 */
public record TextcatSettings(String algorithm, int iterations, int cutoff, int ngrams, int maxWords, boolean binary,
                              boolean entityFeatures, List<String> clusters) {

    public TextcatSettings {
        if (!List.of("NAIVEBAYES", "PERCEPTRON", "MAXENT").contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be NAIVEBAYES, PERCEPTRON or MAXENT, got \""
                    + algorithm + "\"");
        }
        if (iterations < 1 || cutoff < 0 || ngrams < 1 || ngrams > 3 || maxWords < 0) {
            throw new IllegalArgumentException("need iterations >= 1, cutoff >= 0, ngrams in 1..3, maxWords >= 0, got "
                    + iterations + ", " + cutoff + ", " + ngrams + ", " + maxWords);
        }
        clusters = List.copyOf(clusters);
    }

    /** Naive Bayes over a bag of words, cutoff 0: the best plain-OpenNLP setting measured on 20 Newsgroups. */
    public static TextcatSettings naiveBayesBagOfWords() {
        return new TextcatSettings("NAIVEBAYES", 100, 0, 1, 0, false, false, List.of());
    }

    public TextcatSettings withLearner(String algorithm, int iterations, int cutoff) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters);
    }

    public TextcatSettings withFeatures(int ngrams, boolean binary, boolean entityFeatures, List<String> clusters) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters);
    }

    public TextcatSettings withMaxWords(int maxWords) {
        return new TextcatSettings(algorithm, iterations, cutoff, ngrams, maxWords, binary, entityFeatures, clusters);
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
        } else if (algorithm.equals("MAXENT")) {
            params.put("LLThreshold", "1.0E-4");
            params.put("Smoothing", "false");
            params.put("GaussianSmoothing", "false");
        }
        return params;
    }
}
