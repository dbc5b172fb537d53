package dev.quarry.cli;

import dev.quarry.matching.MatchOptions;
import dev.quarry.model.ModelException;
import dev.quarry.patterns.PatternException;
import dev.quarry.service.Service;
import dev.quarry.service.ServiceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry serve}: the HTTP API over a model package and pattern files that reload when they change. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serves POST /v1/match, /v1/predict, /v1/analyze, GET /v1/health and GET /metrics over HTTP until "
                    + "stopped (Ctrl-C). /v1/predict (the model) and /v1/analyze (match-then-predict) need --model.",
            "The pattern files are watched: a changed set that loads without errors replaces the served one "
                    + "atomically; a set with errors is reported and the old one keeps serving. With --model, the "
                    + "pattern files replace the package's own patterns and are compiled with its language and "
                    + "pattern settings; without --patterns the package's patterns are served."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:failure (I/O, address in use)",
            "2:bad usage, invalid patterns or invalid model"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "DIR|FILE.zip",
            description = "A model package (directory or zip, as quarry train writes it) for /v1/predict and /v1/analyze.")
    Path model;

    @Option(names = {"-p", "--patterns"}, paramLabel = "FILE|DIR",
            description = "A pattern file (JSONL) or a directory of *.jsonl files, watched for changes.")
    Path patterns;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the bearer token every request must send (Authorization: Bearer ...).")
    Path tokenFile;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "" + ServiceOptions.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "" + ServiceOptions.DEFAULT_MAX_TEXT_CHARS,
            description = "Longest text accepted, in Unicode code points (default: ${DEFAULT-VALUE}).")
    int maxTextChars;

    @Mixin
    MatcherOptions matching;

    @Option(names = "--reload-poll-ms", paramLabel = "MS", defaultValue = "2000",
            description = "How often the pattern files are checked besides file-system events "
                    + "(default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--request-timeout-s", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds a client may take to send a request, and the server to send the answer, before "
                    + "the connection is closed (default: ${DEFAULT-VALUE}).")
    long requestTimeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServiceOptions options = options();
        requestTimeouts();
        PrintWriter err = spec.commandLine().getErr();
        if (patterns != null && !Files.exists(patterns)) {
            throw UserException.invalidInput(patterns + ": no such file or directory");
        }
        try (Service service = start(options, err)) {
            err.println("quarry: serving " + service.patternCount() + " patterns from "
                    + (patterns != null ? patterns : model + " (the package's own)")
                    + (model == null ? "" : " and model " + model + " (version " + service.modelVersion() + ")")
                    + " on " + service.uri() + (options.token() == null ? "" : " (bearer token required)"));
            if (options.token() == null && !service.address().getAddress().isLoopbackAddress()) {
                err.println("quarry: warning: listening beyond loopback without --token-file");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "quarry-serve-shutdown"));
            service.awaitClose();
        }
        return ExitCodes.OK;
    }

    /**
     * The JDK server reads its request and response time limits once per process, from system properties (seconds);
     * set here, at the process edge, unless the user set them on the java command line.
     */
    private void requestTimeouts() {
        check(requestTimeoutSeconds >= 1, "--request-timeout-s must be >= 1, got " + requestTimeoutSeconds);
        for (String property : new String[] {"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Long.toString(requestTimeoutSeconds));
            }
        }
    }

    private static Service start(ServiceOptions options, PrintWriter err) throws IOException {
        try {
            return Service.start(options, Clock.systemUTC(), err);
        } catch (PatternException e) {
            throw UserException.invalidInput("invalid patterns, not serving:\n" + e.getMessage());
        } catch (ModelException e) {
            throw UserException.invalidInput("invalid model, not serving: " + e.getMessage());
        } catch (java.net.BindException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot listen on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage() + " (choose another --port or --host)");
        }
    }

    private ServiceOptions options() throws IOException {
        check(patterns != null || model != null, "quarry serve needs --patterns FILE|DIR, --model DIR, or both");
        if (model != null) {
            for (String option : new String[] {"--attr", "--overlap", "--priority", "--lang"}) {
                check(!spec.commandLine().getParseResult().hasMatchedOption(option), option + " cannot be given "
                        + "with --model: the patterns are compiled with the model package's language and pattern "
                        + "settings");
            }
        }
        MatchOptions match = matching.toMatchOptions();
        check(port >= 0 && port <= 65_535, "--port must be in 0..65535, got " + port);
        check(maxBodyBytes >= 1, "--max-body-bytes must be >= 1, got " + maxBodyBytes);
        check(maxTextChars >= 1, "--max-text-chars must be >= 1, got " + maxTextChars);
        check(pollMillis >= 1, "--reload-poll-ms must be >= 1, got " + pollMillis);
        return ServiceOptions.defaults(patterns).withHost(host).withPort(port).withToken(readToken())
                .withLimits(maxBodyBytes, maxTextChars).withMatchOptions(match)
                .withReloadTiming(Duration.ofMillis(pollMillis), Duration.ofMillis(200)).withModel(model);
    }

    private String readToken() throws IOException {
        if (tokenFile == null) {
            return null;
        }
        if (!Files.isRegularFile(tokenFile)) {
            throw UserException.invalidInput("--token-file: " + tokenFile + ": no such file");
        }
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        check(!token.isEmpty(), "--token-file: " + tokenFile + " is empty");
        return token;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UserException(ExitCodes.USAGE, message);
        }
    }
}
