package dev.quarry.cli;

import dev.quarry.model.ModelException;
import dev.quarry.model.ModelPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry train}: one model package (patterns, NER, text classifier) from datasets. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains an NER and/or a text classifier from datasets into one model package, with the "
                + "patterns (for match-then-predict), evaluated on a separate dataset or a seeded split.",
            "Examples are read as the conventions say: accepted tasks with \"spans\" are complete NER annotations, "
                    + "tasks marked binary (_view_id ner or binary) are accept/reject answers, gold overrides "
                    + "silver (_silver) for the same input; \"label\" answered accept or reject is a binary answer "
                    + "for that label, an answered choice (\"options\", \"accept\") gives the accepted labels and "
                    + "rejects the other options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage, a missing dataset or unusable annotations"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    TrainOptions options;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|FILE.zip",
            description = "The model package: a directory, or one zip file when the name ends with .zip (written "
                    + "atomically either way).")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TrainRun.Request request = options.request(err);
        TrainRun run = new TrainRun(err, Boolean.getBoolean("quarry.stderr.tty"), options.seed);
        try {
            ModelPackage model = run.train(request);
            model.save(output);
            printSummary(model, run);
        } catch (ModelException e) {
            throw UserException.invalidInput(e.getMessage());
        }
        return ExitCodes.OK;
    }

    private void printSummary(ModelPackage model, TrainRun run) {
        PrintWriter out = spec.commandLine().getOut();
        run.tables().forEach((title, table) -> out.println(title + "\n" + table + "\n"));
        out.printf(Locale.ROOT, "wrote %s (%s)%n", output, String.join(", ", model.manifest().components()));
    }
}
