package dev.quarry.cli;

import dev.quarry.matching.Matcher;
import dev.quarry.patterns.Pattern;
import dev.quarry.streams.IndexedSource;
import dev.quarry.streams.ParagraphIndex;
import dev.quarry.streams.SourceFormat;
import dev.quarry.streams.SourceOptions;
import dev.quarry.streams.Sources;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskSource;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarry index}: a Lucene index of a corpus's paragraphs, for {@code quarry stream --index}. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Indexes a corpus (JSONL, text, CSV/TSV or a directory of them) once, one entry per paragraph (each "
                    + "document split at blank lines; meta gets doc_id, paragraph and offset in code points).",
            "Then quarry stream --index IDX --patterns P streams the paragraphs matching the patterns' phrases "
                    + "first, best first, then all the others, each once."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage or invalid input"})
final class IndexCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "CORPUS", description = "File or directory; - for standard input.")
    String corpus;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "IDX",
            description = "The index directory to create (must not exist or be empty).")
    Path output;
    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|text|csv|tsv",
            description = "Corpus format (default: by extension).")
    String format;
    @Option(names = "--text-column", defaultValue = "text", paramLabel = "NAME",
            description = "CSV/TSV column holding the text (default: ${DEFAULT-VALUE}).")
    String textColumn;
    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es|de",
            description = "Language of the corpus, for its tokens (default: ${DEFAULT-VALUE}).")
    String language;
    @Option(names = "--ram-buffer-mb", defaultValue = "32", paramLabel = "MB",
            description = "Indexing buffer (default: ${DEFAULT-VALUE}).")
    double ramBufferMb;

    @Override
    public Integer call() throws IOException {
        SourceOptions options = SourceOptions.defaults()
                .withFormat(MatchCommand.parse(SourceFormat.class, format, "--format"))
                .withTextColumn(textColumn).withParagraphs(true);
        ParagraphIndex.BuildStats stats;
        try (TaskSource tasks = Sources.open(corpus, main.in, options)) {
            stats = ParagraphIndex.build(tasks, output, Tokenizer.forLanguage(MatchCommand.language(language)),
                    ramBufferMb);
        } catch (NoSuchFileException e) {
            throw UserException.invalidInput(e.getFile() + ": no such file or directory");
        } catch (FileAlreadyExistsException e) {
            throw UserException.invalidInput(e.getMessage());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "indexed %d paragraphs (%.1f MB of text) into %s in %.1f s%n",
                stats.paragraphs(), stats.chars() / 1e6, output, stats.nanos() / 1e9);
        return ExitCodes.OK;
    }

    /** The stream of an index, ranked by the matcher's phrases (none: corpus order); closing closes the index. */
    static TaskSource openIndexStream(Path path, Matcher matcher) {
        ParagraphIndex index;
        try {
            index = ParagraphIndex.open(path);
        } catch (IOException e) {
            throw UserException.invalidInput(e.getMessage());
        }
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; matcher != null && i < matcher.size(); i++) {
            patterns.add(matcher.pattern(i));
        }
        IndexedSource source = index.matchesFirst(ParagraphIndex.phrases(patterns));
        return new TaskSource() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Task next() {
                return source.next();
            }

            @Override
            public void close() {
                try {
                    index.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
