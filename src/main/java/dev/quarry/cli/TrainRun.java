package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.model.Metrics;
import dev.quarry.model.ModelPackage;
import dev.quarry.model.TrainingData;
import dev.quarry.pipeline.AnalyzedSpan;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import dev.quarry.text.Language;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One {@code quarry train} run: split or take the evaluation data, train the NER and the text classifier, package
 * them with the patterns, evaluate the package through the pipeline, and package the metrics too. Not thread-safe.
 */
final class TrainRun {

    /** Examples read from datasets, and the datasets' names. */
    record Data(List<String> datasets, TrainingExamples examples) {
    }

    /** What to train. Null parts are not trained; {@code evalSplit} null means no split. */
    record Request(Language language, Matcher matcher, Data ner, Data textcat, Data eval, Double evalSplit,
                   NerSettings nerSettings, TextcatSettings textcatSettings, Map<String, WordClusters> clusters) {
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
        Language language = request.language();
        List<NerExample> nerEval = new ArrayList<>();
        List<TextcatExample> textcatEval = new ArrayList<>();
        NerModel ner = request.ner() == null ? null : trainNer(request, nerEval);
        TextcatModel textcat = request.textcat() == null ? null
                : trainTextcat(request, ner, language, textcatEval);
        ModelPackage.Builder builder = ModelPackage.builder(language).matcher(request.matcher()).ner(ner)
                .textcat(textcat).clusters(request.clusters()).training(trainingData(request)).seed(seed);
        ObjectNode metrics = evaluate(Pipeline.of(builder.build()), nerEval, textcatEval);
        return builder.metrics(metrics).build();
    }

    private NerModel trainNer(Request request, List<NerExample> evalOut) {
        TrainingExamples data = request.ner().examples();
        List<NerExample> complete = data.ner();
        if (complete.isEmpty() && data.binaryNer().isEmpty()) {
            throw UserException.invalidInput("no NER examples in " + request.ner().datasets() + " " + data.counts());
        }
        if (request.evalSplit() != null) {
            TrainEvalSplit<NerExample> split = split(() -> TrainEvalSplit.byDocument(complete, request.evalSplit(),
                    seed));
            evalOut.addAll(split.eval());
            counts.put("ner_complete", (long) split.train().size());
            return trainNer(request, split.train(), data);
        }
        if (request.eval() != null) {
            evalOut.addAll(request.eval().examples().ner());
        }
        counts.put("ner_complete", (long) complete.size());
        return trainNer(request, complete, data);
    }

    private NerModel trainNer(Request request, List<NerExample> train, TrainingExamples data) {
        counts.put("ner_binary", (long) data.binaryNer().size());
        status("training the NER on %d sentences and %d binary answers", train.size(), data.binaryNer().size());
        NerSettings settings = request.nerSettings();
        try {
            return new NerTrainer(settings, request.clusters(), settings.patternFeatures() ? request.matcher() : null)
                    .train(train, data.binaryNer());
        } catch (UnsupportedOperationException e) {
            throw UserException.invalidInput(request.ner().datasets() + " hold " + data.binaryNer().size()
                    + " binary answers (accept/reject of suggested spans), but this Quarry cannot train from binary "
                    + "answers yet (" + e.getMessage() + "); train from complete annotations");
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("NER training on " + request.ner().datasets() + ": " + e.getMessage());
        }
    }

    private TextcatModel trainTextcat(Request request, NerModel ner, Language language, List<TextcatExample> evalOut) {
        List<TextcatExample> all = request.textcat().examples().textcat();
        if (all.isEmpty()) {
            throw UserException.invalidInput("no text classification examples in " + request.textcat().datasets()
                    + " " + request.textcat().examples().counts());
        }
        List<TextcatExample> train = all;
        if (request.evalSplit() != null) {
            TrainEvalSplit<TextcatExample> split = split(() -> TrainEvalSplit.of(all, request.evalSplit(), seed,
                    "texts"));
            train = split.train();
            evalOut.addAll(split.eval());
        } else if (request.eval() != null) {
            evalOut.addAll(request.eval().examples().textcat());
        }
        TextcatSettings settings = request.textcatSettings();
        if (settings.entityFeatures()) {
            train = withEntities(train, ModelPackage.builder(language).matcher(request.matcher()).ner(ner).build());
        }
        counts.put("textcat", (long) train.size());
        status("training the text classifier on %d texts", train.size());
        try {
            return new TextcatTrainer(settings, request.clusters()).train(train);
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("text classification training on " + request.textcat().datasets() + ": "
                    + e.getMessage());
        }
    }

    /** The examples with the labels of the entities match-then-predict finds in them. */
    private static List<TextcatExample> withEntities(List<TextcatExample> examples, ModelPackage entities) {
        List<dev.quarry.pipeline.Analysis> analyses = Pipeline.of(entities)
                .analyzeAll(examples.stream().map(TextcatExample::text).toList());
        List<TextcatExample> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            out.add(new TextcatExample(examples.get(i).text(), examples.get(i).label(),
                    analyses.get(i).spans().stream().map(AnalyzedSpan::label).toList()));
        }
        return out;
    }

    private static <T> TrainEvalSplit<T> split(java.util.function.Supplier<TrainEvalSplit<T>> split) {
        try {
            return split.get();
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput("--eval-split: " + e.getMessage());
        }
    }

    private ObjectNode evaluate(Pipeline pipeline, List<NerExample> nerEval, List<TextcatExample> textcatEval) {
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        if (!nerEval.isEmpty() && pipeline.model().ner().isPresent()) {
            warnUnseen("NER", pipeline.model().manifest().labels().ner(),
                    nerEval.stream().flatMap(e -> e.spans().stream()).map(EntitySpan::label));
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
            warnUnseen("text classification", pipeline.model().manifest().labels().textcat(),
                    textcatEval.stream().map(TextcatExample::label));
            TextcatEvaluation evaluation = pipeline.evaluateTextcat(textcatEval);
            metrics.set("textcat", Metrics.textcat(evaluation));
            tables.put("Text classification on " + textcatEval.size() + " texts:", evaluation.table());
        }
        return metrics;
    }

    private void warnUnseen(String what, List<String> trained, Stream<String> evalLabels) {
        Set<String> unseen = new TreeSet<>();
        evalLabels.filter(label -> !trained.contains(label)).forEach(unseen::add);
        if (!unseen.isEmpty()) {
            err.println("quarry: warning: " + what + " labels " + unseen + " are in the evaluation data only; the "
                    + "model cannot predict them");
        }
    }

    private TrainingData trainingData(Request request) {
        List<Long> hashes = new ArrayList<>();
        Map<String, Long> examples = new LinkedHashMap<>(counts);
        Stream.of(request.ner(), request.textcat()).filter(java.util.Objects::nonNull)
                .forEach(data -> hashes.addAll(data.examples().inputHashes()));
        if (request.eval() != null) {
            examples.put("eval_ner", (long) request.eval().examples().ner().size());
            examples.put("eval_textcat", (long) request.eval().examples().textcat().size());
        }
        return new TrainingData(request.ner() == null ? List.of() : request.ner().datasets(),
                request.textcat() == null ? List.of() : request.textcat().datasets(), examples,
                new TrainingExamples(List.of(), List.of(), List.of(), hashes, Map.of()).inputHashDigest());
    }

    private void status(String format, Object... args) {
        if (verbose) {
            err.println("quarry: " + String.format(Locale.ROOT, format, args));
        }
    }
}
