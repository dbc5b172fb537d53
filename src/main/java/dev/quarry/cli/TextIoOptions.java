package dev.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The input and output options of the commands that turn texts into JSON lines ({@code quarry match},
 * {@code quarry predict}): {@code --format}, {@code --skip-bad}, {@code --output}, and how they behave: a bad input
 * line stops the command naming file and line (exit 2) unless skipped with a warning and a count at the end.
 * Not thread-safe: one instance per command run.
 */
final class TextIoOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|text",
            description = "Input format; auto: by file extension (.jsonl), standard input by its first character.")
    String format;

    @Option(names = "--skip-bad",
            description = "Skip input lines that cannot be read, with a warning each and a count at the end.")
    boolean skipBad;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    private long skipped;

    /** A reader of the inputs in the chosen format, reporting bad lines as the options say. */
    InputRecords records(ObjectMapper json) {
        return new InputRecords(json, MatchCommand.parse(InputFormat.class, format, "--format"), this::bad);
    }

    /** The output file, or the command's standard output (left open on close: picocli owns it). */
    Writer openOutput() throws IOException {
        if (output == null) {
            return new DatasetCommands.NonClosingWriter(spec.commandLine().getOut());
        }
        return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    }

    /**
     * Ends a run: fails if standard output could not take everything, then reports how many lines were skipped.
     *
     * @throws UserException (failure) when writing to standard output failed
     */
    void finish() {
        if (spec.commandLine().getOut().checkError()) {
            throw new UserException(ExitCodes.FAILURE, "could not write all output to standard output");
        }
        if (skipped > 0) {
            spec.commandLine().getErr().println("quarry: skipped " + skipped + " bad input line"
                    + (skipped == 1 ? "" : "s"));
        }
    }

    private void bad(String file, long line, String problem) {
        String message = file + ":" + line + ": " + problem;
        if (!skipBad) {
            throw UserException.invalidInput(message + " (--skip-bad skips such lines)");
        }
        skipped++;
        spec.commandLine().getErr().println("quarry: warning: skipped " + message);
    }
}
