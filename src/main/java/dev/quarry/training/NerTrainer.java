package dev.quarry.training;

import dev.quarry.matching.Matcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains {@link NerModel}s on OpenNLP's {@code NameFinderME} (BIO codec, one model for all labels).
 *
 * <p>Every OpenNLP parameter comes from {@link NerSettings#trainingParameters()}. With {@link NerSettings#twoPass()}
 * the training data is split into two halves by document (even and odd documents); a first-pass model trained on
 * each half labels the other, so the second model learns from first-pass labels as noisy as those it will see on new
 * text; the first pass kept with the model is trained on all the data. Training is single-threaded and deterministic.
 */
public final class NerTrainer {

    static {
        NerModel.allowQuarryExtensions();
    }

    private final NerSettings settings;
    private final Map<String, WordClusters> clusters;
    private final Matcher matcher;

    /**
     * @param clusters the word clusters named in {@code settings.clusters()}
     * @param matcher  the pattern matcher for pattern features; required when {@code settings.patternFeatures()}
     */
    public NerTrainer(NerSettings settings, Map<String, WordClusters> clusters, Matcher matcher) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clusters = Map.copyOf(clusters);
        for (String name : settings.clusters()) {
            if (!this.clusters.containsKey(name)) {
                throw new IllegalArgumentException("settings name word clusters \"" + name + "\" but none were given");
            }
        }
        if (settings.patternFeatures() && matcher == null) {
            throw new IllegalArgumentException("pattern features need a matcher");
        }
        this.matcher = matcher;
    }

    /**
     * Trains on complete annotations (every token outside a span is O).
     *
     * @throws IllegalArgumentException if there are no examples or no spans at all
     */
    public NerModel train(List<NerExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (examples.stream().allMatch(e -> e.spans().isEmpty())) {
            throw new IllegalArgumentException("no entity spans in " + examples.size() + " training examples");
        }
        if (!settings.twoPass()) {
            return trainOnce(settings, examples, null, null);
        }
        NerTrainer first = new NerTrainer(settings.firstPass(), clusters, matcher);
        List<List<NerExample>> documents = NerExample.documents(examples);
        List<List<NerExample>> even = new ArrayList<>();
        List<List<NerExample>> odd = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            (d % 2 == 0 ? even : odd).add(documents.get(d));
        }
        NerModel onOdd = first.train(flatten(odd));
        NerModel onEven = first.train(flatten(even));
        List<List<List<EntitySpan>>> jackknifed = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            NerModel other = d % 2 == 0 ? onOdd : onEven;
            jackknifed.add(other.predict(documents.get(d).stream().map(NerExample::tokens).toList()));
        }
        NerModel all = first.train(examples);
        return trainOnce(settings, examples, jackknifed, all);
    }

    /**
     * Trains on complete annotations and binary answers together. Tokens of a binary example outside its accepted
     * spans are unknown, not O.
     *
     * @throws IllegalArgumentException if there are no examples or no accepted spans at all
     * @throws UnsupportedOperationException while binary training is not built (binary examples given)
     */
    public NerModel train(List<NerExample> complete, List<BinaryNerExample> binary) {
        if (binary.isEmpty()) {
            return train(complete);
        }
        throw new UnsupportedOperationException("training from binary answers is not built yet");
    }

    private static List<NerExample> flatten(List<List<NerExample>> documents) {
        return documents.stream().flatMap(List::stream).toList();
    }

    private NerModel trainOnce(NerSettings run, List<NerExample> examples, List<List<List<EntitySpan>>> firstLabels,
                               NerModel firstPass) {
        List<NameSample> samples = samples(run, examples, firstLabels);
        TrainingParameters params = new TrainingParameters();
        run.trainingParameters().forEach(params::put);
        QuarryNameFinderFactory factory = new QuarryNameFinderFactory(run, clusters);
        try {
            TokenNameFinderModel model = NameFinderME.train("und", null,
                    ObjectStreamUtils.createObjectStream(samples), params, factory);
            return new NerModel(model, run, firstPass, matcher);
        } catch (IOException e) {
            throw new UncheckedIOException("NER training failed", e);
        }
    }

    private List<NameSample> samples(NerSettings run, List<NerExample> examples,
                                     List<List<List<EntitySpan>>> firstLabels) {
        List<NameSample> samples = new ArrayList<>(examples.size());
        List<List<NerExample>> documents = NerExample.documents(examples);
        for (int d = 0; d < documents.size(); d++) {
            List<NerExample> document = documents.get(d);
            List<String[]> encoded = ExtraFeatures.encode(run, document.stream().map(NerExample::tokens).toList(),
                    matcher, firstLabels == null ? null : firstLabels.get(d));
            for (int s = 0; s < document.size(); s++) {
                Span[] names = document.get(s).spans().stream()
                        .map(span -> new Span(span.start(), span.end(), span.label())).toArray(Span[]::new);
                samples.add(new NameSample(document.get(s).documentId(), encoded.get(s), names, null, s == 0));
            }
        }
        return samples;
    }
}
