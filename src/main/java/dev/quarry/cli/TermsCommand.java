package dev.quarry.cli;

import dev.quarry.patterns.PatternFiles;
import dev.quarry.streams.CorpusFormatException;
import dev.quarry.streams.CorpusIndex;
import dev.quarry.terms.Candidate;
import dev.quarry.terms.ExpansionSettings;
import dev.quarry.terms.SeedCheck;
import dev.quarry.terms.TermEntry;
import dev.quarry.terms.TermExpander;
import dev.quarry.terms.TermPatterns;
import dev.quarry.text.Tokenizer;
import dev.quarry.vectors.HnswIndex;
import dev.quarry.vectors.HnswSettings;
import dev.quarry.vectors.NearestNeighbours;
import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarry terms}: seed expansion to a pattern file, in batch or as an interactive review. */
@Command(name = "terms", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Expands seed terms with word vectors into a terminology list, written as token patterns (LOWER per "
                    + "token, so multi-word terms match).",
            "Batch mode writes the seeds and the top candidates scoring at least --threshold. --interactive shows "
                    + "one candidate at a time (a = accept, r = reject, s = skip, u = undo, q = save and quit; "
                    + "single keys on a terminal, a key and Enter per line when piped), re-ranks after every "
                    + "answer and saves its state after every answer, so a later run with the same --state resumes.",
            "Score: cos(c, q) - max(0, max cos(c, rejected) - cos(c, q)), q the mean of the accepted terms. "
                    + "With --corpus, "
                    + "only words and 2-4-word phrases that occur in the corpus are suggested, with their frequency."},
        subcommands = TermsCommand.ToPatterns.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage or invalid input (no seed has a vector, a bad "
                + "vectors, corpus or state file)"})
final class TermsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--vectors", paramLabel = "FILE",
            description = "Word vectors: GloVe/word2vec text, word2vec binary, fastText .vec, or a cache made by "
                    + "'quarry vectors convert' (detected).")
    Path vectors;

    @Option(names = "--seeds", paramLabel = "FILE", description = "Seed terms, one per line (# starts a comment).")
    Path seeds;

    @Option(names = "--label", paramLabel = "LABEL", description = "Label of the patterns, e.g. DISEASE.")
    String label;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Corpus (.jsonl with \"text\", or plain text) to ground suggestions in; indexed once.")
    Path corpus;

    @Option(names = "--corpus-index", paramLabel = "DIR",
            description = "Where the corpus index lives (default: beside the corpus, CORPUS.qidx).")
    Path corpusIndex;

    @Option(names = "--top", paramLabel = "N", defaultValue = "100",
            description = "Batch mode: how many candidates to write (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.0",
            description = "Lowest score a candidate may have (default: ${DEFAULT-VALUE}).")
    double threshold;

    @ArgGroup(exclusive = true)
    Search search = new Search();

    static final class Search {
        @Option(names = "--exact", description = "Exact nearest neighbours (default).")
        boolean exact;

        @Option(names = "--hnsw", description = "Approximate neighbours on an HNSW index (built on first use, "
                + "reused later; see --hnsw-index).")
        boolean hnsw;
    }

    @Option(names = "--hnsw-index", paramLabel = "DIR",
            description = "Where the HNSW index lives (default: beside the vectors file, VECTORS.hnsw).")
    Path hnswIndex;

    @Option(names = "--interactive", description = "Review candidates one by one on the terminal.")
    boolean interactive;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Interactive session state (default: OUTPUT.session.json); resumed when it exists.")
    Path state;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Pattern file (JSONL) to write.")
    Path output;

    @Option(names = "--terms-out", paramLabel = "FILE",
            description = "Also write the terms, one per line (variants after TABs); 'terms to-patterns' reads it.")
    Path termsOut;

    @Override
    public Integer call() throws IOException {
        requireOptions();
        List<String> seedList = readSeeds(seeds);
        PrintWriter err = spec.commandLine().getErr();
        WordVectors table = loadVectors(err);
        try (Resources resources = new Resources()) {
            NearestNeighbours neighbours = search.hnsw
                    ? resources.hnsw(table, hnswIndex != null ? hnswIndex : HnswIndex.besideCache(vectors), err)
                    : table.exactSearch();
            TermExpander expander = TermExpander.create(table, neighbours, ExpansionSettings.defaults(),
                    Tokenizer.standard(), corpus == null ? null : new IndexedCorpus(resources.corpus(this, err)));
            if (interactive) {
                Path statePath = state != null ? state : output.resolveSibling(output.getFileName() + ".session.json");
                List<TermEntry> terms = new TermsReview(expander, main.in, spec.commandLine().getOut(), err)
                        .run(statePath, label, seedList, threshold);
                writeTerms(terms);
            } else {
                batch(expander, seedList);
            }
        }
        return ExitCodes.OK;
    }

    private void batch(TermExpander expander, List<String> seedList) throws IOException {
        SeedCheck check = checkSeeds(expander, seedList, seeds.toString(), spec.commandLine().getErr());
        List<Candidate> candidates = expander.rank(check.found(), List.of(), List.of(), top, threshold);
        PrintWriter out = spec.commandLine().getOut();
        for (Candidate c : candidates) {
            out.printf(Locale.ROOT, "%.3f  %s%s%s%n", c.score(), c.term(),
                    c.frequency() >= 0 ? "  (frequency " + c.frequency() + ")" : "",
                    c.variants().isEmpty() ? "" : "  variants: " + String.join(", ", c.variants()));
        }
        List<TermEntry> terms = new ArrayList<>(seedEntries(seedList, check));
        candidates.forEach(c -> terms.add(c.entry()));
        int patterns = writeTerms(terms);
        out.printf(Locale.ROOT, "wrote %d patterns for %d seeds and %d suggestions to %s%n", patterns,
                terms.size() - candidates.size(), candidates.size(), output);
    }

    /** Warns about seeds without vectors; fails if none has one. */
    static SeedCheck checkSeeds(TermExpander expander, List<String> seedList, String file, PrintWriter err) {
        SeedCheck check = expander.checkSeeds(seedList);
        if (check.found().isEmpty()) {
            throw UserException.invalidInput(file + ": none of the " + check.missing().size()
                    + " seeds has a word vector: " + String.join(", ", check.missing()));
        }
        for (String missing : check.missing()) {
            err.println("quarry: warning: seed \"" + missing + "\" has no word vector; going on without it");
        }
        return check;
    }

    /** Every seed in file order: with its variants if it has a vector, as written if not. */
    private static List<TermEntry> seedEntries(List<String> seedList, SeedCheck check) {
        List<TermEntry> out = new ArrayList<>();
        for (String seed : seedList) {
            String term = String.join(" ", seed.strip().split("\\s+"));
            out.add(check.found().stream().filter(e -> e.term().equals(term)).findFirst()
                    .orElse(TermEntry.of(term)));
        }
        return out;
    }

    private int writeTerms(List<TermEntry> terms) throws IOException {
        var patterns = TermPatterns.toPatterns(terms, label, Tokenizer.standard());
        PatternFiles.write(patterns, output);
        if (termsOut != null) {
            writeTermList(terms, termsOut);
        }
        return patterns.size();
    }

    static void writeTermList(List<TermEntry> terms, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (TermEntry t : terms) {
            text.append(String.join("\t", t.forms())).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void requireOptions() {
        List<String> missing = new ArrayList<>();
        if (vectors == null) {
            missing.add("--vectors");
        }
        if (seeds == null) {
            missing.add("--seeds");
        }
        if (label == null) {
            missing.add("--label");
        }
        if (output == null) {
            missing.add("--output");
        }
        if (!missing.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "terms: missing " + String.join(", ", missing)
                    + " (see 'quarry terms --help')");
        }
        if (label.isBlank()) {
            throw new UserException(ExitCodes.USAGE, "--label must be non-empty");
        }
        if (top < 1) {
            throw new UserException(ExitCodes.USAGE, "--top must be >= 1, got " + top);
        }
    }

    /** Seed terms: one per line, blank lines and lines starting with # ignored, whitespace trimmed. */
    static List<String> readSeeds(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw UserException.invalidInput(file + ": no such file");
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String term = line.strip();
            if (!term.isEmpty() && !term.startsWith("#")) {
                out.add(term);
            }
        }
        if (out.isEmpty()) {
            throw UserException.invalidInput(file + ": no seed terms (one per line)");
        }
        return out;
    }

    /** Loads the vectors; a parsed file (a cache reports no parsing progress) slower than 1 s gets a hint. */
    private WordVectors loadVectors(PrintWriter err) throws IOException {
        long start = System.nanoTime();
        boolean[] parsed = new boolean[1];
        WordVectors table = VectorsCommand.load(vectors, err, () -> parsed[0] = true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > 1000 && parsed[0]) {
            err.printf(Locale.ROOT, "quarry: loading %s took %.1f s; 'quarry vectors convert %s %s.qvec' makes a "
                    + "cache that opens in milliseconds%n", vectors, millis / 1000.0, vectors, vectors.getFileName());
        }
        return table;
    }

    /** What the command opens and must close. */
    private static final class Resources implements AutoCloseable {
        private HnswIndex hnsw;
        private CorpusIndex corpusIndex;

        HnswIndex hnsw(WordVectors table, Path dir, PrintWriter err) throws IOException {
            HnswSettings settings = HnswSettings.defaults();
            if (Files.isDirectory(dir)) {
                try {
                    hnsw = HnswIndex.open(table, dir, settings.searchBeam());
                    return hnsw;
                } catch (IOException e) {
                    err.println("quarry: rebuilding " + dir + ": " + Main.describe(e));
                }
            }
            err.println("quarry: building the HNSW index " + dir + " (once; later runs reuse it)");
            hnsw = HnswIndex.build(table, dir, settings);
            return hnsw;
        }

        CorpusIndex corpus(TermsCommand command, PrintWriter err) throws IOException {
            if (!Files.isRegularFile(command.corpus)) {
                throw UserException.invalidInput(command.corpus + ": no such file");
            }
            Path dir = command.corpusIndex != null ? command.corpusIndex : CorpusIndex.besideCorpus(command.corpus);
            try (Progress progress = new Progress(err, "paragraphs")) {
                long[] chars = new long[1];
                corpusIndex = CorpusIndex.open(command.corpus, dir, CorpusIndex.Settings.defaults(), (n, c) -> {
                    progress.add(1, c - chars[0]);
                    chars[0] = c;
                });
            } catch (CorpusFormatException e) {
                throw UserException.invalidInput(e.getMessage());
            }
            if (corpusIndex.built()) {
                err.printf(Locale.ROOT, "quarry: indexed %,d paragraphs of %s into %s%n", corpusIndex.paragraphs(),
                        command.corpus, dir);
            }
            return corpusIndex;
        }

        @Override
        public void close() throws IOException {
            try {
                if (corpusIndex != null) {
                    corpusIndex.close();
                }
            } finally {
                if (hnsw != null) {
                    hnsw.close();
                }
            }
        }
    }

    /** {@code quarry terms to-patterns}. */
    @Command(name = "to-patterns", mixinStandardHelpOptions = true,
            description = "Turns a term list (one term per line, variants after TABs, # comments) into token "
                    + "patterns: LOWER per token, so multi-word terms match.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage or an empty term list"})
    static final class ToPatterns implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "TERMS", description = "The term list.")
        Path terms;

        @Option(names = "--label", required = true, paramLabel = "LABEL", description = "Label of the patterns.")
        String label;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Pattern file.")
        Path output;

        @Override
        public Integer call() throws IOException {
            if (label.isBlank()) {
                throw new UserException(ExitCodes.USAGE, "--label must be non-empty");
            }
            List<TermEntry> entries = new ArrayList<>();
            for (String line : readSeeds(terms)) {
                String[] forms = line.split("\t");
                entries.add(new TermEntry(forms[0].strip(), List.of(forms).subList(1, forms.length).stream()
                        .map(String::strip).filter(f -> !f.isEmpty()).toList()));
            }
            var patterns = TermPatterns.toPatterns(entries, label, Tokenizer.standard());
            PatternFiles.write(patterns, output);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d patterns for %d terms to %s%n",
                    patterns.size(), entries.size(), output);
            return ExitCodes.OK;
        }
    }
}
