package dev.quarry.pipeline;

import dev.quarry.matching.Matcher;
import dev.quarry.model.ModelPackage;
import dev.quarry.model.TrainingData;
import dev.quarry.text.Language;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import dev.quarry.training.TrainingExamples;
import dev.quarry.training.WordClusters;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains one part of a model package again from annotations, keeping everything else of the package it replaces:
 * the annotation app's model in the loop. The new part is trained with the settings of the part it replaces, or
 * with {@link #DEFAULT_NER} / {@link #DEFAULT_TEXTCAT} when there is none (those of {@code quarry train} without
 * options; the text classifier multi-label, threshold 0.5, unless every example has exactly one label). The package's patterns, word clusters and other part are kept; a package without patterns takes
 * {@code patterns} (the set being served) when they are not empty.
 *
 * <p>Settings that cannot be met are narrowed, not failed: NER pattern features without any patterns are turned off,
 * and NER word-cluster features whose clusters the package does not hold are left out ({@link #nerSettings} says
 * what is used). Stateless and thread-safe; training is single-threaded and deterministic.
 */
public final class Retraining {

    /** The part trained. */
    public enum Part { NER, TEXTCAT }

    /** NER settings without a model to start from: perceptron, 300 iterations, cutoff 0 ({@code quarry train}'s). */
    public static final NerSettings DEFAULT_NER = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0);
    /** Text classification settings without a model to start from: naive Bayes over binary unigrams. */
    public static final TextcatSettings DEFAULT_TEXTCAT = TextcatSettings.naiveBayesBagOfWords()
            .withLearner("NAIVEBAYES", 100, 0).withFeatures(1, true, false, List.of());

    private Retraining() {
    }

    /**
     * A new package: {@code part} trained on {@code examples}, the rest of {@code base}. Retraining the NER of a
     * package with an NER vote trains every member again, each with its own settings (narrowed as {@link
     * #nerSettings} says), so the vote stays a vote of the same size.
     *
     * @param base     the package replaced, or null to start from nothing (then in {@code language})
     * @param patterns the patterns served now (for pattern features and a package without patterns), or null
     * @param data     what the manifest records as the training data
     * @param clock    the manifest's created time
     * @throws IllegalArgumentException if there is nothing to train on (no examples, no entity spans, one label)
     */
    public static ModelPackage retrain(ModelPackage base, Language language, Part part, TrainingExamples examples,
                                       Matcher patterns, TrainingData data, Clock clock) {
        Objects.requireNonNull(part, "part");
        Language lang = base == null ? Objects.requireNonNull(language, "language") : base.language();
        Matcher matcher = packageMatcher(base, patterns);
        Map<String, WordClusters> clusters = base == null ? Map.of() : base.clusters();
        ModelPackage.Builder builder = ModelPackage.builder(lang).matcher(matcher).clusters(clusters).training(data)
                .clock(clock);
        List<NerModel> nerMembers = base == null ? List.of() : base.nerMembers();
        TextcatModel textcat = base == null ? null : base.textcat().orElse(null);
        if (part == Part.NER) {
            List<NerSettings> members = nerMembers.isEmpty() ? List.of(DEFAULT_NER)
                    : nerMembers.stream().map(NerModel::settings).toList();
            nerMembers = members.stream().map(settings -> new NerTrainer(nerSettings(settings, clusters, matcher),
                    clusters, matcher).train(examples.ner(), examples.binaryNer())).toList();
        } else {
            TextcatSettings settings = textcat != null ? textcat.settings()
                    : DEFAULT_TEXTCAT.withMode(TextcatTrainer.fittingMode(examples.textcat()), 0.5);
            textcat = new TextcatTrainer(settings, clusters).train(examples.textcat());
        }
        return builder.nerVote(nerMembers).textcat(textcat).seed(base == null ? null : base.manifest().seed()).build();
    }

    /**
     * The NER settings a retraining uses: {@code settings} without pattern features when {@code matcher} is null,
     * and without the word clusters {@code clusters} lacks.
     */
    public static NerSettings nerSettings(NerSettings settings, Map<String, WordClusters> clusters, Matcher matcher) {
        NerSettings used = settings;
        if (used.patternFeatures() && matcher == null) {
            used = used.withPatternFeatures(false);
        }
        List<String> present = used.clusters().stream().filter(clusters::containsKey).toList();
        if (!present.equals(used.clusters())) {
            used = used.withClusters(present, present.isEmpty() ? 0 : used.clusterWindow());
        }
        return used;
    }

    private static Matcher packageMatcher(ModelPackage base, Matcher patterns) {
        if (base != null && base.matcher().isPresent()) {
            return base.matcher().get();
        }
        return patterns == null || patterns.size() == 0 ? null : patterns;
    }
}
