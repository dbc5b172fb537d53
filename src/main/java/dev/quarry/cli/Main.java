package dev.quarry.cli;

import dev.quarry.datasets.DatasetException;
import dev.quarry.streams.TaskFormatException;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quarry} launcher's entry point. */
@Command(name = "quarry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Terms, paragraphs and entities out of text: rules first, models where the rules run out.",
        subcommands = {MatchCommand.class, PatternsCommand.class, TermsCommand.class, VectorsCommand.class,
            DatasetCommands.DbIn.class, DatasetCommands.DbOut.class, DatasetCommands.Stats.class,
            DatasetCommands.Drop.class, DatasetCommands.DbMerge.class, StreamCommand.class, IndexCommand.class,
            ServeCommand.class, AnnotateCommand.class,
            TrainCommand.class, TrainCurveCommand.class, EvaluateCommand.class, PredictCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input of the run; commands read {@code -} from here. */
    InputStream in = System.in;

    public static void main(String[] args) {
        quietLibraryLogs();
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(System.in, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command line with the given streams (UTF-8 text); returns the exit code. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        Locale.setDefault(Locale.ROOT);
        Main main = new Main();
        main.in = in;
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("quarry: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UserException user) {
            err.println("quarry: " + user.getMessage());
            return user.exitCode();
        }
        if (e instanceof DatasetException || e instanceof TaskFormatException) {
            err.println("quarry: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("quarry: " + describe(e));
        if (System.getenv("QUARRY_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set QUARRY_DEBUG=1 to see the stack trace)");
        }
        return ExitCodes.FAILURE;
    }

    /**
     * Lucene logs a hint through java.util.logging when the JVM runs without the Vector API module; on a command
     * line it is noise (the README says how to enable the module for speed).
     */
    private static void quietLibraryLogs() {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // OpenNLP logs through SLF4J; with no binding SLF4J warns about itself on every run.
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** Held so that the logger, and the level set on it, is not garbage-collected. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"quarry " + (version == null ? "(development build)" : version)};
        }
    }
}
