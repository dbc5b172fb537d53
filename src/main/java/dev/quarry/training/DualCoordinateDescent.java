package dev.quarry.training;

import java.util.Random;

/**
 * Dual coordinate descent for the L2-regularised squared-hinge-loss SVM (Hsieh et al. 2008, Algorithm 1 without
 * shrinking). The dual is {@code min_a 1/2 a'(Q + D)a - sum a} over {@code a >= 0}, with {@code Q_ij = y_i y_j
 * x_i.x_j} and {@code D_ii = 1/(2C)}; the primal weights are {@code w = sum_i a_i y_i x_i}, kept up to date as each
 * {@code a_i} moves, so one step costs two sparse passes over one text.
 */
final class DualCoordinateDescent {

    private DualCoordinateDescent() {
    }

    /**
     * The weights (the last one is the bias) of the separating vector for labels {@code y} (+1 or -1 per row).
     *
     * @param passes the most passes; fewer when the projected gradients of a pass span less than
     *               {@link LinearSvm#TOLERANCE}
     * @param random orders the rows of each pass
     */
    static float[] solve(LinearSvm.SparseRows rows, byte[] y, double cost, int passes, Random random) {
        return toFloats(solveDual(rows, y, cost, passes, LinearSvm.TOLERANCE, random).w());
    }

    /** The dual variables and the primal weights after training. */
    record Solution(double[] alpha, double[] w) {
    }

    /** @param tolerance stop after a pass whose projected gradients span less than this */
    static Solution solveDual(LinearSvm.SparseRows rows, byte[] y, double cost, int passes, double tolerance,
                              Random random) {
        int n = rows.size();
        double diagonal = 1 / (2 * cost);
        double[] qii = new double[n];
        for (int i = 0; i < n; i++) {
            qii[i] = rows.squaredNorm(i) + diagonal;
        }
        double[] alpha = new double[n];
        double[] w = new double[rows.dimension()];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int pass = 0; pass < passes; pass++) {
            shuffle(order, random);
            if (pass(rows, y, alpha, w, qii, diagonal, order) < tolerance) {
                break;
            }
        }
        return new Solution(alpha, w);
    }

    /** One pass in the given order; returns the span (max - min) of the projected gradients seen. */
    private static double pass(LinearSvm.SparseRows rows, byte[] y, double[] alpha, double[] w, double[] qii,
                               double diagonal, int[] order) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i : order) {
            double gradient = y[i] * rows.dot(i, w) - 1 + diagonal * alpha[i];
            double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
            max = Math.max(max, projected);
            min = Math.min(min, projected);
            if (projected != 0) {
                double old = alpha[i];
                alpha[i] = Math.max(old - gradient / qii[i], 0);
                rows.add(i, (alpha[i] - old) * y[i], w);
            }
        }
        return max - min;
    }

    /** {@code 1/2 |w|^2 + C sum_i max(0, 1 - y_i w.x_i)^2}. */
    static double primal(LinearSvm.SparseRows rows, byte[] y, double cost, double[] w) {
        double objective = 0;
        for (double v : w) {
            objective += v * v / 2;
        }
        for (int i = 0; i < rows.size(); i++) {
            double slack = Math.max(0, 1 - y[i] * rows.dot(i, w));
            objective += cost * slack * slack;
        }
        return objective;
    }

    /** {@code 1/2 a'(Q + D)a - sum a} for {@code w = sum_i a_i y_i x_i}: {@code 1/2 |w|^2 + sum a^2/(4C) - sum a}. */
    static double dual(double[] alpha, double[] w, double cost) {
        double objective = 0;
        for (double v : w) {
            objective += v * v / 2;
        }
        for (double a : alpha) {
            objective += a * a / (4 * cost) - a;
        }
        return objective;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
