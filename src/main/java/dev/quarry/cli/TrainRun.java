package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.model.Metrics;
import dev.quarry.model.ModelPackage;
import dev.quarry.model.TrainingData;
import dev.quarry.pipeline.Analysis;
import dev.quarry.pipeline.AnalyzedSpan;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import dev.quarry.text.Language;
import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.BinaryTraining;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import dev.quarry.training.TrainEvalSplit;
import dev.quarry.training.TrainingExamples;
import dev.quarry.training.WordClusters;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One {@code quarry train} run: split or take the evaluation data, train the NER and the text classifier, package
 * them with the patterns, evaluate the package through the pipeline, and package the metrics too. {@code quarry
 * train-curve} uses its steps one by one. Not thread-safe.
 */
final class TrainRun {

    /** Examples read from datasets, and the datasets' names. */
    record Data(List<String> datasets, TrainingExamples examples) {
    }

    /**
     * What to train. Null parts are not trained; {@code evalSplit} null means no split; {@code textcatMode} null
     * means exclusive when every text has exactly one label (else an error asking for a mode); {@code tuneSplit} the
     * share of the texts a multi-label classifier's thresholds are tuned on (0: none); {@code nerVote} the number
     * of NER models voting (1: a single NER; 3 or 5: {@link NerEnsemble#memberSettings} of {@code nerSettings});
     * {@code completeOnce} whether a vote's members learn binary answers from one completion rather than each from
     * its own.
     */
    record Request(Language language, Matcher matcher, Data ner, Data textcat, Data eval, Double evalSplit,
                   NerSettings nerSettings, TextcatSettings textcatSettings, TextcatMode textcatMode,
                   double tuneSplit, Map<String, WordClusters> clusters, int nerVote, boolean completeOnce) {
    }

    /** The examples to train and evaluate on, after the split. Lists of a part not trained are empty. */
    record Examples(List<NerExample> nerTrain, List<BinaryNerExample> binary, List<NerExample> nerEval,
                    List<TextcatExample> textcatTrain, List<TextcatExample> textcatEval) {
    }

    private final PrintWriter err;
    private final boolean verbose;
    private final long seed;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, String> tables = new LinkedHashMap<>();

    TrainRun(PrintWriter err, boolean verbose, long seed) {
        this.err = err;
        this.verbose = verbose;
        this.seed = seed;
    }

    /** The evaluation tables of the run, by title, for printing. */
    Map<String, String> tables() {
        return tables;
    }

    ModelPackage train(Request request) {
        Examples examples = examples(request);
        TextcatSettings textcatSettings = request.textcat() == null ? null : textcatSettings(request, examples);
        List<NerModel> ner = request.ner() == null ? List.of()
                : trainNerMembers(request, examples.nerTrain(), examples.binary());
        TextcatModel textcat = textcatSettings == null ? null
                : trainTextcat(request, textcatSettings, ner, examples.textcatTrain());
        ModelPackage.Builder builder = ModelPackage.builder(request.language()).matcher(request.matcher()).nerVote(ner)
                .textcat(textcat).clusters(request.clusters()).training(trainingData(request)).seed(seed);
        ObjectNode metrics = evaluate(Pipeline.of(builder.build()), examples.nerEval(), examples.textcatEval());
        return builder.metrics(metrics).build();
    }

    /**
     * Splits the examples (or takes the evaluation dataset's), warns about labels only the evaluation data has.
     *
     * @throws UserException if a requested part has no examples
     */
    Examples examples(Request request) {
        TrainEvalSplit<NerExample> ner = request.ner() == null ? new TrainEvalSplit<>(List.of(), List.of())
                : nerSplit(request);
        TrainEvalSplit<TextcatExample> textcat = request.textcat() == null
                ? new TrainEvalSplit<>(List.of(), List.of()) : textcatSplit(request);
        List<BinaryNerExample> binary = request.ner() == null ? List.of() : request.ner().examples().binaryNer();
        if (request.ner() != null) {
            counts.put("ner_complete", (long) ner.train().size());
            counts.put("ner_binary", (long) binary.size());
        }
        if (request.textcat() != null) {
            counts.put("textcat", (long) textcat.train().size());
        }
        Examples examples = new Examples(ner.train(), binary, ner.eval(), textcat.train(), textcat.eval());
        warnAboutReading("--ner", request.ner());
        warnAboutReading("--textcat", request.textcat());
        warnAboutEval(request, examples);
        return examples;
    }

    private TrainEvalSplit<NerExample> nerSplit(Request request) {
        TrainingExamples data = request.ner().examples();
        if (data.ner().isEmpty() && data.binaryNer().isEmpty()) {
            throw UserException.invalidInput("--ner " + request.ner().datasets() + ": no NER examples (accepted "
                    + "tasks with \"spans\", or binary answers); read " + data.counts());
        }
        if (request.evalSplit() != null) {
            return split(() -> TrainEvalSplit.byDocument(data.ner(), request.evalSplit(), seed));
        }
        return new TrainEvalSplit<>(data.ner(), request.eval() == null ? List.of() : request.eval().examples().ner());
    }

    private TrainEvalSplit<TextcatExample> textcatSplit(Request request) {
        TrainingExamples data = request.textcat().examples();
        if (data.textcat().isEmpty()) {
            throw UserException.invalidInput("--textcat " + request.textcat().datasets() + ": no text "
                    + "classification examples (a \"label\" answered accept or reject, or an accepted choice); "
                    + "read " + data.counts());
        }
        if (request.evalSplit() != null) {
            return split(() -> TrainEvalSplit.of(data.textcat(), request.evalSplit(), seed, "texts"));
        }
        return new TrainEvalSplit<>(data.textcat(),
                request.eval() == null ? List.of() : request.eval().examples().textcat());
    }

    /** Warns of what reading the stored answers changed or left out for a reason in the data; shows every count. */
    private void warnAboutReading(String option, Data data) {
        if (data == null) {
            return;
        }
        String where = option + " " + data.datasets() + ": ";
        TrainingExamples read = data.examples();
        if (read.count("binary_conflicts") > 0) {
            warn(where + read.count("binary_conflicts") + " binary answers overridden by a later answer about the "
                    + "same text that contradicts them (a reject of a span accepted before, or the reverse, or an "
                    + "accept overlapping an accepted span)");
        }
        if (read.count("snapped_spans") > 0) {
            warn(where + read.count("snapped_spans") + " spans off token boundaries widened to the tokens they touch "
                    + "(--snap-spans)");
        }
        if (read.count("empty_text") > 0) {
            warn(where + read.count("empty_text") + " examples with an empty text left out");
        }
        status("%sread %s", where, read.counts());
    }

    private void warnAboutEval(Request request, Examples examples) {
        if (request.eval() != null) {
            if (request.ner() != null && examples.nerEval().isEmpty()) {
                warn("--eval " + request.eval().datasets() + " has no NER examples; the NER is not evaluated");
            }
            if (request.textcat() != null && examples.textcatEval().isEmpty()) {
                warn("--eval " + request.eval().datasets() + " has no text classification examples; the text "
                        + "classifier is not evaluated");
            }
        }
        EvalOnlyLabels.ner(examples.nerTrain(), examples.binary(), examples.nerEval()).ifPresent(this::warn);
        EvalOnlyLabels.textcat(examples.textcatTrain(), examples.textcatEval()).ifPresent(this::warn);
    }

    /**
     * The text classification settings with the mode the options or the data give.
     *
     * @throws UserException if the mode is not given and the texts do not each have one label, or exclusive labels
     *                       are asked of texts with several
     */
    TextcatSettings textcatSettings(Request request, Examples examples) {
        List<TextcatExample> all = Stream.concat(examples.textcatTrain().stream(), examples.textcatEval().stream())
                .toList();
        TextcatSettings settings = request.textcatSettings();
        String data = request.textcat().datasets().toString();
        long several = all.stream().filter(e -> e.labels().size() > 1).count();
        long rejectsOnly = all.stream().filter(e -> e.labels().isEmpty()).count();
        TextcatMode mode = request.textcatMode();
        if (mode == null && TextcatTrainer.fittingMode(all) == TextcatMode.MULTI_LABEL) {
            throw UserException.invalidInput("--textcat " + data + ": " + (several + rejectsOnly) + " of "
                    + all.size() + " texts do not have exactly one label (" + several + " with several, "
                    + rejectsOnly + " with none: answers that only reject labels); train with --textcat-mode "
                    + "multi-label (one-vs-rest)" + (several == 0 ? ", or with --textcat-mode exclusive to leave "
                    + "those answers out" : ""));
        }
        if (mode == TextcatMode.EXCLUSIVE && several > 0) {
            TextcatExample first = all.stream().filter(e -> e.labels().size() > 1).findFirst().orElseThrow();
            throw UserException.invalidInput("--textcat-mode exclusive: " + several + " texts of " + data
                    + " have several labels, such as " + EvalOnlyLabels.quote(first.text()) + " " + first.labels()
                    + "; train with --textcat-mode multi-label");
        }
        if (mode == TextcatMode.EXCLUSIVE && rejectsOnly > 0) {
            warn("exclusive text classification leaves out " + rejectsOnly + " answers of " + data
                    + " that only reject labels");
        }
        return mode == TextcatMode.MULTI_LABEL ? settings.withMode(mode, settings.threshold()) : settings;
    }

    /** The NER, or each member of the NER vote the request asks for (with a progress line each). */
    List<NerModel> trainNerMembers(Request request, List<NerExample> train, List<BinaryNerExample> binary) {
        if (request.nerVote() == 1) {
            return List.of(trainNer(request, train, binary));
        }
        List<NerSettings> members = NerEnsemble.memberSettings(request.nerSettings(), request.nerVote());
        if (!binary.isEmpty() && request.completeOnce()) {
            return trainNerMembersOnOneCompletion(request, members, train, binary);
        }
        List<NerModel> models = new ArrayList<>(members.size());
        for (NerSettings settings : members) {
            status("NER vote: member %d of %d (%s)", models.size() + 1, members.size(), settings.encode());
            models.add(trainNer(request, settings, train, binary));
        }
        return models;
    }

    /**
     * The members of an NER vote with binary answers completed once, every member learning from that completion: a
     * fifth of the time or less, where a completion per member (the default) made the vote 0.3-1.3 F1 better on
     * CoNLL-2003 testb ({@code benchmarks/binary/README.md}, section 1e).
     */
    private List<NerModel> trainNerMembersOnOneCompletion(Request request, List<NerSettings> members,
                                                          List<NerExample> train, List<BinaryNerExample> binary) {
        status("NER vote: completing %d binary answers once (%d sentences) for %d members", binary.size(),
                train.size(), members.size());
        NerSettings base = request.nerSettings();
        try {
            return new NerTrainer(base, request.clusters(), base.patternFeatures() ? request.matcher() : null)
                    .trainMembers(train, binary, BinaryTraining.defaults(), members);
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("NER training on " + request.ner().datasets() + ": " + e.getMessage());
        }
    }

    NerModel trainNer(Request request, List<NerExample> train, List<BinaryNerExample> binary) {
        return trainNer(request, request.nerSettings(), train, binary);
    }

    private NerModel trainNer(Request request, NerSettings settings, List<NerExample> train,
                              List<BinaryNerExample> binary) {
        status("training the NER on %d sentences and %d binary answers", train.size(), binary.size());
        try {
            return new NerTrainer(settings, request.clusters(), settings.patternFeatures() ? request.matcher() : null)
                    .train(train, binary);
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("NER training on " + request.ner().datasets() + ": " + e.getMessage());
        }
    }

    /**
     * Trains the text classifier on {@code train}; with entity features each text first goes through the patterns
     * and the NER ({@code ner}: its members, none without). A multi-label classifier's thresholds are tuned on a
     * held-out part first.
     */
    TextcatModel trainTextcat(Request request, TextcatSettings settings, List<NerModel> ner,
                              List<TextcatExample> train) {
        if (settings.entityFeatures()) {
            train = withEntities(train, ModelPackage.builder(request.language()).matcher(request.matcher())
                    .nerVote(ner).build());
        }
        status("training the text classifier (%s) on %d texts", settings.mode(), train.size());
        TextcatTrainer trainer = new TextcatTrainer(settings, request.clusters());
        try {
            Map<String, Double> thresholds = settings.mode() == TextcatMode.MULTI_LABEL && request.tuneSplit() > 0
                    ? tunedThresholds(trainer, settings, train, request.tuneSplit()) : Map.of();
            TextcatModel model = trainer.train(train);
            return thresholds.isEmpty() ? model : model.withThresholds(thresholds);
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("text classification training on " + request.textcat().datasets() + ": "
                    + e.getMessage());
        }
    }

    private Map<String, Double> tunedThresholds(TextcatTrainer trainer, TextcatSettings settings,
                                                List<TextcatExample> train, double share) {
        try {
            return trainer.tuneThresholds(train, share, seed);
        } catch (IllegalArgumentException e) {
            warn("multi-label thresholds not tuned (" + e.getMessage() + "); every label's threshold is "
                    + String.format(Locale.ROOT, "%.2f", settings.threshold()));
            return Map.of();
        }
    }

    /** The examples with the labels of the entities match-then-predict finds in them. */
    private static List<TextcatExample> withEntities(List<TextcatExample> examples, ModelPackage entities) {
        List<Analysis> analyses = Pipeline.of(entities).analyzeAll(examples.stream().map(TextcatExample::text).toList());
        List<TextcatExample> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            out.add(examples.get(i).withEntityLabels(analyses.get(i).spans().stream().map(AnalyzedSpan::label)
                    .toList()));
        }
        return out;
    }

    private static <T> TrainEvalSplit<T> split(Supplier<TrainEvalSplit<T>> split) {
        try {
            return split.get();
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("--eval-split: " + e.getMessage());
        }
    }

    /** Scores the package's parts on the evaluation examples (parts it lacks are skipped), adding the tables. */
    ObjectNode evaluate(Pipeline pipeline, List<NerExample> nerEval, List<TextcatExample> textcatEval) {
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        if (!nerEval.isEmpty() && pipeline.model().ner().isPresent()) {
            status("evaluating the NER on %d sentences", nerEval.size());
            NerEvaluation model = pipeline.evaluateNer(nerEval, Sources.MODEL);
            metrics.set("ner", Metrics.ner(model));
            tables.put("NER (model) on " + nerEval.size() + " sentences:", model.table());
            if (pipeline.model().matcher().isPresent()) {
                NerEvaluation both = pipeline.evaluateNer(nerEval, Sources.BOTH);
                metrics.set("ner_with_patterns", Metrics.ner(both));
                tables.put("NER (patterns, then model) on " + nerEval.size() + " sentences:", both.table());
            }
        }
        if (!textcatEval.isEmpty() && pipeline.model().textcat().isPresent()) {
            TextcatEvaluation evaluation = pipeline.evaluateTextcat(textcatEval);
            metrics.set("textcat", Metrics.textcat(evaluation));
            tables.put("Text classification (" + evaluation.mode().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + ") on " + textcatEval.size() + " texts:", evaluation.table());
        }
        return metrics;
    }

    private TrainingData trainingData(Request request) {
        List<Long> hashes = new ArrayList<>();
        Map<String, Long> examples = new LinkedHashMap<>(counts);
        Stream.of(request.ner(), request.textcat()).filter(Objects::nonNull)
                .forEach(data -> hashes.addAll(data.examples().inputHashes()));
        if (request.eval() != null) {
            examples.put("eval_ner", (long) request.eval().examples().ner().size());
            examples.put("eval_textcat", (long) request.eval().examples().textcat().size());
        }
        return new TrainingData(request.ner() == null ? List.of() : request.ner().datasets(),
                request.textcat() == null ? List.of() : request.textcat().datasets(), examples,
                new TrainingExamples(List.of(), List.of(), List.of(), hashes, Map.of()).inputHashDigest());
    }

    void warn(String message) {
        err.println("quarry: warning: " + message);
    }

    void status(String format, Object... args) {
        if (verbose) {
            err.println("quarry: " + String.format(Locale.ROOT, format, args));
        }
    }
}
