package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The matching benchmark's entry point. Without {@code --trial} it prepares the data, runs every (peer, size) trial
 * in its own JVM (same java, same class path, {@code -Xmx} from {@code --xmx}, killed after
 * {@code --timeout-seconds}) and writes the report; with {@code --trial PEER SIZE} it is one of those JVMs.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        try {
            if (!rest.isEmpty() && rest.get(0).equals("--trial")) {
                String peer = rest.get(1);
                int size = Integer.parseInt(rest.get(2));
                new Trial(Options.parse(rest.subList(3, rest.size()))).run(peer, size);
                return;
            }
            run(Options.parse(rest));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(Options options) throws Exception {
        Report report = new Report(options);
        progress("load average at start: %s", Report.loadAverage());
        new BenchData(options.data(), options.work(), options.textMegabytes()).prepare();
        for (String peer : options.peers()) {
            for (int size : Peers.FLOORS.contains(peer) ? List.of(0) : options.sizes()) {
                Peers.Limit limit = Peers.LIMITS.get(peer);
                if (limit != null && size > limit.maxSize()) {
                    progress("skipping %s at %d: %s", peer, size, limit.reason());
                    report.skipped(peer, size, limit.reason());
                    continue;
                }
                runTrial(options, peer, size, report);
            }
        }
        report.write();
    }

    private static void runTrial(Options options, String peer, int size, Report report) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + options.childHeap(),
                "-Xms" + options.childHeap(), "-XX:+UseG1GC", "-Dslf4j.internal.verbosity=ERROR",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--trial", peer, Integer.toString(size)));
        command.addAll(options.toArgs());
        String load = Report.loadAverage();
        progress("trial %s at %d patterns (load %s)", peer, size, load);
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode[] result = new JsonNode[1];
        Thread reader = Thread.ofPlatform().start(() -> result[0] = readResult(process));
        if (!process.waitFor(options.timeoutSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            report.skipped(peer, size, "did not finish within " + options.timeoutSeconds() + " s (--timeout-seconds)");
            return;
        }
        reader.join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (process.exitValue() != 0 || result[0] == null) {
            report.skipped(peer, size, "trial JVM failed with exit code " + process.exitValue()
                    + " at -Xmx" + options.childHeap() + " (see stderr above)");
            return;
        }
        progress("  trial took %.0f s", seconds);
        ((ObjectNode) result[0]).put("loadAtStart", load);
        report.add(result[0]);
    }

    private static JsonNode readResult(Process process) {
        JsonNode result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Trial.RESULT_PREFIX)) {
                    result = new ObjectMapper().readTree(line.substring(Trial.RESULT_PREFIX.length()));
                } else {
                    System.err.println(line);
                }
            }
        } catch (IOException e) {
            System.err.println("reading the trial's output failed: " + e);
        }
        return result;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A progress line on standard error. */
    static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
