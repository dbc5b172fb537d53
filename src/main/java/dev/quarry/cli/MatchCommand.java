package dev.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Explanation;
import dev.quarry.matching.Match;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternException;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.PatternSet;
import dev.quarry.streams.MatchSpans;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Offsets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarry match}: pattern matches over a stream of texts, as JSON Lines with Prodigy-style spans. */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs pattern files over texts and writes each text as a JSON line with the matches as \"spans\".",
            "Inputs are JSON Lines with a \"text\" field (other fields are passed through) or plain text, one text "
                    + "per line; - reads standard input. Span offsets count Unicode code points (as Python, "
                    + "spaCy and Prodigy do); token_end is inclusive, as in Prodigy."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage, invalid patterns or a bad input line"})
final class MatchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = {"-p", "--patterns"}, required = true, paramLabel = "FILE|DIR",
            description = "A pattern file (JSONL) or a directory of *.jsonl files; may be repeated.")
    List<Path> patterns;

    @Mixin
    MatcherOptions matching;

    @Option(names = "--tokens", description = "Add Prodigy's \"tokens\" list to each output line.")
    boolean tokens;

    @Option(names = "--explain",
            description = "Print, on standard error, the pattern (file:line) and token alignment of each match.")
    boolean explain;

    @Mixin
    TextIoOptions io;

    @Option(names = "--dataset", paramLabel = "DATASET",
            description = {"Store each text with its matches in this dataset (created if needed) as a silver "
                    + "annotation (\"_silver\": true, answer accept, with \"tokens\") instead of printing it; a "
                    + "non-silver example of the same text overrides it in training. Stored in transactions of "
                    + "--batch-size texts; standard output gets a summary (and the JSON lines go to --output if "
                    + "given)."})
    String dataset;

    @Mixin
    DbOption db;

    @Option(names = "--session", paramLabel = "NAME", description = "Session name for --dataset (default: the time).")
    String session;

    @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N",
            description = "Texts per transaction with --dataset (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Input files; - for standard input.")
    List<String> inputs;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        if (dataset == null && session != null) {
            throw new UserException(ExitCodes.USAGE, "--session needs --dataset");
        }
        if (batchSize < 1) {
            throw new UserException(ExitCodes.USAGE, "--batch-size must be >= 1, got " + batchSize);
        }
        Matcher matcher = compile();
        if (dataset != null) {
            return new SilverMatches(this, matcher).store();
        }
        PrintWriter err = spec.commandLine().getErr();
        InputRecords reader = io.records(json);
        try (Writer out = io.openOutput(); Progress progress = new Progress(err, "texts")) {
            for (String input : inputs) {
                reader.read(input, main.in, record -> {
                    out.write(json.writeValueAsString(annotate(matcher, record)) + "\n");
                    progress.add(1, record.text().length());
                });
            }
        }
        io.finish();
        return ExitCodes.OK;
    }

    private Matcher compile() throws IOException {
        return compile(patterns, matching.toMatchOptions());
    }

    /** The patterns of every file or directory, compiled into one matcher; bad patterns are a usage error. */
    static Matcher compile(List<Path> patterns, MatchOptions options) throws IOException {
        List<dev.quarry.patterns.Pattern> all = new ArrayList<>();
        for (Path path : patterns) {
            all.addAll(load(path).patterns());
        }
        return Matcher.compile(all, options);
    }

    static PatternSet load(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw UserException.invalidInput(path + ": no such file or directory");
        }
        try {
            return PatternFiles.load(path);
        } catch (PatternException e) {
            throw UserException.invalidInput("invalid patterns, nothing was matched:\n" + e.getMessage());
        }
    }

    ObjectNode annotate(Matcher matcher, InputRecords.Input record) {
        String text = record.text();
        Doc doc = matcher.options().tokenizer().tokenize(text);
        List<Match> matches = matcher.match(doc);
        Offsets offsets = Offsets.of(text);
        ObjectNode task = record.task();
        MatchSpans.put(task, matches, offsets);
        if (explain) {
            for (Match match : matches) {
                printExplanation(record, matcher.explain(doc, match));
            }
        }
        if (tokens || dataset != null) {
            addTokens(task, doc, offsets);
        }
        return task;
    }

    private static void addTokens(ObjectNode task, Doc doc, Offsets offsets) {
        ArrayNode list = task.putArray("tokens");
        for (int i = 0; i < doc.size(); i++) {
            ObjectNode token = list.addObject();
            token.put("text", doc.tokenText(i));
            token.put("start", offsets.toCodePoint(doc.start(i)));
            token.put("end", offsets.toCodePoint(doc.end(i)));
            token.put("id", i);
            token.put("ws", doc.spaceAfter(i));
        }
    }

    private void printExplanation(InputRecords.Input record, Explanation explanation) {
        PrintWriter err = spec.commandLine().getErr();
        Match match = explanation.match();
        err.printf(Locale.ROOT, "%s:%d: %s \"%s\" <- %s%s%n", record.file(), record.line(), match.label(),
                record.text().substring(match.start(), match.end()), match.source(),
                match.patternId() == null ? "" : " (id " + match.patternId() + ")");
        for (Explanation.Step step : explanation.steps()) {
            err.printf(Locale.ROOT, "    token %d %-20s <- %s%n", step.token(), "\"" + step.tokenText() + "\"",
                    step.elementDescription());
        }
    }

    static Language language(String language) {
        try {
            return Language.of(language);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, "--lang: " + e.getMessage());
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new UserException(ExitCodes.USAGE,
                option + " must be one of " + String.join(", ", names) + ", got \"" + value + "\"");
    }
}
