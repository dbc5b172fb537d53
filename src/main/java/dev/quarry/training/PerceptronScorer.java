package dev.quarry.training;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;

/**
 * Scores a context with a {@link PerceptronModel} exactly as its own {@code eval} does (the same sums in the same
 * order, the same normalisation), but looks each feature's parameters up only once for all the hypotheses of a
 * beam: feature strings that are the same objects as in the previous call (OpenNLP's cached feature generators hand
 * out the same strings for a token) reuse the previous lookup. That lookup is most of the cost of prediction.
 *
 * <p>Not thread-safe: it remembers the previous call. One per decoder.
 */
final class PerceptronScorer implements MaxentModel {

    private final PerceptronModel model;
    private final Map<String, Context> parameters;
    private final int outcomes;
    private String[] lastContext = new String[0];
    private Context[] lastResolved = new Context[0];

    @SuppressWarnings("unchecked")
    PerceptronScorer(PerceptronModel model) {
        this.model = model;
        this.parameters = (Map<String, Context>) model.getDataStructures()[1];
        this.outcomes = model.getNumOutcomes();
    }

    @Override
    public double[] eval(String[] context) {
        return eval(context, new double[outcomes]);
    }

    @Override
    public double[] eval(String[] context, double[] scores) {
        Context[] resolved = resolve(context);
        Arrays.fill(scores, 0);
        for (Context feature : resolved) {
            if (feature != null) {
                int[] featureOutcomes = feature.getOutcomes();
                double[] values = feature.getParameters();
                for (int j = 0; j < featureOutcomes.length; j++) {
                    scores[featureOutcomes[j]] += values[j];
                }
            }
        }
        return normalise(scores);
    }

    private Context[] resolve(String[] context) {
        Context[] resolved = new Context[context.length];
        for (int i = 0; i < context.length; i++) {
            resolved[i] = i < lastContext.length && context[i] == lastContext[i]
                    ? lastResolved[i] : parameters.get(context[i]);
        }
        lastContext = context;
        lastResolved = resolved;
        return resolved;
    }

    /** As OpenNLP's perceptron: divide by the largest magnitude (at least 1), exponentiate, sum to one. */
    private static double[] normalise(double[] scores) {
        double max = 1;
        for (double score : scores) {
            if (max < StrictMath.abs(score)) {
                max = StrictMath.abs(score);
            }
        }
        double sum = 0;
        for (int o = 0; o < scores.length; o++) {
            scores[o] = StrictMath.exp(scores[o] / max);
            sum += scores[o];
        }
        for (int o = 0; o < scores.length; o++) {
            scores[o] /= sum;
        }
        return scores;
    }

    @Override
    public double[] eval(String[] context, float[] values) {
        return model.eval(context, values);
    }

    @Override
    public String getBestOutcome(double[] scores) {
        return model.getBestOutcome(scores);
    }

    @Override
    public String getAllOutcomes(double[] scores) {
        return model.getAllOutcomes(scores);
    }

    @Override
    public String getOutcome(int index) {
        return model.getOutcome(index);
    }

    @Override
    public int getIndex(String outcome) {
        return model.getIndex(outcome);
    }

    @Override
    public int getNumOutcomes() {
        return outcomes;
    }
}
