package dev.quarry.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Decision thresholds for one-vs-rest labels. */
final class Thresholds {

    private Thresholds() {
    }

    /**
     * The threshold with the best F1 when "score >= threshold" predicts the label: every distinct score is tried as
     * a cut (the highest-scoring texts positive), and the threshold returned lies halfway between the last score
     * predicted positive and the next lower score (the lowest score itself when every text is predicted positive).
     * On equal F1 the higher threshold wins. Without positives, {@code fallback}.
     *
     * @param scores   each text's score for the label
     * @param positive whether each text has the label, same order
     */
    static double bestF1(List<Double> scores, List<Boolean> positive, double fallback) {
        long positives = positive.stream().filter(p -> p).count();
        if (positives == 0) {
            return fallback;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> scores.get(i)).reversed());
        double bestF1 = -1;
        double best = fallback;
        long truePositives = 0;
        for (int k = 0; k < order.size(); k++) {
            truePositives += positive.get(order.get(k)) ? 1 : 0;
            double score = scores.get(order.get(k));
            boolean lastOfTie = k + 1 == order.size() || scores.get(order.get(k + 1)) < score;
            if (lastOfTie) {
                double f1 = 2.0 * truePositives / (k + 1 + positives);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    best = k + 1 == order.size() ? score : (score + scores.get(order.get(k + 1))) / 2;
                }
            }
        }
        return best;
    }
}
