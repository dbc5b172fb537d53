package dev.quarry.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A linear support vector machine, one-vs-rest: for each outcome a weight vector and a bias trained by dual
 * coordinate descent on the L2-regularised squared hinge loss (Hsieh, Chang, Lin, Keerthi and Sundararajan 2008, "A
 * dual coordinate descent method for large-scale linear SVM", the solver of Liblinear's default {@code -s 1}):
 * minimise {@code 1/2 |w|^2 + C sum_i max(0, 1 - y_i w.x_i)^2}, the bias learned as the weight of a constant feature
 * of value 1. With two outcomes one vector separates them (the second outcome's margin is the first's negated).
 *
 * <p>The probabilities are a softmax over the margins times {@link #SCALE}: the best label is the one with the largest
 * margin, but they are not calibrated (tune multi-label thresholds on held-out data rather than trusting 0.5).
 *
 * <p>After training, weights under {@link #PRUNE_BELOW} in magnitude are set to 0, the others rounded to half precision,
 * and features left without a weight are dropped; the model is stored so ({@link #HALF_KIND}: per vector its nonzero
 * weights, as feature-id gaps and half-precision values), and scores after loading exactly as it did after training.
 * Models of the older dense single-precision kind ({@link #KIND}) still load and are saved as they were.
 */
final class LinearSvm implements TextcatScorer {

    static final String KIND = "linear_svm";
    /** The kind tag of a pruned model with half-precision weights. */
    static final String HALF_KIND = "linear_svm_f16";
    /**
     * Weights (not the biases) of a smaller magnitude are dropped after training. On 20 Newsgroups with the default
     * settings (tf-idf words and character n-grams, C 1) this keeps 40% of the nonzero weights and 83% of the features,
     * leaves the held-out scores unchanged (dev and late splits of train; 0.03 lost one or two texts), and the model
     * file drops from 15.0 to 7.6 MB (benchmarks/training).
     */
    static final double PRUNE_BELOW = 0.01;
    /** The largest finite half-precision value. */
    private static final float HALF_MAX = 65504;
    /** Margins are multiplied by this before the softmax (chosen for a fair log loss on 20 Newsgroups held out). */
    static final double SCALE = 3;
    /** Training stops when the projected gradients of a pass span less than this (Liblinear's default). */
    static final double TOLERANCE = 0.1;

    private final List<String> outcomes;
    private final FeatureIndex index;
    /** The number of separating vectors (1 for two outcomes). */
    private final int vectors;
    /**
     * Feature-major: the weight of feature f (in {@code index} order) in vector c at {@code f * vectors + c}, the
     * biases as feature {@code index.size()}; a text's features each read one run of adjacent weights.
     */
    private final float[] weights;
    /** Stored as {@link #HALF_KIND} (trained now) or as {@link #KIND} (read from an older model). */
    private final boolean half;
    /** The shared index of {@link #bind}, or null. */
    private final FeatureIndex bound;
    /** Per id of {@code bound}, the id in {@code index} or -1 (null when not bound). */
    private final int[] mapping;

    private LinearSvm(List<String> outcomes, FeatureIndex index, float[][] weights, boolean half) {
        this(outcomes, index, weights.length, featureMajor(weights), half, null, null);
    }

    private LinearSvm(List<String> outcomes, FeatureIndex index, int vectors, float[] weights, boolean half,
                      FeatureIndex bound, int[] mapping) {
        this.outcomes = List.copyOf(outcomes);
        this.index = index;
        this.vectors = vectors;
        this.weights = weights;
        this.half = half;
        this.bound = bound;
        this.mapping = mapping;
    }

    /** The rows' weights as one feature-major array (see {@link #weights}). */
    static float[] featureMajor(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        float[] all = new float[rows.length * width];
        for (int c = 0; c < rows.length; c++) {
            for (int f = 0; f < width; f++) {
                all[f * rows.length + c] = rows[c][f];
            }
        }
        return all;
    }

    /** Vector c's weights in feature order, then its bias. */
    private float[] row(int c) {
        float[] row = new float[weights.length / vectors];
        for (int f = 0; f < row.length; f++) {
            row[f] = weights[f * vectors + c];
        }
        return row;
    }

    @Override
    public LinearSvm bind(FeatureIndex shared) {
        if (shared == bound) {
            return this;
        }
        FeatureIndex.Bound binding = index.boundTo(shared);
        return new LinearSvm(outcomes, binding.own(), vectors, weights, half, shared, binding.mapping());
    }

    /**
     * Trains with the settings' cutoff, {@code C = 1 / l2Cost}, at most {@code iterations} passes and the seed.
     */
    static LinearSvm train(List<String> outcomeOfText, List<FeatureVector> vectors, TextcatSettings settings) {
        return train(outcomeOfText, vectors, settings.cutoff(), 1 / settings.l2Cost(), settings.iterations(),
                settings.seed());
    }

    /**
     * Trains one separating vector per outcome (one for two outcomes).
     *
     * @param cutoff features present in fewer texts are dropped
     * @param cost   the cost C of the loss against the regulariser, above 0
     * @param passes the most passes over the texts per vector (each in a seeded random order)
     */
    static LinearSvm train(List<String> outcomeOfText, List<FeatureVector> vectors, int cutoff, double cost,
                           int passes, long seed) {
        List<String> outcomes = new ArrayList<>(new TreeSet<>(outcomeOfText));
        Map<String, Integer> index = ComplementNaiveBayes.vocabulary(vectors, cutoff);
        SparseRows rows = SparseRows.of(vectors, index);
        int[] outcome = outcomeOfText.stream().mapToInt(outcomes::indexOf).toArray();
        float[][] weights = new float[outcomes.size() == 2 ? 1 : outcomes.size()][];
        for (int c = 0; c < weights.length; c++) {
            byte[] y = new byte[outcome.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (byte) (outcome[i] == c ? 1 : -1);
            }
            weights[c] = DualCoordinateDescent.solve(rows, y, cost, passes, new Random(seed + c));
        }
        return pruned(outcomes, index, weights);
    }

    /**
     * The model with weights under {@link #PRUNE_BELOW} set to 0, the others (and the biases) rounded to half
     * precision, and without the features left with no weight (ids renumbered in the index's order); overwrites
     * {@code weights}. Weights beyond half precision's range (65504) are kept whole, unpruned.
     */
    static LinearSvm pruned(List<String> outcomes, Map<String, Integer> index, float[][] weights) {
        for (float[] row : weights) {
            for (float w : row) {
                if (!(Math.abs(w) <= HALF_MAX)) {
                    return new LinearSvm(outcomes, FeatureIndex.byIds(index), weights, false);
                }
            }
        }
        List<String> names = TextcatScorer.namesById(index);
        int bias = names.size();
        List<String> kept = new ArrayList<>();
        List<Integer> old = new ArrayList<>();
        for (int f = 0; f < bias; f++) {
            boolean any = false;
            for (float[] row : weights) {
                row[f] = Math.abs(row[f]) < PRUNE_BELOW ? 0 : half(row[f]);
                any |= row[f] != 0;
            }
            if (any) {
                kept.add(names.get(f));
                old.add(f);
            }
        }
        float[][] compact = new float[weights.length][kept.size() + 1];
        for (int c = 0; c < weights.length; c++) {
            for (int f = 0; f < kept.size(); f++) {
                compact[c][f] = weights[c][old.get(f)];
            }
            compact[c][kept.size()] = half(weights[c][bias]);
        }
        return new LinearSvm(outcomes, FeatureIndex.lazy(kept), compact, true);
    }

    private static float half(float value) {
        return Float.float16ToFloat(Float.floatToFloat16(value));
    }

    @Override
    public List<String> outcomes() {
        return outcomes;
    }

    /** The margin {@code w.x + b} of each outcome. */
    double[] margins(FeatureVector features) {
        double[] margins = new double[outcomes.size()];
        int bias = index.size() * vectors;
        for (int c = 0; c < vectors; c++) {
            margins[c] = weights[bias + c];
        }
        int[] ids = TextcatScorer.ownIds(features, index, bound, mapping);
        for (int i = 0; i < ids.length; i++) {
            int f = ids[i];
            if (f >= 0) {
                float x = features.values()[i];
                for (int c = 0, at = f * vectors; c < vectors; c++, at++) {
                    margins[c] += x * weights[at];
                }
            }
        }
        if (vectors == 1) {
            margins[1] = -margins[0];
        }
        return margins;
    }

    @Override
    public double[] probabilities(FeatureVector features) {
        double[] margins = margins(features);
        for (int c = 0; c < margins.length; c++) {
            margins[c] *= SCALE;
        }
        return ComplementNaiveBayes.softmax(margins);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(half ? HALF_KIND : KIND);
        TextcatScorer.writeStrings(out, outcomes);
        TextcatScorer.writeStrings(out, index.names());
        for (int c = 0; c < vectors; c++) {
            float[] row = row(c);
            if (half) {
                writeSparseHalf(out, row);
            } else {
                for (float w : row) {
                    out.writeFloat(w);
                }
            }
        }
    }

    /** The nonzero count, then per nonzero weight the gap from the previous one's id (varint) and its value. */
    private static void writeSparseHalf(DataOutputStream out, float[] row) throws IOException {
        int nonzero = 0;
        for (float w : row) {
            nonzero += w != 0 ? 1 : 0;
        }
        out.writeInt(nonzero);
        int previous = -1;
        for (int f = 0; f < row.length; f++) {
            if (row[f] != 0) {
                writeVarInt(out, f - previous);
                out.writeShort(Float.floatToFloat16(row[f]));
                previous = f;
            }
        }
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        int v = value;
        while (v >= 0x80) {
            out.writeByte(v & 0x7f | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new IOException(HALF_KIND + ": a feature-id gap longer than 5 bytes");
    }

    /** Reads a {@link #KIND} body (dense single-precision weights, as before pruning). */
    static LinearSvm readBody(DataInputStream in) throws IOException {
        List<String> outcomes = TextcatScorer.readStrings(in);
        FeatureIndex index = FeatureIndex.lazy(TextcatScorer.readStrings(in));
        int features = index.size();
        float[][] weights = new float[outcomes.size() == 2 ? 1 : outcomes.size()][features + 1];
        for (float[] row : weights) {
            for (int f = 0; f <= features; f++) {
                row[f] = in.readFloat();
            }
        }
        return new LinearSvm(outcomes, index, weights, false);
    }

    /** Reads a {@link #HALF_KIND} body. */
    static LinearSvm readHalfBody(DataInputStream in) throws IOException {
        List<String> outcomes = TextcatScorer.readStrings(in);
        FeatureIndex index = FeatureIndex.lazy(TextcatScorer.readStrings(in));
        float[][] weights = new float[outcomes.size() == 2 ? 1 : outcomes.size()][index.size() + 1];
        for (float[] row : weights) {
            int f = -1;
            for (int n = in.readInt(); n > 0; n--) {
                f += readVarInt(in);
                if (f < 0 || f >= row.length) {
                    throw new IOException(HALF_KIND + ": feature id " + f + " outside 0.." + (row.length - 1));
                }
                row[f] = Float.float16ToFloat(in.readShort());
            }
        }
        return new LinearSvm(outcomes, index, weights, true);
    }

    /** Texts as sparse rows over a vocabulary, each ending with the bias feature (index = vocabulary size, value 1). */
    record SparseRows(int[][] features, float[][] values, int dimension) {

        static SparseRows of(List<FeatureVector> vectors, Map<String, Integer> index) {
            int[][] features = new int[vectors.size()][];
            float[][] values = new float[vectors.size()][];
            for (int t = 0; t < vectors.size(); t++) {
                FeatureVector v = vectors.get(t);
                int[] f = new int[v.size() + 1];
                float[] x = new float[v.size() + 1];
                int n = 0;
                for (int i = 0; i < v.size(); i++) {
                    Integer id = index.get(v.names()[i]);
                    if (id != null) {
                        f[n] = id;
                        x[n++] = v.values()[i];
                    }
                }
                f[n] = index.size();
                x[n++] = 1;
                features[t] = Arrays.copyOf(f, n);
                values[t] = Arrays.copyOf(x, n);
            }
            return new SparseRows(features, values, index.size() + 1);
        }

        int size() {
            return features.length;
        }

        double dot(int row, double[] w) {
            double sum = 0;
            int[] f = features[row];
            float[] x = values[row];
            for (int i = 0; i < f.length; i++) {
                sum += x[i] * w[f[i]];
            }
            return sum;
        }

        void add(int row, double scale, double[] w) {
            int[] f = features[row];
            float[] x = values[row];
            for (int i = 0; i < f.length; i++) {
                w[f[i]] += scale * x[i];
            }
        }

        double squaredNorm(int row) {
            double sum = 0;
            for (float x : values[row]) {
                sum += (double) x * x;
            }
            return sum;
        }
    }
}
