package dev.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.model.Metrics;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import dev.quarry.streams.TaskReader;
import dev.quarry.training.ConllFormatException;
import dev.quarry.training.ConllReader;
import dev.quarry.training.DatasetExamples;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.SpanAlignment;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TrainingDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry evaluate}: scores a model package on gold data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores a model package on gold data: NER exact-span precision, recall and F1 per label, "
                + "micro and macro, with counts; text classification accuracy (exact match for multi-label), "
                + "per-label P/R/F1 and ROC AUC, micro and macro F1, and a confusion matrix (exclusive labels).",
            "DATA is a dataset name, a JSON Lines file of annotated tasks, or a CoNLL/IOB file (any other file). "
                    + "Text classification gold is read as train reads it: binary answers score their label only."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage, a bad model package or unusable data"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model package: a directory or a zip file.")
    Path model;
    @Parameters(index = "1", paramLabel = "DATA", description = "A dataset, a .jsonl file or a CoNLL file.")
    String data;
    @Option(names = "--only", defaultValue = "both", paramLabel = "patterns|model|both",
            description = "Which parts make the NER's entities (default: ${DEFAULT-VALUE}; both is model alone "
                    + "without patterns).")
    String only;
    @Option(names = "--json", description = "Print the scores as JSON (fractions in [0, 1]).")
    boolean json;
    @Option(names = "--iob", defaultValue = "iob1", paramLabel = "iob1|iob2",
            description = "Tag scheme of a CoNLL file (default: ${DEFAULT-VALUE}; IOB2 files read correctly as IOB1).")
    String iob;
    @Option(names = "--snap-spans",
            description = "Widen spans that do not start or end on token boundaries instead of failing.")
    boolean snapSpans;

    @Override
    public Integer call() throws IOException {
        Sources sources = MatchCommand.parse(Sources.class, only, "--only");
        Pipeline pipeline = PredictCommand.load(model);
        if (pipeline.model().matcher().isEmpty() && sources == Sources.BOTH) {
            sources = Sources.MODEL;
        }
        Gold gold = read(pipeline);
        ObjectNode metrics = new ObjectMapper().createObjectNode();
        PrintWriter out = spec.commandLine().getOut();
        boolean nerRuns = !gold.ner().isEmpty() && (sources == Sources.PATTERNS ? pipeline.model().matcher()
                : pipeline.model().ner()).isPresent();
        boolean textcatRuns = !gold.textcat().isEmpty() && pipeline.model().textcat().isPresent();
        if (!nerRuns && !textcatRuns) {
            throw UserException.invalidInput(data + ": no examples the model can be scored on (" + gold.ner().size()
                    + " NER sentences, " + gold.textcat().size() + " labelled texts; the model has "
                    + String.join(", ", pipeline.model().manifest().components()) + ")");
        }
        warnAboutUnknownLabels(pipeline, gold, nerRuns && sources != Sources.PATTERNS, textcatRuns);
        if (nerRuns) {
            NerEvaluation ner = pipeline.evaluateNer(gold.ner(), sources);
            metrics.set("ner", Metrics.ner(ner));
            print(out, "NER (" + sources.name().toLowerCase(Locale.ROOT) + ") on " + gold.ner().size() + " sentences:",
                    ner.table());
        }
        if (textcatRuns) {
            metrics.set("textcat", scoreTextcat(pipeline, gold.textcat(), out));
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(metrics));
        }
        return ExitCodes.OK;
    }

    /** Warns about gold labels the model does not have (it cannot predict them), with counts. */
    private void warnAboutUnknownLabels(Pipeline pipeline, Gold gold, boolean ner, boolean textcat) {
        PrintWriter err = spec.commandLine().getErr();
        if (ner) {
            EvalOnlyLabels.ner(pipeline.model().manifest().labels().ner(), gold.ner())
                    .ifPresent(w -> err.println("quarry: warning: " + w));
        }
        if (textcat) {
            EvalOnlyLabels.textcat(pipeline.model().manifest().labels().textcat(), gold.textcat())
                    .ifPresent(w -> err.println("quarry: warning: " + w));
        }
    }

    private ObjectNode scoreTextcat(Pipeline pipeline, List<TextcatExample> gold, PrintWriter out) {
        TextcatEvaluation textcat = pipeline.evaluateTextcat(gold);
        print(out, "Text classification (" + textcat.mode().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ") on " + gold.size() + " texts:", textcat.table());
        return Metrics.textcat(textcat);
    }

    private void print(PrintWriter out, String title, String table) {
        if (!json) {
            out.println(title + "\n" + table + "\n");
        }
    }

    private record Gold(List<NerExample> ner, List<TextcatExample> textcat) {
    }

    private Gold read(Pipeline pipeline) throws IOException {
        Path file = Path.of(data);
        try {
            if (Files.isRegularFile(file) && !InputFormat.byName(data).equals(InputFormat.JSONL)) {
                return new Gold(ConllReader.read(file, MatchCommand.parse(IobScheme.class, iob, "--iob")), List.of());
            }
            DatasetExamples reader = new DatasetExamples(pipeline.model().matcher()
                    .map(m -> m.options().tokenizer()).orElse(dev.quarry.text.Tokenizer.forLanguage(
                            pipeline.model().language())), snapSpans ? SpanAlignment.SNAP : SpanAlignment.REJECT);
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     TaskReader tasks = TaskReader.strict(in, data)) {
                    reader.addTasks(data, tasks.stream());
                }
            } else {
                try (Database database = db.open(); Stream<Example> latest = database.latest(data)) {
                    reader.addExamples(data, latest);
                }
            }
            return new Gold(reader.ner().ner(), reader.textcat().textcat());
        } catch (ConllFormatException | TrainingDataException e) {
            throw UserException.invalidInput(e.getMessage());
        }
    }
}
