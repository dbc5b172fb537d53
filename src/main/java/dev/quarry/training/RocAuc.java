package dev.quarry.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Area under the ROC curve from scores: the probability that a random positive scores above a random negative,
 * ties counting one half (the Mann-Whitney U statistic over midranks). NaN when there are no positives or no
 * negatives.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @param scores   one score per item
     * @param positive whether each item is positive, same order and length
     * @throws IllegalArgumentException if the lengths differ or a score is NaN
     */
    public static double of(List<Double> scores, List<Boolean> positive) {
        if (scores.size() != positive.size()) {
            throw new IllegalArgumentException(scores.size() + " scores but " + positive.size() + " labels");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (Double.isNaN(scores.get(i))) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order.add(i);
        }
        order.sort(Comparator.comparing(scores::get));
        long positives = positive.stream().filter(p -> p).count();
        long negatives = scores.size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double rankSum = 0;
        for (int start = 0; start < order.size(); ) {
            int end = start;
            while (end < order.size() && scores.get(order.get(end)).equals(scores.get(order.get(start)))) {
                end++;
            }
            double midrank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                rankSum += positive.get(order.get(k)) ? midrank : 0;
            }
            start = end;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
