package dev.quarry.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Complement naive Bayes (Rennie, Shih, Teevan and Karger 2003, "Tackling the poor assumptions of naive Bayes text
 * classifiers"): each label's word weights are estimated from the texts of every <em>other</em> label, which keeps
 * labels with many or long texts from dominating. The score of label c is {@code -sum_f x_f ln p(f | not c)} with
 * {@code p(f | not c) = (n(f, not c) + alpha) / (n(not c) + alpha V)}; without class priors.
 *
 * <p>The probabilities are a softmax over those scores divided by the text's feature mass ({@code sum_f x_f}, so a
 * long text does not push them to exactly 0 and 1, where doubles can no longer rank texts): the best label is the
 * same as without the division, but the probabilities are not calibrated (tune multi-label thresholds on held-out
 * data rather than trusting 0.5).
 */
final class ComplementNaiveBayes implements TextcatScorer {

    static final String KIND = "complement_nb";

    private final List<String> outcomes;
    private final FeatureIndex index;
    /** Feature-major: the weight of feature f for outcome c at {@code f * outcomes.size() + c}. */
    private final float[] weights;
    /** The shared index of {@link #bind}, or null. */
    private final FeatureIndex bound;
    /** Per id of {@code bound}, the id in {@code index} or -1 (null when not bound). */
    private final int[] mapping;

    private ComplementNaiveBayes(List<String> outcomes, FeatureIndex index, float[][] weights) {
        this(outcomes, index, LinearSvm.featureMajor(weights), null, null);
    }

    private ComplementNaiveBayes(List<String> outcomes, FeatureIndex index, float[] weights,
                                 FeatureIndex bound, int[] mapping) {
        this.outcomes = List.copyOf(outcomes);
        this.index = index;
        this.weights = weights;
        this.bound = bound;
        this.mapping = mapping;
    }

    @Override
    public ComplementNaiveBayes bind(FeatureIndex shared) {
        if (shared == bound) {
            return this;
        }
        FeatureIndex.Bound binding = index.boundTo(shared);
        return new ComplementNaiveBayes(outcomes, binding.own(), weights, shared, binding.mapping());
    }

    /**
     * Counts the features of each outcome and turns them into complement weights.
     *
     * @param cutoff features present in fewer texts are dropped
     */
    static ComplementNaiveBayes train(List<String> outcomeOfText, List<FeatureVector> vectors, int cutoff,
                                      double alpha) {
        List<String> outcomes = new ArrayList<>(new TreeSet<>(outcomeOfText));
        Map<String, Integer> index = vocabulary(vectors, cutoff);
        double[][] counts = new double[outcomes.size()][index.size()];
        for (int t = 0; t < vectors.size(); t++) {
            double[] row = counts[outcomes.indexOf(outcomeOfText.get(t))];
            FeatureVector v = vectors.get(t);
            for (int i = 0; i < v.size(); i++) {
                Integer f = index.get(v.names()[i]);
                if (f != null) {
                    row[f] += v.values()[i];
                }
            }
        }
        return new ComplementNaiveBayes(outcomes, FeatureIndex.byIds(index), complementWeights(counts, alpha));
    }

    /** Every feature present in at least {@code cutoff} texts, numbered in sorted order. */
    static Map<String, Integer> vocabulary(List<FeatureVector> vectors, int cutoff) {
        Map<String, Integer> df = new HashMap<>();
        vectors.forEach(v -> {
            for (String name : v.names()) {
                df.merge(name, 1, Integer::sum);
            }
        });
        Map<String, Integer> index = new LinkedHashMap<>();
        df.entrySet().stream().filter(e -> e.getValue() >= cutoff).map(Map.Entry::getKey).sorted()
                .forEach(name -> index.put(name, index.size()));
        return index;
    }

    private static float[][] complementWeights(double[][] counts, double alpha) {
        int features = counts.length == 0 ? 0 : counts[0].length;
        double[] all = new double[features];
        for (double[] row : counts) {
            for (int f = 0; f < features; f++) {
                all[f] += row[f];
            }
        }
        float[][] weights = new float[counts.length][features];
        for (int c = 0; c < counts.length; c++) {
            double total = 0;
            for (int f = 0; f < features; f++) {
                total += all[f] - counts[c][f];
            }
            double denominator = total + alpha * features;
            for (int f = 0; f < features; f++) {
                weights[c][f] = (float) -Math.log((all[f] - counts[c][f] + alpha) / denominator);
            }
        }
        return weights;
    }

    @Override
    public List<String> outcomes() {
        return outcomes;
    }

    @Override
    public double[] probabilities(FeatureVector features) {
        return softmax(scores(features));
    }

    /** Each outcome's score divided by the text's feature mass (all 0 when no feature is known). */
    double[] scores(FeatureVector features) {
        double[] scores = new double[outcomes.size()];
        double mass = 0;
        int[] ids = TextcatScorer.ownIds(features, index, bound, mapping);
        for (int i = 0; i < ids.length; i++) {
            int f = ids[i];
            if (f >= 0) {
                float x = features.values()[i];
                mass += x;
                for (int c = 0, at = f * scores.length; c < scores.length; c++, at++) {
                    scores[c] += x * weights[at];
                }
            }
        }
        if (mass > 0) {
            for (int c = 0; c < scores.length; c++) {
                scores[c] /= mass;
            }
        }
        return scores;
    }

    /** {@code exp(s_c) / sum exp(s)}, computed from the largest score down so that it does not overflow. */
    static double[] softmax(double[] scores) {
        double max = scores[TextcatScorer.argMax(scores)];
        double sum = 0;
        double[] p = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < scores.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(KIND);
        TextcatScorer.writeStrings(out, outcomes);
        out.writeInt(index.size());
        for (int f = 0; f < index.size(); f++) {
            out.writeUTF(index.name(f));
            for (int c = 0, at = f * outcomes.size(); c < outcomes.size(); c++, at++) {
                out.writeFloat(weights[at]);
            }
        }
    }

    static ComplementNaiveBayes readBody(DataInputStream in) throws IOException {
        List<String> outcomes = TextcatScorer.readStrings(in);
        int features = in.readInt();
        List<String> names = new ArrayList<>(features);
        float[][] weights = new float[outcomes.size()][features];
        for (int f = 0; f < features; f++) {
            names.add(in.readUTF());
            for (float[] row : weights) {
                row[f] = in.readFloat();
            }
        }
        return new ComplementNaiveBayes(outcomes, FeatureIndex.lazy(names), weights);
    }
}
