package dev.quarry.cli;

import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.streams.FilteredSource;
import dev.quarry.streams.FindWithTerms;
import dev.quarry.streams.HashKind;
import dev.quarry.streams.Reorder;
import dev.quarry.streams.Scorers;
import dev.quarry.streams.SourceFormat;
import dev.quarry.streams.SourceOptions;
import dev.quarry.streams.Sources;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskFilters;
import dev.quarry.streams.TaskHashes;
import dev.quarry.streams.TaskSource;
import dev.quarry.streams.TaskStages;
import dev.quarry.streams.TaskWriter;
import dev.quarry.streams.WindowedOrder;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarry stream}: a source of tasks, filtered and reordered, as JSON Lines. */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Reads tasks (JSONL, text, CSV/TSV or a directory of them; - is standard input) lazily and writes them "
                    + "as JSON Lines, with pattern matches as Prodigy-style \"spans\" (offsets in code points), "
                    + "hashes, duplicates and excluded tasks left out, in the chosen order.",
            "Orders look ahead a bounded window and never drop a task: matches = tasks with more pattern hits "
                    + "(spans; without --patterns, the spans the tasks already have) first; uncertain = scores "
                    + "closest to --target first; high = highest score first; find-terms = only tasks with hits, "
                    + "Prodigy's find_with_terms; as-is = source order. "
                    + "A task waits at most --max-wait emissions. uncertain and high need a score already in "
                    + "the tasks (--score-field) until models exist."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage or invalid input"})
final class StreamCommand implements Callable<Integer> {

    enum Order { MATCHES, UNCERTAIN, HIGH, FIND_TERMS, AS_IS }

    enum Dedup { INPUT, TASK, NONE }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @ParentCommand
    Main main;
    @Mixin
    DbOption db;

    @Parameters(arity = "0..1", paramLabel = "SOURCE",
            description = "File or directory to read; - for standard input. Leave out with --index.")
    String source;
    @Option(names = "--index", paramLabel = "IDX",
            description = "Stream a corpus index (quarry index) instead: paragraphs matching the patterns' phrases "
                    + "first, best first, then all others, each once.")
    Path index;
    @Option(names = {"-p", "--patterns"}, paramLabel = "FILE|DIR", description = "Pattern files; may be repeated.")
    List<Path> patterns = List.of();
    @Option(names = "--order", paramLabel = "matches|uncertain|high|find-terms|as-is",
            description = "Default: matches with --patterns, else as-is.")
    String order;
    @Option(names = "--window", defaultValue = "1000", paramLabel = "W",
            description = "Look-ahead window in tasks (default: ${DEFAULT-VALUE}); memory grows with it.")
    int window;
    @Option(names = "--max-wait", paramLabel = "N", description = "Emissions a task may wait (default: 10 x W).")
    Long maxWait;
    @Option(names = "--score-field", paramLabel = "PATH", description = "Number in each task to order by, e.g. "
            + "meta.score (for uncertain, high and --drop-below).")
    String scoreField;
    @Option(names = "--target", defaultValue = "0.5", paramLabel = "X",
            description = "The most uncertain score (default: ${DEFAULT-VALUE}).")
    double target;
    @Option(names = "--drop-below", paramLabel = "X",
            description = "Leave out tasks scored below X (nothing is left out unless asked).")
    Double dropBelow;
    @Option(names = "--at-least", defaultValue = "10", paramLabel = "A",
            description = "find-terms: finds to make before giving up is allowed (default: ${DEFAULT-VALUE}).")
    long atLeast;
    @Option(names = "--at-most", defaultValue = "1000", paramLabel = "B",
            description = "find-terms: stop the search after B finds (default: ${DEFAULT-VALUE}).")
    long atMost;
    @Option(names = "--give-up-after", defaultValue = "1000", paramLabel = "G",
            description = "find-terms: give up after G misses in a row (default: ${DEFAULT-VALUE}).")
    long giveUpAfter;
    @Option(names = "--then", defaultValue = "stop", paramLabel = "stop|rest",
            description = "find-terms: after the search, stop (Prodigy) or stream the rest as is "
                    + "(default: ${DEFAULT-VALUE}).")
    String then;
    @Option(names = "--exclude", split = ",", paramLabel = "DATASET",
            description = "Leave out tasks already in these datasets; may be repeated.")
    List<String> exclude = List.of();
    @Option(names = "--exclude-by", defaultValue = "task", paramLabel = "input|task",
            description = "Hash compared for --exclude (default: ${DEFAULT-VALUE}).")
    String excludeBy;
    @Option(names = "--dedup", defaultValue = "task", paramLabel = "input|task|none",
            description = "Leave out repeats within the stream (default: ${DEFAULT-VALUE}; exact, up to 32 bytes a "
                    + "task).")
    String dedup;
    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|text|csv|tsv",
            description = "Source format (default: by extension; standard input: JSONL if it starts with {).")
    String format;
    @Option(names = "--text-column", defaultValue = "text", paramLabel = "NAME",
            description = "CSV/TSV column holding the text (default: ${DEFAULT-VALUE}).")
    String textColumn;
    @Option(names = "--paragraphs", description = "Split each document (a text file: the whole file) into "
            + "paragraphs at blank lines; meta gets doc_id, paragraph and offset (code points).")
    boolean paragraphs;
    @Option(names = "--ext", split = ",", paramLabel = "EXT",
            description = "File extensions read from a directory (default: jsonl,ndjson,json,txt,csv,tsv).")
    List<String> extensions = SourceOptions.DEFAULT_EXTENSIONS;
    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es|de",
            description = "Language of the texts, for the patterns (default: ${DEFAULT-VALUE}).")
    String language;
    @Option(names = "--skip-bad", description = "Skip records that cannot be read, with a warning each.")
    boolean skipBad;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    private final List<Runnable> reports = new ArrayList<>();
    private long skipped;

    @Override
    public Integer call() throws IOException {
        Order chosen = chooseOrder();
        Matcher matcher = patterns.isEmpty() ? null : MatchCommand.compile(patterns,
                MatchOptions.defaults().withTokenizer(Tokenizer.forLanguage(MatchCommand.language(language))));
        PrintWriter err = spec.commandLine().getErr();
        try (TaskSource tasks = pipeline(open(matcher), matcher, chosen);
             TaskWriter out = new TaskWriter(openOutput());
             Progress progress = new Progress(err, "tasks")) {
            while (tasks.hasNext()) {
                Task task = tasks.next();
                out.write(task);
                progress.add(1, task.text().length());
            }
        } catch (IllegalArgumentException e) {
            throw UserException.invalidInput(e.getMessage());
        }
        if (output == null && spec.commandLine().getOut().checkError()) {
            throw new UserException(ExitCodes.FAILURE, "could not write all output to standard output");
        }
        if (skipped > 0) {
            err.println("quarry: skipped " + skipped + " bad input record" + (skipped == 1 ? "" : "s"));
        }
        reports.forEach(Runnable::run);
        return ExitCodes.OK;
    }

    private Order chooseOrder() {
        Order chosen = order == null ? (patterns.isEmpty() ? Order.AS_IS : Order.MATCHES)
                : MatchCommand.parse(Order.class, order.replace('-', '_'), "--order");
        if ((chosen == Order.UNCERTAIN || chosen == Order.HIGH || dropBelow != null) && scoreField == null) {
            throw new UserException(ExitCodes.USAGE, "--order uncertain, --order high and --drop-below need a "
                    + "scorer: --score-field PATH (a number in each task, e.g. meta.score)");
        }
        if (chosen == Order.FIND_TERMS && patterns.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "--order find-terms needs --patterns");
        }
        if ((source == null) == (index == null)) {
            throw new UserException(ExitCodes.USAGE, "give either a SOURCE or --index IDX, not "
                    + (source == null ? "neither" : "both"));
        }
        if (window < 1) {
            throw new UserException(ExitCodes.USAGE, "--window must be at least 1, got " + window);
        }
        return chosen;
    }

    private TaskSource open(Matcher matcher) throws IOException {
        if (index != null) {
            return IndexCommand.openIndexStream(index, matcher);
        }
        SourceOptions options = SourceOptions.defaults()
                .withFormat(MatchCommand.parse(SourceFormat.class, format, "--format"))
                .withTextColumn(textColumn).withParagraphs(paragraphs).withExtensions(extensions)
                .withOnBadRecord(skipBad ? e -> {
                    skipped++;
                    spec.commandLine().getErr().println("quarry: warning: skipped " + e.getMessage());
                } : null);
        try {
            return Sources.open(source, main.in, options);
        } catch (NoSuchFileException e) {
            throw UserException.invalidInput(source + ": no such file or directory");
        }
    }

    private TaskSource pipeline(TaskSource tasks, Matcher matcher, Order chosen) {
        TaskSource stage = matcher == null ? tasks : TaskStages.annotate(tasks, matcher);
        stage = TaskStages.hashed(stage, TaskHashes.DEFAULT);
        if (!exclude.isEmpty()) {
            stage = counted(TaskFilters.exclude(stage, hashKind(excludeBy, "--exclude-by"), TaskHashes.DEFAULT,
                    excludedHashes()::contains), "already in " + String.join(", ", exclude));
        }
        Dedup dedupBy = MatchCommand.parse(Dedup.class, dedup, "--dedup");
        if (dedupBy != Dedup.NONE) {
            stage = counted(TaskFilters.dedup(stage, HashKind.valueOf(dedupBy.name()), TaskHashes.DEFAULT),
                    "repeated in the stream");
        }
        ToDoubleFunction<Task> scorer = scoreField == null ? null : scorer();
        if (dropBelow != null) {
            stage = counted(TaskFilters.dropBelow(stage, scorer, dropBelow), "scored below " + dropBelow);
        }
        return order(stage, chosen, scorer);
    }

    private TaskSource order(TaskSource stage, Order chosen, ToDoubleFunction<Task> scorer) {
        long wait = maxWait != null ? maxWait : Reorder.defaultMaxWait(window);
        return switch (chosen) {
            case AS_IS -> stage;
            case MATCHES -> aged(Reorder.preferMatches(stage, window, wait));
            case HIGH -> aged(Reorder.highScoreFirst(stage, scorer, window, wait));
            case UNCERTAIN -> aged(Reorder.uncertainFirst(stage, scorer, target, window, wait));
            case FIND_TERMS -> findTerms(stage);
        };
    }

    private TaskSource findTerms(TaskSource stage) {
        FindWithTerms find = new FindWithTerms(stage, task -> task.spans().size(), atLeast, atMost, giveUpAfter,
                MatchCommand.parse(FindWithTerms.Then.class, then, "--then"));
        reports.add(() -> spec.commandLine().getErr().printf(Locale.ROOT,
                "quarry: find-terms: %d found, %d left out without hits, search ended: %s%n", find.found(),
                find.missed(), find.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return find;
    }

    private TaskSource aged(WindowedOrder windowed) {
        reports.add(() -> {
            if (windowed.emittedForAge() > 0) {
                spec.commandLine().getErr().printf(Locale.ROOT,
                        "quarry: %d tasks left the window for having waited --max-wait emissions%n",
                        windowed.emittedForAge());
            }
        });
        return windowed;
    }

    private TaskSource counted(FilteredSource filter, String why) {
        reports.add(() -> {
            if (filter.dropped() > 0) {
                spec.commandLine().getErr().printf(Locale.ROOT, "quarry: left out %d tasks %s%n", filter.dropped(),
                        why);
            }
        });
        return filter;
    }

    private ToDoubleFunction<Task> scorer() {
        try {
            return Scorers.field(scoreField);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, "--score-field: " + e.getMessage());
        }
    }

    private static HashKind hashKind(String value, String option) {
        return MatchCommand.parse(HashKind.class, value, option);
    }

    /** The hashes of every example in the excluded datasets, read once (up to 32 bytes each). */
    private LongHashSet excludedHashes() {
        HashKind kind = hashKind(excludeBy, "--exclude-by");
        LongHashSet hashes = new LongHashSet();
        try (Database database = db.open()) {
            for (String dataset : exclude) {
                try (Stream<Example> examples = database.examples(dataset)) {
                    examples.forEach(e -> hashes.add(kind == HashKind.INPUT ? e.inputHash() : e.taskHash()));
                }
            }
        }
        return hashes;
    }

    private Writer openOutput() throws IOException {
        if (output == null) {
            return new DatasetCommands.NonClosingWriter(spec.commandLine().getOut());
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }
}
