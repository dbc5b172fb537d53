package dev.quarry.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One trained classifier over weighted features: the exclusive model, or one label's binary model. Scores are in
 * the order of {@link #outcomes()} and sum to 1. Implementations are immutable and thread-safe.
 */
sealed interface TextcatScorer permits OpenNlpScorer, ComplementNaiveBayes, LinearSvm, SvmCnbEnsemble {

    List<String> outcomes();

    double[] probabilities(FeatureVector features);

    /**
     * The same classifier reading the ids of {@code index} from vectors that carry them ({@link FeatureVector#ids()}),
     * instead of looking each feature's name up; scores are exactly the same either way. Vectors of another index
     * or without ids are still read by name.
     */
    default TextcatScorer bind(FeatureIndex index) {
        return this;
    }

    /**
     * Per feature of {@code vector}, its id in {@code own} or -1: through {@code mapping} (as {@link
     * FeatureIndex#mapping} makes it) when the vector carries ids of {@code bound}, else by name.
     *
     * @param bound null when the classifier is not bound to an index
     */
    static int[] ownIds(FeatureVector vector, FeatureIndex own, FeatureIndex bound, int[] mapping) {
        int[] ids = new int[vector.size()];
        if (bound != null && vector.indexedBy(bound)) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = mapping[vector.ids()[i]];
            }
        } else {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = own.id(vector.names()[i]);
            }
        }
        return ids;
    }

    /** Writes a kind tag and the scorer; {@link #read} reads it back. */
    void write(DataOutputStream out) throws IOException;

    static TextcatScorer read(DataInputStream in) throws IOException {
        String kind = in.readUTF();
        return switch (kind) {
            case OpenNlpScorer.KIND -> OpenNlpScorer.readBody(in);
            case ComplementNaiveBayes.KIND -> ComplementNaiveBayes.readBody(in);
            case LinearSvm.KIND -> LinearSvm.readBody(in);
            case LinearSvm.HALF_KIND -> LinearSvm.readHalfBody(in);
            case SvmCnbEnsemble.KIND -> SvmCnbEnsemble.readBody(in);
            default -> throw new IOException("unknown classifier kind \"" + kind + "\"");
        };
    }

    /** Writes a count, then each string; {@link #readStrings} reads them back in the same order. */
    static void writeStrings(DataOutputStream out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    /** The names of a feature index (name to id 0..n-1) in the order of their ids, whatever the map's order. */
    static List<String> namesById(Map<String, Integer> index) {
        String[] names = new String[index.size()];
        index.forEach((name, id) -> names[id] = name);
        return Arrays.asList(names);
    }

    /** The feature index of names: each name to its position. */
    static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int id = 0; id < names.size(); id++) {
            index.put(names.get(id), id);
        }
        return index;
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
