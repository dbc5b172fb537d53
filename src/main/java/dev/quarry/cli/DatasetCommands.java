package dev.quarry.cli;

import dev.quarry.datasets.Database;
import dev.quarry.datasets.DatasetInfo;
import dev.quarry.datasets.DatasetStats;
import dev.quarry.datasets.Example;
import dev.quarry.datasets.ImportResult;
import dev.quarry.datasets.Session;
import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import dev.quarry.streams.TaskReader;
import dev.quarry.streams.TaskWriter;
import dev.quarry.training.ConllFormatException;
import dev.quarry.training.ConllReader;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerTasks;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The dataset commands: {@code db-in}, {@code db-out}, {@code stats}, {@code drop}, {@code db-merge}. */
final class DatasetCommands {

    private DatasetCommands() {
    }

    static Reader open(String file, Main main) throws IOException {
        if (file.equals("-")) {
            return new InputStreamReader(main.in, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserException.invalidInput(file + ": no such file");
        }
    }

    /** {@code quarry db-in}. */
    @Command(name = "db-in", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Imports annotations (Prodigy-style JSON Lines) into a dataset, creating it if needed.",
                "Each batch is one transaction: an interrupted import keeps every batch it reported and no half "
                        + "batch. Tasks without hashes get Quarry's (see TaskHashes)."})
    static final class DbIn implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @ParentCommand
        Main main;
        @Mixin
        DbOption db;

        @Parameters(index = "0", paramLabel = "DATASET")
        String dataset;
        @Parameters(index = "1", paramLabel = "FILE", description = "JSONL file; - for standard input.")
        String file;
        @Option(names = "--answer", defaultValue = "accept", paramLabel = "accept|reject|ignore",
                description = "Answer for tasks that have none (default: ${DEFAULT-VALUE}).")
        String answer;
        @Option(names = "--session", paramLabel = "NAME", description = "Session name (default: the time).")
        String session;
        /** CoNLL sentences: the text and the meta (document, sentence number) make the input. */
        private static final TaskHashes CONLL_HASHES = new TaskHashes(List.of("text", "meta"),
                TaskHashes.DEFAULT.taskKeys());

        @Option(names = "--rehash", description = "Replace the tasks' hashes with Quarry's (for Prodigy exports; "
                + "with --format conll, repeated sentences then become one question).")
        boolean rehash;
        @Option(names = "--skip-bad", description = "Skip lines that are not valid tasks, with a warning each.")
        boolean skipBad;
        @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N")
        int batchSize;
        @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|conll",
                description = {"jsonl: Prodigy-style tasks; conll: CoNLL/IOB columns (token first, entity tag "
                        + "last, blank line between sentences, -DOCSTART- between documents), each sentence one "
                        + "accepted task with complete \"spans\" and \"tokens\", its document and sentence number "
                        + "in \"meta\" and part of its input hash, so repeated sentences stay separate examples "
                        + "(default: ${DEFAULT-VALUE})."})
        String format;
        @Option(names = "--iob", defaultValue = "iob1", paramLabel = "iob1|iob2",
                description = "Tag scheme of --format conll; iob1 (CoNLL-2003) also reads IOB2 files, iob2 rejects "
                        + "an I- tag that does not continue an entity (default: ${DEFAULT-VALUE}).")
        String iob;

        @Override
        public Integer call() throws IOException {
            Answer fallback = parseAnswer(answer);
            boolean conll = MatchCommand.parse(Format.class, format, "--format") == Format.CONLL;
            IobScheme scheme = MatchCommand.parse(IobScheme.class, iob, "--iob");
            PrintWriter err = spec.commandLine().getErr();
            try (Database database = db.open(); Reader in = open(file, main);
                 TaskReader reader = conll ? null : skipBad
                         ? TaskReader.skippingBad(in, name(file), e -> err.println("quarry: warning: skipped " + e.getMessage()))
                         : TaskReader.strict(in, name(file));
                 Progress progress = new Progress(err, "examples saved")) {
                Iterator<Task> tasks = conll ? conllTasks(in, scheme) : reader;
                database.createDataset(dataset);
                Session started = database.startSession(dataset, session);
                long[] saved = new long[2];
                try {
                    ImportResult result = database.add(started, prepare(tasks, fallback), batchSize, batch -> {
                        saved[0] = batch.total();
                        saved[1] = batch.number();
                        progress.add(batch.size(), 0);
                    });
                    spec.commandLine().getOut().printf(Locale.ROOT,
                            "imported %,d examples into \"%s\" (session %s, %d batch%s)%s%n", result.examples(),
                            dataset, started.name(), result.batches(), result.batches() == 1 ? "" : "es",
                            reader != null && reader.skipped() > 0 ? ", skipped " + reader.skipped() + " bad lines"
                                    : "");
                } catch (RuntimeException e) {
                    throw UserException.invalidInput(Main.describe(e) + "\n" + String.format(Locale.ROOT,
                            "%,d examples in %d batches were saved before the error", saved[0], saved[1]));
                }
            }
            return ExitCodes.OK;
        }

        private enum Format { JSONL, CONLL }

        /**
         * The sentences of a CoNLL file as accepted tasks ({@link NerTasks}), {@code meta} holding the document and
         * the sentence's number in it (from 0), and hashed with {@code meta} as part of the input: a sentence that
         * recurs (14041 sentences of CoNLL-2003's eng.train are only 12693 distinct ones) stays an example of its
         * own instead of being one question answered twice. The file is read whole.
         */
        private Iterator<Task> conllTasks(Reader in, IobScheme scheme) throws IOException {
            try {
                Map<String, Integer> sentences = new HashMap<>();
                return ConllReader.read(in, name(file), scheme).stream().map(example -> {
                    int number = sentences.merge(example.documentId(), 1, Integer::sum) - 1;
                    Task task = NerTasks.toTask(example);
                    return CONLL_HASHES.rehash(task.with("meta", task.meta().deepCopy().put("sentence", number)));
                }).iterator();
            } catch (ConllFormatException e) {
                throw UserException.invalidInput(e.getMessage() + "\nnothing was imported");
            }
        }

        private Iterator<Task> prepare(Iterator<Task> tasks, Answer fallback) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return tasks.hasNext();
                }

                @Override
                public Task next() {
                    Task task = tasks.next();
                    Task answered = task.answer().isPresent() ? task : task.withAnswer(fallback);
                    return rehash ? TaskHashes.DEFAULT.rehash(answered) : answered;
                }
            };
        }
    }

    /** {@code quarry db-out}. */
    @Command(name = "db-out", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Exports a dataset as JSON Lines, exactly as the examples were stored.")
    static final class DbOut implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        DbOption db;

        @Parameters(index = "0", paramLabel = "DATASET")
        String dataset;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Default: standard output.")
        Path file;
        @Option(names = "--latest", description = "Only the newest answer to each question (what training sees).")
        boolean latest;
        @Option(names = "--answer", paramLabel = "accept|reject|ignore", description = "Only examples with this answer.")
        String answer;

        @Override
        public Integer call() throws IOException {
            Answer only = answer == null ? null : parseAnswer(answer);
            try (Database database = db.open();
                 Stream<Example> examples = latest ? database.latest(dataset) : database.examples(dataset)) {
                Stream<Example> selected = only == null ? examples : examples.filter(e -> e.answer() == only);
                if (file == null) {
                    write(selected, new NonClosingWriter(spec.commandLine().getOut()));
                } else {
                    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".db-out", ".tmp");
                    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                        write(selected, out);
                    } catch (IOException | RuntimeException e) {
                        Files.deleteIfExists(temp);
                        throw e;
                    }
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return ExitCodes.OK;
        }

        private static void write(Stream<Example> examples, Writer out) {
            try (TaskWriter writer = new TaskWriter(out)) {
                examples.forEach(e -> writer.write(e.task()));
            }
        }
    }

    /** {@code quarry stats}. */
    @Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Without DATASET: the datasets and their sizes. With DATASET: counts by answer, label and "
                    + "session, and with --source what is left of a stream to annotate."})
    static final class Stats implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @ParentCommand
        Main main;
        @Mixin
        DbOption db;

        @Parameters(arity = "0..1", paramLabel = "DATASET")
        String dataset;
        @Option(names = {"-l", "--list"}, description = "List the sessions too.")
        boolean sessions;
        @Option(names = "--source", paramLabel = "FILE",
                description = "A JSONL stream: count its texts not yet in the dataset (by input hash).")
        String source;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = db.open()) {
                out.println("database: " + database.location());
                if (dataset == null) {
                    for (DatasetInfo info : database.datasets()) {
                        out.printf(Locale.ROOT, "%-30s %,10d examples  created %s%n", info.name(), info.examples(),
                                info.created());
                    }
                    return ExitCodes.OK;
                }
                print(out, database.stats(dataset));
                if (source != null) {
                    printLeft(out, database);
                }
            }
            return ExitCodes.OK;
        }

        private void print(PrintWriter out, DatasetStats stats) {
            out.printf(Locale.ROOT, "dataset: %s%nexamples: %,d (questions: %,d, texts: %,d)%n", stats.dataset(),
                    stats.examples(), stats.tasks(), stats.inputs());
            stats.byAnswer().forEach((a, n) -> out.printf(Locale.ROOT, "  %-8s %,d%n", a.json(), n));
            out.println("labels:");
            stats.byLabel().forEach((l, n) -> out.printf(Locale.ROOT, "  %-20s %,d%n", l, n));
            if (sessions) {
                out.println("sessions:");
                stats.bySession().forEach((s, n) -> out.printf(Locale.ROOT, "  %-24s %,d%n", s, n));
            }
        }

        private void printLeft(PrintWriter out, Database database) throws IOException {
            long total = 0;
            long left = 0;
            try (Reader in = open(source, main); TaskReader reader = TaskReader.strict(in, name(source))) {
                while (reader.hasNext()) {
                    total++;
                    if (!database.hasInputHash(dataset, TaskHashes.DEFAULT.inputHash(reader.next()))) {
                        left++;
                    }
                }
            }
            out.printf(Locale.ROOT, "source %s: %,d of %,d texts left to annotate%n", source, left, total);
        }
    }

    /** {@code quarry drop}. */
    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Deletes a dataset and all its examples.")
    static final class Drop implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        DbOption db;

        @Parameters(paramLabel = "DATASET")
        String dataset;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                if (!database.exists(dataset)) {
                    List<String> names = database.datasets().stream().map(DatasetInfo::name).toList();
                    throw UserException.invalidInput("no dataset \"" + dataset + "\"; the database has "
                            + (names.isEmpty() ? "none" : String.join(", ", names)));
                }
                long examples = database.drop(dataset);
                spec.commandLine().getOut().printf(Locale.ROOT, "dropped \"%s\" (%,d examples)%n", dataset, examples);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code quarry db-merge}. */
    @Command(name = "db-merge", mixinStandardHelpOptions = true,
            description = {"Combines the NER spans and text classification answers given on the same text in "
                    + "several datasets into one example per text (the newest answer to each question wins)."})
    static final class DbMerge implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        DbOption db;

        @Parameters(arity = "1..*", paramLabel = "IN")
        List<String> inputs;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT")
        String output;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                ImportResult result = database.merge(inputs, output, 1000);
                spec.commandLine().getOut().printf(Locale.ROOT, "merged %s into \"%s\": %,d examples%n",
                        String.join(", ", inputs), output, result.examples());
            }
            return ExitCodes.OK;
        }
    }

    static Answer parseAnswer(String value) {
        try {
            return Answer.parse(value);
        } catch (RuntimeException e) {
            throw new UserException(ExitCodes.USAGE, "--answer must be one of accept, reject, ignore, got \""
                    + value + "\"");
        }
    }

    private static String name(String file) {
        return file.equals("-") ? "<stdin>" : file;
    }

    /** A writer over the command's standard output that flushes instead of closing it. */
    static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
