package dev.quarry.training;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A learning curve: train on growing, nested, seeded subsets of the training data (by default 25, 50, 75 and 100%),
 * score each model on the same evaluation data, and show how much each step added, so a user sees whether more
 * annotation still helps. Generic over the example type: the caller supplies the train-and-evaluate function (NER,
 * text classification, anything that returns named metrics).
 *
 * <p>The subsets are prefixes of one seeded shuffle of the training data, so every smaller subset is contained in
 * every larger one and the same seed gives the same subsets.
 */
public final class LearningCurve {

    /** 25, 50, 75 and 100%. */
    public static final List<Double> QUARTERS = List.of(0.25, 0.5, 0.75, 1.0);

    private LearningCurve() {
    }

    /** Trains a model on {@code train}, scores it on {@code eval}, returns the metrics by name (e.g. "accuracy"). */
    @FunctionalInterface
    public interface Experiment<E> {
        Map<String, Double> run(List<E> train, List<E> eval);
    }

    /**
     * One point of the curve.
     *
     * @param fraction  the share of the training data, in (0, 1]
     * @param trainSize the number of training examples used
     * @param metrics   the metrics by name, in the experiment's order; copied
     * @param delta     each metric minus the previous point's (empty for the first point); copied
     */
    public record Point(double fraction, int trainSize, Map<String, Double> metrics, Map<String, Double> delta) {
        public Point {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            delta = Collections.unmodifiableMap(new LinkedHashMap<>(delta));
        }
    }

    /**
     * A whole curve.
     *
     * @param points   in order of growing training size; copied
     * @param evalSize the number of evaluation examples
     * @param seed     the seed of the subset shuffle
     */
    public record Result(List<Point> points, int evalSize, long seed) {
        public Result {
            points = List.copyOf(points);
        }

        /**
         * {@code {"seed", "eval_size", "points": [{"fraction", "train_size", "metrics": {...}, "delta": {...} or
         * null}]}}.
         */
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("seed", seed).put("eval_size", evalSize);
            var array = json.putArray("points");
            for (Point p : points) {
                ObjectNode node = array.addObject().put("fraction", p.fraction()).put("train_size", p.trainSize());
                ObjectNode metrics = node.putObject("metrics");
                p.metrics().forEach(metrics::put);
                if (p.delta().isEmpty()) {
                    node.putNull("delta");
                } else {
                    ObjectNode delta = node.putObject("delta");
                    p.delta().forEach(delta::put);
                }
            }
            return json;
        }

        /** A plain-text table: one row per point, each metric with its delta. */
        public String table() {
            return LearningCurveChart.table(this);
        }

        /**
         * An SVG line chart (standalone, no scripts or external resources) of the named metrics against the number of
         * training examples, each point labelled with its value.
         *
         * @throws IllegalArgumentException if a metric is missing from a point
         */
        public String svg(String title, List<String> metrics) {
            return LearningCurveChart.svg(this, title, metrics);
        }
    }

    /**
     * Several charts made by {@link Result#svg} as one SVG, stacked top to bottom (one panel per curve, e.g. the NER's
     * and the text classifier's, whose training sizes differ); one chart is returned as it is.
     *
     * @throws IllegalArgumentException if {@code charts} is empty or holds something {@link Result#svg} did not make
     */
    public static String stack(List<String> charts) {
        return LearningCurveChart.stack(charts);
    }

    /**
     * The first {@code ceil(fraction * n)} examples of {@code train} shuffled with {@code seed} (at least one when
     * {@code train} is not empty): nested for growing fractions under the same seed.
     *
     * @throws IllegalArgumentException if {@code fraction} is not in (0, 1]
     */
    public static <E> List<E> subset(List<E> train, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        List<E> shuffled = new ArrayList<>(train);
        Collections.shuffle(shuffled, new Random(seed));
        int size = Math.max(train.isEmpty() ? 0 : 1, (int) Math.ceil(fraction * train.size() - 1e-9));
        return List.copyOf(shuffled.subList(0, size));
    }

    /**
     * Runs the experiment once per fraction on nested subsets of {@code train}, always scoring on {@code eval}.
     *
     * @param fractions growing fractions in (0, 1], e.g. {@link #QUARTERS}
     * @throws IllegalArgumentException if the fractions are empty, out of range or not increasing
     */
    public static <E> Result run(List<E> train, List<E> eval, Experiment<E> experiment, List<Double> fractions,
                                 long seed) {
        Objects.requireNonNull(experiment, "experiment");
        checkFractions(fractions);
        List<Point> points = new ArrayList<>();
        Map<String, Double> previous = null;
        for (double fraction : fractions) {
            List<E> subset = subset(train, fraction, seed);
            Map<String, Double> metrics = new LinkedHashMap<>(experiment.run(subset, eval));
            Map<String, Double> delta = new LinkedHashMap<>();
            if (previous != null) {
                for (Map.Entry<String, Double> e : metrics.entrySet()) {
                    if (previous.containsKey(e.getKey())) {
                        delta.put(e.getKey(), e.getValue() - previous.get(e.getKey()));
                    }
                }
            }
            points.add(new Point(fraction, subset.size(), metrics, delta));
            previous = metrics;
        }
        return new Result(points, eval.size(), seed);
    }

    private static void checkFractions(List<Double> fractions) {
        if (fractions.isEmpty()) {
            throw new IllegalArgumentException("need at least one fraction");
        }
        double last = 0;
        for (double f : fractions) {
            if (!(f > last && f <= 1)) {
                throw new IllegalArgumentException("fractions must increase within (0, 1], got " + fractions);
            }
            last = f;
        }
    }
}
