package dev.quarry.cli;

import dev.quarry.datasets.Database;
import dev.quarry.matching.MatchOptions;
import dev.quarry.model.ModelException;
import dev.quarry.patterns.PatternException;
import dev.quarry.service.AnnotateOptions;
import dev.quarry.service.Service;
import dev.quarry.service.ServiceOptions;
import dev.quarry.streams.SourceFormat;
import dev.quarry.streams.SourceOptions;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry annotate}: the annotation web app over a corpus, saving each answer to a dataset. */
@Command(name = "annotate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serves the annotation app in the browser until stopped (Ctrl-C): tasks come lazily from the corpus, "
                    + "pattern hits first, each answer is saved to the dataset at once, and a task answered in the "
                    + "dataset is never asked again (also after a restart). Several people can annotate at once, "
                    + "each with a named session: /annotate/?session=NAME.",
            "ner: manual (correct the suggested spans; default) or binary (accept/reject each suggested span); "
                    + "textcat: choice (pick the labels; default) or binary (accept/reject each label)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:failure (I/O, address in use)", "2:bad usage or invalid input"})
final class AnnotateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "ner|textcat", description = "What to annotate: entities or categories.")
    String kind;
    @Option(names = "--dataset", required = true, paramLabel = "DS", description = "Dataset the answers go to "
            + "(created if missing).")
    String dataset;
    @Option(names = "--source", required = true, paramLabel = "CORPUS",
            description = "File or directory of texts (JSONL, text, CSV/TSV), read lazily.")
    Path source;
    @Option(names = {"-p", "--patterns"}, paramLabel = "FILE|DIR",
            description = "Pattern files whose matches are suggested (reloaded when they change).")
    Path patterns;
    @Option(names = {"-m", "--model"}, paramLabel = "DIR|FILE.zip",
            description = "A model package (directory or zip) whose predictions are suggested too (and retrained from, with "
                    + "--retrain-every); its language replaces --lang.")
    Path model;
    @Option(names = "--retrain-every", defaultValue = "0", paramLabel = "N",
            description = "Train the model again from the dataset in the background after every N new answers, "
                    + "then suggest and rank the tasks not shown yet with it (default: ${DEFAULT-VALUE}, never).")
    int retrainEvery;
    @Option(names = {"-l", "--label"}, split = ",", paramLabel = "LABEL",
            description = "Labels, in the order of the keys 1-9; may be repeated. ner: default the patterns' labels.")
    List<String> labels = List.of();
    @Option(names = "--mode", paramLabel = "manual|binary|choice",
            description = "Default: manual for ner, choice for textcat.")
    String mode;
    @Option(names = "--exclusive", description = "choice: exactly one label per text.")
    boolean exclusive;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
    String host;
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|text|csv|tsv",
            description = "Corpus format (default: by extension).")
    String format;
    @Option(names = "--text-column", defaultValue = "text", paramLabel = "NAME",
            description = "CSV/TSV column holding the text (default: ${DEFAULT-VALUE}).")
    String textColumn;
    @Option(names = "--paragraphs", description = "Split each document into paragraphs at blank lines.")
    boolean paragraphs;
    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es|de",
            description = "Language of the texts, for tokens and patterns (default: ${DEFAULT-VALUE}).")
    String language;
    @Option(names = "--window", defaultValue = "" + AnnotateOptions.DEFAULT_WINDOW, paramLabel = "W",
            description = "Tasks looked ahead to put pattern hits first (default: ${DEFAULT-VALUE}).")
    int window;
    @Option(names = "--reserve-s", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long a task shown to one session is kept from the others (default: "
                    + "${DEFAULT-VALUE}).")
    long reserveSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        AnnotateOptions annotate = annotateOptions();
        ServiceOptions options = serviceOptions();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = db.open(); Service service = start(options, annotate, database, err)) {
            err.println("quarry: annotating " + annotate.source() + " into dataset \"" + dataset + "\" ("
                    + annotate.kind().json() + ", " + annotate.mode().json() + ", database " + database.location()
                    + ")");
            if (model != null || retrainEvery > 0) {
                err.println("quarry: model " + (model == null ? "none yet" : model + " (version "
                        + service.modelVersion() + ")") + (retrainEvery > 0 ? ", retrained every " + retrainEvery
                        + " answers" : ""));
            }
            err.println("quarry: open " + service.uri() + "annotate/?session=YOUR_NAME  (Ctrl-C stops)");
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "quarry-annotate-shutdown"));
            service.awaitClose();
        }
        return ExitCodes.OK;
    }

    private AnnotateOptions annotateOptions() {
        AnnotateOptions.Kind what = MatchCommand.parse(AnnotateOptions.Kind.class, kind, "KIND");
        check(Files.exists(source), "--source: " + source + ": no such file or directory");
        check(patterns == null || Files.exists(patterns), "--patterns: " + patterns + ": no such file or directory");
        check(window >= 1, "--window must be at least 1, got " + window);
        check(retrainEvery >= 0, "--retrain-every must be >= 0 (0: never), got " + retrainEvery);
        check(model == null || Files.isDirectory(model), "--model: " + model + ": no such directory");
        check(model == null || !spec.commandLine().getParseResult().hasMatchedOption("--lang"),
                "--lang cannot be given with --model: the model package's language is used");
        check(reserveSeconds >= 1, "--reserve-s must be at least 1, got " + reserveSeconds);
        SourceOptions read = SourceOptions.defaults()
                .withFormat(MatchCommand.parse(SourceFormat.class, format, "--format"))
                .withTextColumn(textColumn).withParagraphs(paragraphs);
        try {
            AnnotateOptions options = AnnotateOptions.of(dataset, source, what, labels).withSourceOptions(read)
                    .withExclusive(exclusive).withWindow(window).withReservation(Duration.ofSeconds(reserveSeconds))
                    .withRetrainEvery(retrainEvery);
            return mode == null ? options
                    : options.withMode(MatchCommand.parse(AnnotateOptions.Mode.class, mode, "--mode"));
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private ServiceOptions serviceOptions() {
        check(port >= 0 && port <= 65_535, "--port must be in 0..65535, got " + port);
        MatchOptions match = MatchOptions.defaults()
                .withTokenizer(Tokenizer.forLanguage(MatchCommand.language(language)));
        return ServiceOptions.defaults(patterns).withHost(host).withPort(port).withMatchOptions(match)
                .withModel(model);
    }

    private static Service start(ServiceOptions options, AnnotateOptions annotate, Database database,
                                 PrintWriter err) throws IOException {
        try {
            return Service.annotate(options, annotate, database, Clock.systemUTC(), err);
        } catch (PatternException e) {
            throw UserException.invalidInput("invalid patterns, not serving:\n" + e.getMessage());
        } catch (ModelException e) {
            throw UserException.invalidInput("invalid model, not serving: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput(e.getMessage());
        } catch (java.net.BindException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot listen on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage() + " (choose another --port or --host)");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UserException(ExitCodes.USAGE, message);
        }
    }
}
