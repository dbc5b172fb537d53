package dev.quarry.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * A trained exclusive-label text classifier: an OpenNLP {@code DoccatModel} plus the feature extraction it was
 * trained with. Thread-safe (a categorizer per call).
 */
public final class TextcatModel {

    private final DoccatModel model;
    private final TextcatSettings settings;
    private final TextcatFeatures features;

    TextcatModel(DoccatModel model, TextcatSettings settings, TextcatFeatures features) {
        this.model = model;
        this.settings = settings;
        this.features = features;
    }

    public TextcatSettings settings() {
        return settings;
    }

    /** The probability of each label, in the model's label order. */
    public Map<String, Double> scores(TextcatExample example) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] probabilities = categorizer.categorize(features.features(example));
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            scores.put(categorizer.getCategory(i), probabilities[i]);
        }
        return scores;
    }

    /** The most probable label. */
    public String predict(TextcatExample example) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        return categorizer.getBestCategory(categorizer.categorize(features.features(example)));
    }

    /** Scores the model on examples with gold labels. */
    public TextcatEvaluation evaluate(List<TextcatExample> gold) {
        List<String> predicted = new ArrayList<>(gold.size());
        List<String> labels = new ArrayList<>(gold.size());
        for (TextcatExample example : gold) {
            predicted.add(predict(example));
            labels.add(example.label());
        }
        return TextcatEvaluation.of(labels, predicted);
    }

    /** Writes the OpenNLP model (not the settings or the word clusters; keep those beside it). */
    public void save(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @param settings the settings it was trained with
     * @param clusters the word clusters named in {@code settings.clusters()}
     * @throws IOException if the stream does not hold a document-categorizer model
     */
    public static TextcatModel load(InputStream in, TextcatSettings settings, Map<String, WordClusters> clusters)
            throws IOException {
        TextcatFeatures features = new TextcatFeatures(settings, clusters);
        DoccatModel model;
        try {
            model = new DoccatModel(in);
        } catch (RuntimeException e) {
            throw new IOException("not a readable text-classification model: " + e.getMessage(), e);
        }
        return new TextcatModel(model, settings, features);
    }
}
