package dev.quarry.cli;

import dev.quarry.model.ModelPackage;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.LearningCurve;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The learning curves of {@code quarry train-curve}: per requested component, {@link LearningCurve} over its training
 * examples (NER: complete sentences and binary answers together), each point a model trained as {@code quarry
 * train} trains it (with {@code --ner-vote N}, all N members of the vote at each point) and scored through the
 * pipeline on the same evaluation examples. A text classifier with entity features sees the entities of the
 * patterns and of an NER (or NER vote) trained once on all the NER training data. Not thread-safe.
 */
final class TrainCurve {

    /** One component's curve, its title and the metrics its chart shows. */
    record Curve(String title, LearningCurve.Result result, List<String> charted) {
    }

    /** An NER training example: a complete sentence or a binary answer. */
    private record NerItem(NerExample complete, BinaryNerExample binary) {
    }

    private final TrainRun run;
    private final TrainRun.Request request;
    private final List<Double> fractions;
    private final long seed;

    TrainCurve(TrainRun run, TrainRun.Request request, List<Double> fractions, long seed) {
        this.run = run;
        this.request = request;
        this.fractions = List.copyOf(fractions);
        this.seed = seed;
    }

    /** The curves by component ({@code ner}, {@code textcat}), in that order. */
    Map<String, Curve> run() {
        TrainRun.Examples examples = run.examples(request);
        TextcatSettings textcatSettings = request.textcat() == null ? null : run.textcatSettings(request, examples);
        Map<String, Curve> curves = new LinkedHashMap<>();
        if (request.ner() != null) {
            curves.put("ner", nerCurve(examples));
        }
        if (textcatSettings != null) {
            curves.put("textcat", textcatCurve(examples, textcatSettings));
        }
        return curves;
    }

    private Curve nerCurve(TrainRun.Examples examples) {
        List<NerItem> items = Stream.concat(examples.nerTrain().stream().map(e -> new NerItem(e, null)),
                examples.binary().stream().map(e -> new NerItem(null, e))).toList();
        List<NerItem> eval = examples.nerEval().stream().map(e -> new NerItem(e, null)).toList();
        LearningCurve.Result result = LearningCurve.run(items, eval, (subset, gold) -> {
            List<NerModel> ner = run.trainNerMembers(request, subset.stream().map(NerItem::complete)
                    .filter(Objects::nonNull).toList(), subset.stream().map(NerItem::binary).filter(Objects::nonNull)
                    .toList());
            NerEvaluation evaluation = pipeline(ner, null).evaluateNer(gold.stream().map(NerItem::complete)
                    .toList(), Sources.MODEL);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("ner_f1", evaluation.micro().f1());
            metrics.put("ner_precision", evaluation.micro().precision());
            metrics.put("ner_recall", evaluation.micro().recall());
            return metrics;
        }, fractions, seed);
        String vote = request.nerVote() == 1 ? "NER" : "NER vote of " + request.nerVote();
        return new Curve(vote + " on " + eval.size() + " evaluation sentences", result, List.of("ner_f1"));
    }

    private Curve textcatCurve(TrainRun.Examples examples, TextcatSettings settings) {
        List<NerModel> ner = settings.entityFeatures() && request.ner() != null
                ? run.trainNerMembers(request, examples.nerTrain(), examples.binary()) : List.of();
        LearningCurve.Result result = LearningCurve.run(examples.textcatTrain(), examples.textcatEval(),
                (subset, gold) -> {
            TextcatModel textcat = run.trainTextcat(request, settings, ner, subset);
            TextcatEvaluation evaluation = pipeline(ner, textcat).evaluateTextcat(gold);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("textcat_accuracy", evaluation.accuracy());
            metrics.put("textcat_micro_f1", evaluation.microF1());
            metrics.put("textcat_macro_f1", evaluation.macroF1());
            if (!Double.isNaN(evaluation.macroAuc())) {
                metrics.put("textcat_macro_auc", evaluation.macroAuc());
            }
            return metrics;
        }, fractions, seed);
        boolean exclusive = settings.mode() == TextcatMode.EXCLUSIVE;
        return new Curve("Text classification (" + (exclusive ? "exclusive" : "multi-label") + ") on "
                + examples.textcatEval().size() + " evaluation texts", result,
                List.of(exclusive ? "textcat_accuracy" : "textcat_micro_f1", "textcat_macro_f1"));
    }

    private Pipeline pipeline(List<NerModel> ner, TextcatModel textcat) {
        return Pipeline.of(ModelPackage.builder(request.language()).matcher(request.matcher()).nerVote(ner)
                .textcat(textcat).clusters(request.clusters()).build());
    }
}
