package dev.quarry.training;

import dev.quarry.matching.Matcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * A trained NER: an OpenNLP {@code TokenNameFinderModel} built by {@link NerTrainer}, plus (for two-pass settings)
 * the first-pass model, and the pattern matcher its pattern features came from.
 *
 * <p>Thread-safe: each call makes its own decoder (decoding state is per call); the loaded models are immutable. Predictions run document by document, and adaptive data is cleared at every document start.
 */
public final class NerModel {

    static {
        allowQuarryExtensions();
    }

    /** OpenNLP 2.5 instantiates model classes by name only from allow-listed packages: allow this one. */
    static void allowQuarryExtensions() {
        ExtensionLoader.registerAllowedPackage(NerModel.class.getPackageName());
    }

    private static final String FIRST_PASS_SUFFIX = ".pass1";

    private final TokenNameFinderModel model;
    private final NerSettings settings;
    private final NerModel firstPass;
    private final Matcher matcher;

    NerModel(TokenNameFinderModel model, NerSettings settings, NerModel firstPass, Matcher matcher) {
        this.model = model;
        this.settings = settings;
        this.firstPass = firstPass;
        this.matcher = matcher;
        if (settings.twoPass() && firstPass == null) {
            throw new IllegalArgumentException("a two-pass NER needs its first-pass model");
        }
    }

    /** The OpenNLP model, for tests that compare with OpenNLP's own decoder. */
    TokenNameFinderModel openNlpModel() {
        return model;
    }

    public NerSettings settings() {
        return settings;
    }

    /** The entity labels the model can predict, sorted. */
    public Set<String> labels() {
        Set<String> labels = new TreeSet<>();
        var sequenceModel = model.getNameFinderSequenceModel();
        for (String outcome : sequenceModel.getOutcomes()) {
            int dash = outcome.lastIndexOf('-');
            if (dash > 0 && !outcome.equals("other")) {
                labels.add(outcome.substring(0, dash));
            }
        }
        return labels;
    }

    /**
     * Finds entities in one document.
     *
     * @param document the tokens of each sentence, in order
     * @return the spans of each sentence (token indices), sorted by start
     */
    public List<List<EntitySpan>> predict(List<List<String>> document) {
        return new NerDecoder(model, settings.beamSize()).document(encode(document));
    }

    /**
     * This model predicting with another beam size (the number of label sequences kept while decoding a sentence);
     * the first pass of a two-pass model keeps its own.
     */
    public NerModel withBeamSize(int beamSize) {
        return new NerModel(model, settings.withBeamSize(beamSize), firstPass, matcher);
    }

    /**
     * Candidate entities for binary annotation (accept or reject one span): for each sentence, the distinct spans of
     * the {@code beamSize} best label sequences, each with the share of the beam's probability held by the sequences
     * that contain it (the model's best sequence alone gives its spans 1.0 when {@code beamSize} is 1), highest first,
     * ties by position.
     *
     * @param document the tokens of each sentence, in order
     * @throws IllegalArgumentException if {@code beamSize < 1}
     */
    public List<List<SpanSuggestion>> suggest(List<List<String>> document, int beamSize) {
        ConstrainedDecoder decoder = new ConstrainedDecoder(model, beamSize);
        decoder.startDocument();
        List<String[]> encoded = encode(document);
        List<List<SpanSuggestion>> result = new ArrayList<>(encoded.size());
        for (String[] tokens : encoded) {
            var sequences = decoder.decode(tokens, ConstrainedDecoder.Constraints.none(tokens.length));
            result.add(SpanSuggestion.fromBeam(sequences));
        }
        return result;
    }

    /**
     * As {@link #predict}, each entity with the model's probability for it: the mean, over its tokens, of the
     * probability of the outcome the decoder chose (OpenNLP's {@code Span.getProb}), in [0, 1].
     *
     * @param document the tokens of each sentence, in order
     * @return the scored spans of each sentence (token indices), sorted by start
     */
    public List<List<ScoredEntity>> predictScored(List<List<String>> document) {
        return new NerDecoder(model, settings.beamSize()).scoredDocument(encode(document));
    }

    /** The sentences of one document as the OpenNLP model reads them: words with their extra features. */
    List<String[]> encode(List<List<String>> document) {
        List<List<EntitySpan>> first = firstPass == null ? null : firstPass.predict(document);
        return ExtraFeatures.encode(settings, document, matcher, first);
    }

    TokenNameFinderModel openNlp() {
        return model;
    }

    /** Predicts every document of {@code examples} (grouped by {@link NerExample#documents}), in order. */
    public List<List<EntitySpan>> predictExamples(List<NerExample> examples) {
        List<List<EntitySpan>> predicted = new ArrayList<>(examples.size());
        for (List<NerExample> document : NerExample.documents(examples)) {
            predicted.addAll(predict(document.stream().map(NerExample::tokens).toList()));
        }
        return predicted;
    }

    /** Scores this model on gold examples. */
    public NerEvaluation evaluate(List<NerExample> gold) {
        return NerEvaluation.of(gold.stream().map(NerExample::spans).toList(), predictExamples(gold));
    }

    /**
     * Writes the OpenNLP model to {@code file} (with its settings and word clusters inside) and, for a two-pass
     * model, the first pass beside it as {@code <file>.pass1}. The matcher is not written: give it to
     * {@link #load(Path, Matcher)}.
     */
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.serialize(out);
        }
        if (firstPass != null) {
            firstPass.save(file.resolveSibling(file.getFileName() + FIRST_PASS_SUFFIX));
        }
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @param matcher the pattern matcher, required when the model was trained with pattern features, else ignored
     * @throws IOException naming the file when it is missing, not an OpenNLP model or not one of Quarry's
     */
    public static NerModel load(Path file, Matcher matcher) throws IOException {
        TokenNameFinderModel model;
        try (InputStream in = Files.newInputStream(file)) {
            model = new TokenNameFinderModel(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable NER model: " + e.getMessage(), e);
        }
        if (!(model.getFactory() instanceof QuarryNameFinderFactory factory)) {
            throw new IOException(file + ": not a Quarry NER model (factory " + model.getFactory().getClass().getName()
                    + ")");
        }
        NerSettings settings = factory.settings();
        if (settings.patternFeatures() && matcher == null) {
            throw new IllegalArgumentException(file + ": the model uses pattern features, so it needs a matcher");
        }
        NerModel first = settings.twoPass()
                ? load(file.resolveSibling(file.getFileName() + FIRST_PASS_SUFFIX), matcher) : null;
        return new NerModel(model, settings, first, matcher);
    }
}
