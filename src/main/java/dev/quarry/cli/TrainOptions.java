package dev.quarry.cli;

import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.matching.Matcher;
import dev.quarry.text.Tokenizer;
import dev.quarry.training.DatasetExamples;
import dev.quarry.training.NerSettings;
import dev.quarry.training.SpanAlignment;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TrainingDataException;
import dev.quarry.training.TrainingExamples;
import dev.quarry.training.WordClusters;
import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The data, evaluation and feature options {@code quarry train} and {@code quarry train-curve} share (a picocli
 * mixin), and the reading of the datasets they name into a {@link TrainRun.Request}.
 */
final class TrainOptions {

    @Mixin
    DbOption db;
    @Mixin
    MatcherOptions matching;

    @Option(names = "--ner", split = ",", paramLabel = "DATASET", description = "Datasets to train the NER on.")
    List<String> nerDatasets = List.of();
    @Option(names = "--textcat", split = ",", paramLabel = "DATASET",
            description = "Datasets to train the text classifier on.")
    List<String> textcatDatasets = List.of();
    @Option(names = "--textcat-mode", paramLabel = "exclusive|multi-label",
            description = "Exclusive labels (one per text) or multi-label (one-vs-rest, a threshold per label). "
                    + "Default: exclusive when every text has exactly one label, else you are asked to choose.")
    String textcatMode;
    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
            description = "Multi-label: the decision threshold of a label whose threshold is not tuned "
                    + "(default: ${DEFAULT-VALUE}).")
    double threshold;
    @Option(names = "--tune-split", defaultValue = "0.2", paramLabel = "FRACTION",
            description = "Multi-label: the share of the training texts held out (by --seed) to tune each label's "
                    + "threshold for F1, before the model is trained on all of them; 0 keeps --threshold "
                    + "(default: ${DEFAULT-VALUE}).")
    double tuneSplit;
    @Option(names = {"-p", "--patterns"}, paramLabel = "FILE|DIR",
            description = "Pattern files to put into the package (match-then-predict); may be repeated.")
    List<Path> patterns = List.of();
    @Option(names = "--pattern-features", description = "The NER also learns from pattern matches (needs --patterns).")
    boolean patternFeatures;
    @Option(names = "--vectors", paramLabel = "FILE", description = "Word vectors to cluster into NER features.")
    Path vectors;
    @Option(names = "--clusters", split = ",", paramLabel = "K", defaultValue = "256",
            description = "k-means cluster counts over --vectors, one feature set each (default: ${DEFAULT-VALUE}).")
    List<Integer> clusterCounts;
    @Option(names = "--eval", paramLabel = "DATASET", description = "Evaluate on this dataset.")
    String evalDataset;
    @Option(names = "--eval-split", paramLabel = "FRACTION",
            description = "Evaluate on this fraction of the training data (NER split by document), set aside by --seed.")
    Double evalSplit;
    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed of the splits and the clustering (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--ner-algorithm", defaultValue = "PERCEPTRON", paramLabel = "PERCEPTRON|MAXENT")
    String nerAlgorithm;
    @Option(names = "--iterations", defaultValue = "300", paramLabel = "N",
            description = "NER training iterations (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--cutoff", defaultValue = "0", paramLabel = "N",
            description = "NER features seen fewer times are dropped (default: ${DEFAULT-VALUE}).")
    int cutoff;
    @Option(names = "--rich-features", description = "NER affixes, word shapes and document features (the same as "
            + "--ner-feature +affixes,+shapes,+document).")
    boolean richFeatures;
    @Option(names = "--ner-features", paramLabel = "default|rich|f",
            description = {"NER feature preset: default (OpenNLP's features, history read from the plain word), rich "
                    + "(+ affixes, shapes, document), f (rich + cluster-bigrams, cluster-shape, document-topic: the "
                    + "benchmark's best single NER on CoNLL-2003 with --vectors GloVe --clusters 64,256,1024). "
                    + "Default: default."})
    String nerFeatures;
    @Option(names = "--ner-feature", split = ",", paramLabel = "+NAME|-NAME",
            description = "Switch single NER features on (+) or off (-) after the preset: affixes, shapes, document, "
                    + "plain-history, cluster-bigrams, cluster-shape, truecase-headlines, outcome-clusters, "
                    + "document-topic, context-aggregation.")
    List<String> nerFeatureSwitches = List.of();
    @Option(names = "--textcat-algorithm", defaultValue = "SVM_CNB",
            paramLabel = "SVM_CNB|LINEAR_SVM|COMPLEMENT_NB|NAIVEBAYES|PERCEPTRON|MAXENT|MAXENT_QN",
            description = "The text classifier's learner (default: ${DEFAULT-VALUE}, a linear SVM times complement "
                    + "naive Bayes over tf-idf words).")
    String textcatAlgorithm;
    @Option(names = "--entity-features",
            description = "The text classifier also sees the labels of the entities patterns and NER find.")
    boolean entityFeatures;
    @Option(names = "--binary",
            description = "Read every answer in the --ner datasets as a binary answer (accept or reject of its spans; "
                    + "other tokens unknown), also those not marked by _view_id \"ner\" or \"binary\".")
    boolean binary;
    @Option(names = "--snap-spans",
            description = "Widen spans that do not start or end on token boundaries instead of failing.")
    boolean snapSpans;

    @Option(names = "--ner-vote", defaultValue = "1", paramLabel = "N",
            description = "Train N NER models (3 or 5) with different feature sets and predict by their majority "
                    + "vote: the NER settings, then with outcome-cluster, context and headline features, then with "
                    + "16 more word clusters (with --vectors; else the document-topic feature). Default: one NER.")
    int nerVote;

    @Option(names = "--vote-completion", defaultValue = "each", paramLabel = "each|once",
            description = "With --ner-vote and binary answers: each member completes the unknown tokens with its own "
                    + "completing models (the better vote: +0.3 to +1.3 F1 on CoNLL-2003), or they are completed "
                    + "once for every member (a fifth of the time or less). Default: ${DEFAULT-VALUE}.")
    String voteCompletion;

    /**
     * Checks the options, compiles the patterns, reads the datasets and clusters the vectors.
     *
     * @throws UserException for bad options, a missing dataset or unusable annotations
     */
    TrainRun.Request request(PrintWriter err) throws IOException {
        checkOptions();
        TextcatMode mode = mode();
        NerSettings nerSettings = nerSettings();
        Matcher matcher = patterns.isEmpty() ? null : MatchCommand.compile(patterns, matching.toMatchOptions());
        TrainRun.Data ner;
        TrainRun.Data textcat;
        TrainRun.Data eval;
        try (Database database = nerDatasets.isEmpty() && textcatDatasets.isEmpty() && evalDataset == null
                ? null : db.open()) {
            ner = read(database, nerDatasets, reader -> reader.allBinary(binary).ner());
            textcat = read(database, textcatDatasets, DatasetExamples::textcat);
            eval = evalDataset == null ? null : readEval(database);
        } catch (TrainingDataException e) {
            throw UserException.invalidInput(e.getMessage() + (snapSpans ? "" : hint(e)));
        }
        return new TrainRun.Request(MatchCommand.language(matching.language), matcher, ner, textcat, eval,
                evalSplit, nerSettings, textcatSettings(), mode, tuneSplit, clusters(err), nerVote,
                MatchCommand.parse(VoteCompletion.class, voteCompletion, "--vote-completion") == VoteCompletion.ONCE);
    }

    private static String hint(TrainingDataException e) {
        return e.getMessage().contains("token boundaries") ? " (--snap-spans widens such spans)" : "";
    }

    private void checkOptions() {
        if (nerDatasets.isEmpty() && textcatDatasets.isEmpty() && patterns.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "nothing to train: give --ner, --textcat or --patterns");
        }
        if (evalDataset != null && evalSplit != null) {
            throw new UserException(ExitCodes.USAGE, "--eval and --eval-split exclude each other");
        }
        if (evalSplit != null && !(evalSplit > 0 && evalSplit < 1)) {
            throw new UserException(ExitCodes.USAGE, "--eval-split must be between 0 and 1, got " + evalSplit);
        }
        if (!(tuneSplit >= 0 && tuneSplit < 1)) {
            throw new UserException(ExitCodes.USAGE, "--tune-split must be in [0, 1), got " + tuneSplit);
        }
        if (patternFeatures && patterns.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "--pattern-features needs --patterns");
        }
        if (entityFeatures && textcatDatasets.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "--entity-features needs --textcat");
        }
        if (nerVote != 1 && nerVote != 3 && nerVote != 5) {
            throw new UserException(ExitCodes.USAGE, "--ner-vote must be 3 or 5 (an odd number of voters, each with "
                    + "its own feature set), got " + nerVote);
        }
        if (nerVote != 1 && nerDatasets.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "--ner-vote needs --ner");
        }
        MatchCommand.parse(VoteCompletion.class, voteCompletion, "--vote-completion");
    }

    /** The mode asked for, or null to choose by the data. */
    private TextcatMode mode() {
        if (textcatMode == null) {
            return null;
        }
        return switch (textcatMode.toLowerCase(Locale.ROOT)) {
            case "exclusive" -> TextcatMode.EXCLUSIVE;
            case "multi-label" -> TextcatMode.MULTI_LABEL;
            default -> throw new UserException(ExitCodes.USAGE, "--textcat-mode must be exclusive or multi-label, "
                    + "got \"" + textcatMode + "\"");
        };
    }

    private TrainRun.Data read(Database database, List<String> datasets,
                               Function<DatasetExamples, TrainingExamples> kind) {
        if (datasets.isEmpty()) {
            return null;
        }
        DatasetExamples reader = reader();
        for (String dataset : datasets) {
            try (Stream<Example> latest = database.latest(dataset)) {
                reader.addExamples(dataset, latest);
            }
        }
        return new TrainRun.Data(datasets, kind.apply(reader));
    }

    private TrainRun.Data readEval(Database database) {
        DatasetExamples reader = reader();
        try (Stream<Example> latest = database.latest(evalDataset)) {
            reader.addExamples(evalDataset, latest);
        }
        TrainingExamples ner = reader.ner();
        TrainingExamples textcat = reader.textcat();
        return new TrainRun.Data(List.of(evalDataset), new TrainingExamples(ner.ner(), List.of(), textcat.textcat(),
                Stream.concat(ner.inputHashes().stream(), textcat.inputHashes().stream()).toList(), Map.of()));
    }

    private DatasetExamples reader() {
        return new DatasetExamples(Tokenizer.forLanguage(MatchCommand.language(matching.language)),
                snapSpans ? SpanAlignment.SNAP : SpanAlignment.REJECT);
    }

    private NerSettings nerSettings() {
        try {
            NerSettings settings = NerSettings.openNlpDefaults()
                    .withLearner(nerAlgorithm.toUpperCase(Locale.ROOT), iterations, cutoff)
                    .withPatternFeatures(patternFeatures);
            if (vectors != null) {
                settings = settings.withClusters(clusterCounts.stream().map(k -> "k" + k).toList(), 2);
            }
            List<String> switches = new ArrayList<>(richFeatures ? List.of("+" + NerFeatureOptions.AFFIXES, "+"
                    + NerFeatureOptions.SHAPES, "+" + NerFeatureOptions.DOCUMENT) : List.of());
            switches.addAll(nerFeatureSwitches);
            return NerFeatureOptions.apply(settings, nerFeatures, switches, vectors != null);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, "NER settings: " + e.getMessage());
        }
    }

    /**
     * The text classification settings, exclusive until the data or --textcat-mode say otherwise: the SVMs over
     * tf-idf words of at least 2 texts ({@link TextcatSettings#svmWithComplementNb()}), the others over word presence.
     */
    private TextcatSettings textcatSettings() {
        String algorithm = textcatAlgorithm.toUpperCase(Locale.ROOT);
        try {
            TextcatSettings base = algorithm.contains("SVM")
                    ? TextcatSettings.svmWithComplementNb().withLearner(algorithm, 1000, 2)
                            .withFeatures(1, false, entityFeatures, List.of())
                    : TextcatSettings.naiveBayesBagOfWords().withLearner(algorithm, 100, 0)
                            .withFeatures(1, true, entityFeatures, List.of());
            return base.withMode(TextcatMode.EXCLUSIVE, threshold).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, "text classification settings: " + e.getMessage());
        }
    }

    private Map<String, WordClusters> clusters(PrintWriter err) throws IOException {
        if (vectors == null || nerDatasets.isEmpty()) {
            return Map.of();
        }
        WordVectors table = VectorsCommand.load(vectors, err, () -> { });
        Map<String, WordClusters> clusters = new LinkedHashMap<>();
        List<Integer> counts = new ArrayList<>(clusterCounts);
        if (nerVote == 5 && !counts.contains(16)) {
            counts.add(16); // NerEnsemble.EXTRA_CLUSTERS, the fifth member's
        }
        for (int k : counts) {
            if (k < 1 || k > table.size()) {
                throw new UserException(ExitCodes.USAGE, "--clusters must be in 1.." + table.size() + ", got " + k);
            }
            clusters.put("k" + k, WordClusters.kMeans(table, k, 10, seed));
        }
        return clusters;
    }

    /** How the members of an NER vote complete binary answers. */
    private enum VoteCompletion { EACH, ONCE }
}
