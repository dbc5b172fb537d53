package dev.quarry.cli;

import dev.quarry.vectors.LoadProgress;
import dev.quarry.vectors.VectorsFormatException;
import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry vectors}: work on word vector files. */
@Command(name = "vectors", mixinStandardHelpOptions = true, description = "Work on word vector files.",
        subcommands = VectorsCommand.Convert.class)
final class VectorsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Loads a vectors file of any format, or a cache, with a user error on bad input.
     *
     * @param parsing called on each progress report of a parser (a cache is opened without any)
     */
    static WordVectors load(Path file, PrintWriter err, Runnable parsing) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw UserException.invalidInput(file + ": no such file");
        }
        try (Progress progress = new Progress(err, "% read")) {
            LoadProgress report = percentReporter(progress);
            return WordVectors.load(file, (read, total) -> {
                parsing.run();
                report.update(read, total);
            });
        } catch (VectorsFormatException e) {
            throw UserException.invalidInput(e.getMessage());
        }
    }

    /** Reports a load to a {@link Progress} as percent of the file and bytes read. */
    static LoadProgress percentReporter(Progress progress) {
        long[] last = new long[2];
        return (read, total) -> {
            long percent = total == 0 ? 100 : read * 100 / total;
            progress.add(percent - last[0], read - last[1]);
            last[0] = percent;
            last[1] = read;
        };
    }

    /** {@code quarry vectors convert}. */
    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = {"Converts word vectors (GloVe or word2vec text, word2vec binary, fastText .vec; the format "
                    + "is detected) to Quarry's binary cache, which opens in milliseconds.",
                "The cache is written to a temporary file and moved into place: a failure leaves no half-written "
                        + "cache."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:ok", "1:failure (I/O)", "2:bad usage or a malformed vectors file"})
    static final class Convert implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN", description = "The vectors file.")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT", description = "The cache file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            WordVectors vectors = load(in, spec.commandLine().getErr(), () -> { });
            vectors.writeCache(out);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %,d words x %d dimensions (%.1f MB) in %.1f s%n",
                    out, vectors.size(), vectors.dimension(), Files.size(out) / 1e6,
                    (System.nanoTime() - start) / 1e9);
            return ExitCodes.OK;
        }
    }
}
