package dev.quarry.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains exclusive-label {@link TextcatModel}s on OpenNLP's {@code DocumentCategorizerME}. The features are made by
 * Quarry ({@link TextcatSettings}) and handed to OpenNLP's bag-of-words generator as ready-made tokens.
 */
public final class TextcatTrainer {

    private final TextcatSettings settings;
    private final TextcatFeatures features;

    /** @param clusters the word clusters named in {@code settings.clusters()} */
    public TextcatTrainer(TextcatSettings settings, Map<String, WordClusters> clusters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.features = new TextcatFeatures(settings, clusters);
    }

    /**
     * Trains on labelled examples.
     *
     * @throws IllegalArgumentException if an example has no label or there are fewer than two labels
     */
    public TextcatModel train(List<TextcatExample> examples) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            TextcatExample example = examples.get(i);
            if (example.label() == null) {
                throw new IllegalArgumentException("training example " + i + " has no label");
            }
            samples.add(new DocumentSample(example.label(), features.features(example)));
        }
        long labels = examples.stream().map(TextcatExample::label).distinct().count();
        if (labels < 2) {
            throw new IllegalArgumentException("text classification needs at least 2 labels, got " + labels);
        }
        TrainingParameters params = new TrainingParameters();
        settings.trainingParameters().forEach(params::put);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()});
        try {
            DoccatModel model = DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples),
                    params, factory);
            return new TextcatModel(model, settings, features);
        } catch (IOException e) {
            throw new UncheckedIOException("text classification training failed", e);
        }
    }
}
