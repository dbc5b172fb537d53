package dev.quarry.training;

import dev.quarry.matching.Matcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
 *
 * <p><b>Binary answers</b> ({@link #train(List, List, BinaryTraining)}, engine {@code BinaryTrainer}): a token
 * outside every accepted span is unknown, never O. Of the ways tried on CoNLL-2003 (benchmarks/binary/README.md: a
 * 551-sentence complete seed, 3,000 answers on the seed model's most uncertain suggestions, chosen on testa), the
 * default is the best: five first models learn from the complete examples and the accepted spans' tokens only
 * ({@link BinaryTraining.Start#KNOWN_TOKENS}: OpenNLP's event trainer gets no event for an unknown token), each a
 * stronger learner than the trainer's ({@link BinaryTraining.Completer#stronger()}) with other optional features
 * ({@link NerEnsemble#memberSettings}); each completes every binary example with its best label sequence that
 * contains every accepted span and no rejected one ({@code ConstrainedDecoder}, a beam search over its outcome
 * probabilities, corrected halfway towards the complete examples' label distribution), and the completions vote
 * span by span. Five models learn from the complete and voted examples, complete them again and vote again, and the
 * final model, with the trainer's settings, learns from those completions; the second-round completers learn a
 * completed token only where the five completions agree on it ({@link BinaryTraining.Agreement#COMPLETERS}).
 * Maxent defaults, one answer per sentence: testb F1 69.5 (full annotation of the same sentences 70.6, answers read
 * as complete 23.8, the seed alone 57.7).
 */
public final class NerTrainer {

    static {
        NerModel.allowQuarryExtensions();
    }

    private final NerSettings settings;
    private final Map<String, WordClusters> clusters;
    private final Matcher matcher;
    /** The matcher for each training document's pattern features, by document id; null: {@link #matcher}. */
    private final Function<String, Matcher> trainingMatchers;

    /**
     * @param clusters the word clusters named in {@code settings.clusters()}
     * @param matcher  the pattern matcher for pattern features; required when {@code settings.patternFeatures()}
     */
    public NerTrainer(NerSettings settings, Map<String, WordClusters> clusters, Matcher matcher) {
        this(settings, clusters, matcher, null);
    }

    private NerTrainer(NerSettings settings, Map<String, WordClusters> clusters, Matcher matcher,
                       Function<String, Matcher> trainingMatchers) {
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
        this.trainingMatchers = trainingMatchers;
    }

    /**
     * Trains on complete annotations (every token outside a span is O).
     *
     * @throws IllegalArgumentException if there are no examples or no spans at all
     */
    public NerModel train(List<NerExample> examples) {
        return trainMasked(examples, null);
    }

    /**
     * Trains on complete examples; where {@code masks} is non-null, a token whose mask entry is false gives no
     * training event (the first pass of a two-pass model still learns from every token).
     */
    NerModel trainMasked(List<NerExample> examples, List<boolean[]> masks) {
        return trainWeighted(examples, masks, null, 1);
    }

    /**
     * As {@link #trainMasked}, and where {@code readings} (null, or one entry per example) holds a non-null list,
     * that example is learnt from those weighted outcome sequences instead of its spans ({@link MaskedTraining}).
     *
     * @param copies event copies for weight 1 (the learner's cutoff is scaled by it), at least 1
     */
    NerModel trainWeighted(List<NerExample> examples, List<boolean[]> masks,
                           List<List<MaskedTraining.Reading>> readings, int copies) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (examples.stream().allMatch(e -> e.spans().isEmpty())) {
            throw new IllegalArgumentException("no entity spans in " + examples.size() + " training examples");
        }
        if (!settings.twoPass()) {
            return trainOnce(settings, new Weighted(examples, masks, readings, copies), null, null);
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
        return trainOnce(settings, new Weighted(examples, masks, readings, copies), jackknifed, all);
    }

    /**
     * Trains on complete annotations and binary answers together, with {@link BinaryTraining#defaults()}. Tokens of a
     * binary example outside its accepted spans are unknown, not O.
     *
     * @throws IllegalArgumentException if there are no examples, no spans at all, or an example both accepts and
     *     rejects the same span
     */
    public NerModel train(List<NerExample> complete, List<BinaryNerExample> binary) {
        return train(complete, binary, BinaryTraining.defaults());
    }

    /**
     * Trains on complete annotations and binary answers together. Tokens of a binary example outside its accepted
     * spans are unknown, not O: a first model (see {@link BinaryTraining.Start}) completes each binary example with
     * its best label sequence that contains every accepted span and none of the rejected ones (a constrained beam
     * search over the model's own probabilities), a new model is trained on the complete examples plus the completed
     * ones, and that repeats {@link BinaryTraining#rounds()} times. Unknown tokens thus get what the model believes,
     * entity or O, and the answers hold wherever they speak. Deterministic for the same data and settings.
     *
     * @throws IllegalArgumentException if there are no examples, no spans at all, or an example both accepts and
     *     rejects the same span
     */
    public NerModel train(List<NerExample> complete, List<BinaryNerExample> binary, BinaryTraining how) {
        return train(complete, binary, how, null);
    }

    /** As {@link #train(List, List, BinaryTraining)}, showing each round's completions to {@code observer}. */
    NerModel train(List<NerExample> complete, List<BinaryNerExample> binary, BinaryTraining how,
                   BinaryTrainer.Observer observer) {
        if (binary.isEmpty()) {
            return train(complete);
        }
        checkAnswers(binary);
        return new BinaryTrainer(this, how, observer).train(complete, binary);
    }

    /**
     * Trains one model per entry of {@code members} (for instance {@link NerEnsemble#memberSettings}) with this
     * trainer's clusters and matcher. With binary answers the completion runs once, its completing models chosen for
     * this trainer's settings as in {@link #train(List, List, BinaryTraining)}, and every member learns from the
     * completed examples and masks the single model of that method learns from: unknown tokens stay unknown, never O,
     * for every member. Without binary answers each member learns from {@code complete}. Deterministic.
     *
     * @return the models in the order of {@code members}
     * @throws IllegalArgumentException as {@link #train(List, List, BinaryTraining)}, or if {@code members} is empty
     */
    public List<NerModel> trainMembers(List<NerExample> complete, List<BinaryNerExample> binary, BinaryTraining how,
                                       List<NerSettings> members) {
        return trainMembers(complete, binary, how, members, null);
    }

    /** As {@link #trainMembers(List, List, BinaryTraining, List)}, showing each round's completions to observer. */
    List<NerModel> trainMembers(List<NerExample> complete, List<BinaryNerExample> binary, BinaryTraining how,
                                List<NerSettings> members, BinaryTrainer.Observer observer) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("training members needs at least one member's settings");
        }
        List<NerTrainer> finals = members.stream().map(s -> s.equals(settings) ? this : withSettings(s)).toList();
        if (binary.isEmpty()) {
            return finals.stream().map(trainer -> trainer.train(complete)).toList();
        }
        checkAnswers(binary);
        return new BinaryTrainer(this, how, observer).trainEach(complete, binary, finals);
    }

    NerSettings settings() {
        return settings;
    }

    /** Whether this trainer has every word clustering named. */
    boolean hasClusters(List<String> names) {
        return clusters.keySet().containsAll(names);
    }

    /** A trainer with the same settings and clusters and another matcher (null: none). */
    NerTrainer withMatcher(Matcher other) {
        return new NerTrainer(settings, clusters, other, null);
    }

    /**
     * A trainer whose pattern features of each training document come from {@code byDocument}'s matcher for its
     * document id (the trained model keeps {@link #matcher()} for prediction): so a feature made from the training
     * answers need not fire on the very answer it came from.
     */
    NerTrainer withTrainingMatchers(Function<String, Matcher> byDocument) {
        return new NerTrainer(settings, clusters, matcher, Objects.requireNonNull(byDocument, "byDocument"));
    }

    /** The pattern matcher for pattern features, or null. */
    Matcher matcher() {
        return matcher;
    }

    /** A trainer with other settings and the same clusters and matcher. */
    NerTrainer withSettings(NerSettings other) {
        return new NerTrainer(other, clusters, matcher, trainingMatchers);
    }

    private static void checkAnswers(List<BinaryNerExample> binary) {
        for (int i = 0; i < binary.size(); i++) {
            BinaryNerExample example = binary.get(i);
            for (EntitySpan span : example.rejected()) {
                if (example.accepted().contains(span)) {
                    throw new IllegalArgumentException("binary example " + (i + 1) + " (document \""
                            + example.documentId() + "\") both accepts and rejects " + span);
                }
            }
        }
    }

    private static List<NerExample> flatten(List<List<NerExample>> documents) {
        return documents.stream().flatMap(List::stream).toList();
    }

    /** Examples with their masks and readings (either may be null) and the event copies for weight 1. */
    private record Weighted(List<NerExample> examples, List<boolean[]> masks,
                            List<List<MaskedTraining.Reading>> readings, int copies) {
        boolean plain() {
            return masks == null && readings == null && copies == 1;
        }
    }

    private NerModel trainOnce(NerSettings run, Weighted data, List<List<List<EntitySpan>>> firstLabels,
                               NerModel firstPass) {
        List<NameSample> samples = samples(run, data.examples(), firstLabels);
        TrainingParameters params = new TrainingParameters();
        run.trainingParameters().forEach(params::put);
        QuarryNameFinderFactory factory = new QuarryNameFinderFactory(run, clusters);
        try {
            TokenNameFinderModel model = data.plain()
                    ? NameFinderME.train("und", null, ObjectStreamUtils.createObjectStream(samples), params, factory)
                    : MaskedTraining.train(samples, data.masks(), data.readings(), data.copies(), params, factory);
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
            Matcher features = trainingMatchers == null ? matcher
                    : trainingMatchers.apply(document.getFirst().documentId());
            List<String[]> encoded = ExtraFeatures.encode(run, document.stream().map(NerExample::tokens).toList(),
                    features, firstLabels == null ? null : firstLabels.get(d));
            for (int s = 0; s < document.size(); s++) {
                Span[] names = document.get(s).spans().stream()
                        .map(span -> new Span(span.start(), span.end(), span.label())).toArray(Span[]::new);
                samples.add(new NameSample(document.get(s).documentId(), encoded.get(s), names, null, s == 0));
            }
        }
        return samples;
    }
}
