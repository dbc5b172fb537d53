package dev.quarry.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear SVM and complement naive Bayes trained on the same features, their probabilities multiplied: {@code p(c)
 * ~ p_svm(c) p_cnb(c)^k} with {@code k =} {@link #CNB_WEIGHT}. Complement NB's probabilities are a softmax over its
 * scores per unit of feature mass, nearly uniform on their own; the power {@code k} scales those scores to the SVM's
 * (scaled) margins, so the product is the softmax of their weighted sum. The two err on different texts: on 20
 * Newsgroups held out (10% of train, seeded or the latest posts) the product scored 1-1.5 points above either. With
 * character n-grams ({@link TextcatSettings#charNgrams()}) only the SVM learns from them.
 */
final class SvmCnbEnsemble implements TextcatScorer {

    static final String KIND = "svm_cnb";
    /** The power of complement NB's probabilities (chosen on 20 Newsgroups held out: 20-30 best of 0-1000). */
    static final double CNB_WEIGHT = 30;

    private final LinearSvm svm;
    private final ComplementNaiveBayes cnb;

    private SvmCnbEnsemble(LinearSvm svm, ComplementNaiveBayes cnb) {
        if (!svm.outcomes().equals(cnb.outcomes())) {
            throw new IllegalArgumentException("outcomes differ: " + svm.outcomes() + " and " + cnb.outcomes());
        }
        this.svm = svm;
        this.cnb = cnb;
    }

    static SvmCnbEnsemble train(List<String> outcomeOfText, List<FeatureVector> vectors, TextcatSettings settings) {
        List<FeatureVector> words = settings.charNgrams() > 0 ? vectors.stream().map(SvmCnbEnsemble::withoutChars)
                .toList() : vectors;
        return new SvmCnbEnsemble(LinearSvm.train(outcomeOfText, vectors, settings),
                ComplementNaiveBayes.train(outcomeOfText, words, settings.cutoff(), settings.alpha()));
    }

    /**
     * The vector without its character n-grams: complement NB learns from the words alone (it then ignores the
     * n-grams when scoring, as they are not in its vocabulary).
     */
    static FeatureVector withoutChars(FeatureVector vector) {
        List<String> names = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            if (!TextcatFeatures.isChars(vector.names()[i])) {
                names.add(vector.names()[i]);
                values.add(vector.values()[i]);
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return new FeatureVector(names.toArray(String[]::new), array);
    }

    @Override
    public SvmCnbEnsemble bind(FeatureIndex index) {
        return new SvmCnbEnsemble(svm.bind(index), cnb.bind(index));
    }

    @Override
    public List<String> outcomes() {
        return svm.outcomes();
    }

    @Override
    public double[] probabilities(FeatureVector features) {
        double[] margins = svm.margins(features);
        double[] cnbScores = cnb.scores(features);
        double[] combined = new double[margins.length];
        for (int c = 0; c < combined.length; c++) {
            combined[c] = LinearSvm.SCALE * margins[c] + CNB_WEIGHT * cnbScores[c];
        }
        return ComplementNaiveBayes.softmax(combined);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(KIND);
        svm.write(out);
        cnb.write(out);
    }

    static SvmCnbEnsemble readBody(DataInputStream in) throws IOException {
        return new SvmCnbEnsemble(read(in, LinearSvm.class), read(in, ComplementNaiveBayes.class));
    }

    private static <T extends TextcatScorer> T read(DataInputStream in, Class<T> kind) throws IOException {
        TextcatScorer scorer = TextcatScorer.read(in);
        if (!kind.isInstance(scorer)) {
            throw new IOException("svm_cnb: expected a " + kind.getSimpleName() + ", got a "
                    + scorer.getClass().getSimpleName());
        }
        return kind.cast(scorer);
    }
}
