package dev.quarry.cli;

import dev.quarry.patterns.CheckReport;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.Problem;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry patterns}: work on pattern files. */
@Command(name = "patterns", mixinStandardHelpOptions = true, description = "Check pattern files.",
        subcommands = PatternsCommand.Check.class)
final class PatternsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code quarry patterns check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validates and lints pattern files: every problem with file:line:column.",
                "Errors: malformed JSON, wrong types, unknown keys, attributes or operators, empty patterns, "
                        + "a REGEX that does not compile. Warnings: the same phrase under two labels, duplicates, "
                        + "a token pattern that can match nothing."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no errors (warnings allowed unless --strict)", "1:failure (I/O)",
                "2:errors found, or warnings with --strict"})
    static final class Check implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--strict", description = "Warnings fail the check too.")
        boolean strict;

        @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es|de",
                description = "Language used to tokenize phrases (default: ${DEFAULT-VALUE}).")
        String language;

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Pattern files or directories.")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Tokenizer tokenizer = Tokenizer.forLanguage(Language.of(language));
            int errors = 0;
            int warnings = 0;
            int files = 0;
            int patterns = 0;
            for (Path path : paths) {
                if (!Files.exists(path)) {
                    throw UserException.invalidInput(path + ": no such file or directory");
                }
                CheckReport report = PatternFiles.check(path, tokenizer);
                files += report.files().size();
                patterns += report.patternCount();
                for (Problem problem : report.problems()) {
                    out.println(problem);
                    if (problem.severity() == Problem.Severity.ERROR) {
                        errors++;
                    } else {
                        warnings++;
                    }
                }
            }
            out.printf("checked %d file%s, %d pattern%s: %d error%s, %d warning%s%n", files, plural(files),
                    patterns, plural(patterns), errors, plural(errors), warnings, plural(warnings));
            return errors > 0 || (strict && warnings > 0) ? ExitCodes.USAGE : ExitCodes.OK;
        }

        private static String plural(int n) {
            return n == 1 ? "" : "s";
        }
    }
}
