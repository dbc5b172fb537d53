package dev.quarry.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * One trained classifier over weighted features: the exclusive model, or one label's binary model. Scores are in
 * the order of {@link #outcomes()} and sum to 1. Implementations are immutable and thread-safe.
 */
sealed interface TextcatScorer permits OpenNlpScorer, ComplementNaiveBayes, LinearSvm, SvmCnbEnsemble {

    List<String> outcomes();

    double[] probabilities(FeatureVector features);

    /** Writes a kind tag and the scorer; {@link #read} reads it back. */
    void write(DataOutputStream out) throws IOException;

    static TextcatScorer read(DataInputStream in) throws IOException {
        String kind = in.readUTF();
        return switch (kind) {
            case OpenNlpScorer.KIND -> OpenNlpScorer.readBody(in);
            case ComplementNaiveBayes.KIND -> ComplementNaiveBayes.readBody(in);
            case LinearSvm.KIND -> LinearSvm.readBody(in);
            case SvmCnbEnsemble.KIND -> SvmCnbEnsemble.readBody(in);
            default -> throw new IOException("unknown classifier kind \"" + kind + "\"");
        };
    }

    /** The index of the largest value (the first on ties). */
    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
