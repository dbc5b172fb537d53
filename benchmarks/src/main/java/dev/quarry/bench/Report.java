package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results as Markdown: setup, compile and memory, throughput per corpus with ratios, skipped trials, and the
 * issue's targets. Written to standard output and to {@code results/matching-<date>.md}.
 */
final class Report {

    /** Peers that are libraries (not floors, not our baseline trie): the "fastest library peer" target. */
    private static final List<String> LIBRARIES = List.of("aho", "synonym", "opennlp", "monitor");

    private final Options options;
    private final List<JsonNode> results = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final String startLoad = loadAverage();
    private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

    Report(Options options) {
        this.options = options;
    }

    void add(JsonNode result) {
        results.add(result);
    }

    void skipped(String peer, int size, String reason) {
        skipped.add("- " + peer + " at " + sizeName(size) + ": " + reason);
    }

    void write() throws IOException {
        StringBuilder out = new StringBuilder();
        setup(out);
        compileTable(out);
        for (String corpus : options.corpora()) {
            throughputTable(out, corpus);
        }
        for (JsonNode r : results) {
            if (r.has("saveError")) {
                skipped.add("- " + r.get("peer").asText() + " at " + sizeName(r.get("size").asInt())
                        + ": save and reopen not measured: " + r.get("saveError").asText());
            }
        }
        if (!skipped.isEmpty()) {
            out.append("\n### Skipped and not measured\n\n").append(String.join("\n", skipped)).append('\n');
        }
        if (options.corpora().contains("20ng")) {
            targets(out);
        }
        String text = out.toString();
        System.out.println(text);
        Files.createDirectories(options.results());
        Path file = options.results().resolve("matching-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Main.progress("wrote %s", file);
    }

    private void setup(StringBuilder out) {
        out.append("## Matching benchmark, ").append(started.toString().substring(0, 16)).append(" UTC\n\n");
        line(out, "- machine: %s, %d cores, %s RAM; load average at start %s, at end %s", cpuModel(),
                Runtime.getRuntime().availableProcessors(), memTotal(), startLoad, loadAverage());
        line(out, "- JVM: %s %s, each trial in its own JVM with -Xmx%s -Xms%s -XX:+UseG1GC",
                System.getProperty("java.vm.vendor"), System.getProperty("java.vm.version"), options.childHeap(),
                options.childHeap());
        line(out, "- rounds: %d x %.1f s after %.1f s warm-up (all-thread: %.1f s warm-up); rates are median "
                + "[min-max] of the rounds", options.settings().rounds(), options.settings().roundSeconds(),
                options.settings().warmupSeconds(), options.settings().warmupSeconds() / 2);
        line(out, "- text: 20NG train, shuffled (seed %d), first %d MB; CoNLL-2003 eng.train sentences. Matches "
                + "counted on the first %d MB of that 20NG slice and on all CoNLL sentences", BenchData.SEED,
                options.textMegabytes(), options.checkMegabytes());
        line(out, "- matching is case-insensitive for every peer (Quarry LOWER); tokens/s count Quarry's tokens, "
                + "except the lucene-tokenizer row, which counts its own");
    }

    private void compileTable(StringBuilder out) {
        out.append("\n### Compile, memory, and the load on the machine when each trial started\n\n");
        out.append("| peer | patterns | compile s | compile CPU s | retained heap MB | save s | reopen s | file MB "
                + "| reopened heap MB | threads share | load avg at start |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (JsonNode r : results) {
            line(out, "| %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s |", r.get("peer").asText(),
                    sizeName(r.get("size").asInt()), seconds(r.path("compileMillis")),
                    seconds(r.path("compileCpuMillis")),
                    r.get("retainedBytes").asLong() / 1e6, seconds(r.path("saveMillis")),
                    seconds(r.path("openMillis")), megabytes(r.path("savedBytes")),
                    megabytes(r.path("reopenedRetainedBytes")), r.get("threading").asText(),
                    r.path("loadAtStart").asText("-"));
        }
    }

    private void throughputTable(StringBuilder out, String corpus) {
        out.append("\n### Throughput: ").append(switch (corpus) {
            case "20ng" -> "20 Newsgroups";
            case "conll" -> "CoNLL-2003 sentences";
            default -> "20 Newsgroups with accents and emoji (one word in four accented, not ASCII)";
        })
                .append("\n\n");
        out.append("| peer | patterns | 1 thread MB/s | 1 thread Mtok/s | 1 thread MB/CPU-s | all threads MB/s "
                + "| x lucene-tokenizer | quarry / peer | matches | per 1k tokens |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Optional<Double> floor = singleRate("lucene-tokenizer", 0, corpus);
        for (JsonNode r : results) {
            JsonNode c = r.get(corpus);
            double rate = c.get("single").get("mbMedian").asDouble();
            Optional<Double> quarry = singleRate("quarry", r.get("size").asInt(), corpus);
            boolean tokens = r.path("countsTokens").asBoolean();
            line(out, "| %s | %s | %.2f [%.2f-%.2f] | %.3f | %.2f | %.2f [%.2f-%.2f] | %s | %s | %s | %s |",
                    r.get("peer").asText(), tokens ? "-" : sizeName(r.get("size").asInt()), rate,
                    c.get("single").get("mbMin").asDouble(), c.get("single").get("mbMax").asDouble(),
                    c.get("single").get("mtokMedian").asDouble(), c.get("single").get("mbCpuMedian").asDouble(),
                    c.get("all").get("mbMedian").asDouble(),
                    c.get("all").get("mbMin").asDouble(), c.get("all").get("mbMax").asDouble(),
                    floor.map(f -> ratio(rate / f)).orElse("-"),
                    quarry.filter(q -> !tokens).map(q -> ratio(q / rate)).orElse("-"),
                    tokens ? "(" + c.get("count").asLong() + " tokens)" : Long.toString(c.get("count").asLong()),
                    tokens ? "-" : String.format(Locale.ROOT, "%.1f",
                            1000.0 * c.get("count").asLong() / c.get("checkTokens").asLong()));
        }
    }

    private void targets(StringBuilder out) {
        out.append("\n### Targets (20 Newsgroups, 1 thread; wall-clock MB/s, and in parentheses MB per CPU-second, "
                + "which is what to read on a loaded machine)\n\n");
        for (int size : List.of(100_000, 1_000_000)) {
            if (find("quarry", size).isEmpty()) {
                line(out, "- %s: no quarry result", sizeName(size));
                continue;
            }
            String at = sizeName(size) + ": quarry / ";
            ratioTarget(out, at + "lucene-tokenizer", size, "lucene-tokenizer", 0, 0.5);
            ratioTarget(out, at + "quarry-tokenizer (its own tokenizer alone)", size, "quarry-tokenizer", 0, 0.5);
            fastestLibrary(size).ifPresent(p -> ratioTarget(out, at + "fastest library (" + p.peer + ")", size,
                    p.peer, size, 3.0));
            ratioTarget(out, at + "trie", size, "trie", size, 1.5);
        }
        find("quarry", 1_000_000).ifPresent(r -> {
            double compile = r.path("compileMillis").asDouble() / 1000;
            double cpu = r.path("compileCpuMillis").asDouble() / 1000;
            double heap = r.get("retainedBytes").asLong() / 1e6;
            line(out, "- 1M compile %.2f s, %.2f s CPU of all the JVM's threads (compiler, GC, JIT) (target < 5 s): %s",
                    compile, cpu,
                    compile < 5 ? "met" : cpu < 5 ? "met on CPU time only" : "MISSED");
            line(out, "- 1M retained heap %.1f MB (target < 256 MB): %s", heap, heap < 256 ? "met" : "MISSED");
        });
        for (JsonNode r : results) {
            if (r.get("peer").asText().equals("quarry") && r.has("openMillis")) {
                double open = r.get("openMillis").asDouble();
                double compile = r.get("compileMillis").asDouble();
                line(out, "- %s reopen %.0f ms vs compile %.0f ms (target: faster): %s",
                        sizeName(r.get("size").asInt()), open, compile, open < compile ? "met" : "MISSED");
            }
        }
    }

    private record PeerRate(String peer, double rate) {
    }

    /** The library peer with the highest 1-thread rate per CPU-second (on an idle machine, also per second). */
    private Optional<PeerRate> fastestLibrary(int size) {
        return LIBRARIES.stream().flatMap(p -> find(p, size).map(r -> new PeerRate(p,
                r.get("20ng").get("single").get("mbCpuMedian").asDouble())).stream())
                .max((a, b) -> Double.compare(a.rate, b.rate));
    }

    private void ratioTarget(StringBuilder out, String what, int size, String peer, int peerSize, double goal) {
        Optional<JsonNode> q = find("quarry", size).map(r -> r.get("20ng").get("single"));
        Optional<JsonNode> p = find(peer, peerSize).map(r -> r.get("20ng").get("single"));
        if (q.isEmpty() || p.isEmpty()) {
            return;
        }
        double wall = q.get().get("mbMedian").asDouble() / p.get().get("mbMedian").asDouble();
        double cpu = q.get().get("mbCpuMedian").asDouble() / p.get().get("mbCpuMedian").asDouble();
        line(out, "- %s = %.2fx (%.2fx) (target >= %.1fx): %s", what, wall, cpu, goal,
                verdict(wall >= goal, cpu >= goal));
    }

    /** Per CPU-second decides: a wall-clock ratio alone can pass when the peer's rate fell under load. */
    private static String verdict(boolean wallMet, boolean cpuMet) {
        if (cpuMet) {
            return wallMet ? "met" : "met on CPU time only";
        }
        return wallMet ? "MISSED per CPU-second (the wall-clock ratio passes only because the peer slowed under load)"
                : "MISSED";
    }

    private Optional<JsonNode> find(String peer, int size) {
        return results.stream().filter(r -> r.get("peer").asText().equals(peer) && r.get("size").asInt() == size)
                .findFirst();
    }

    private Optional<Double> singleRate(String peer, int size, String corpus) {
        return find(peer, size).map(r -> r.get(corpus).get("single").get("mbMedian").asDouble());
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String seconds(JsonNode millis) {
        return millis.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.2f", millis.asDouble() / 1000);
    }

    private static String megabytes(JsonNode bytes) {
        return bytes.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.1f", bytes.asLong() / 1e6);
    }

    static String sizeName(int size) {
        if (size == 0) {
            return "-";
        }
        return size % 1_000_000 == 0 ? size / 1_000_000 + "M" : size % 1000 == 0 ? size / 1000 + "k"
                : Integer.toString(size);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String memTotal() {
        String kb = procLine(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim();
        try {
            return String.format(Locale.ROOT, "%.0f GB", Long.parseLong(kb) / 1e6);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static String procLine(Path file, String key) {
        try {
            for (String l : Files.readAllLines(file)) {
                if (l.startsWith(key)) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return "unknown";
    }
}
