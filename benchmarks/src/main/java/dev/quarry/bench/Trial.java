package dev.quarry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One peer at one size, in its own JVM: compile time, retained heap, save and reopen where the peer has it, then
 * single-thread and all-thread throughput on each corpus and the match count on the check slices. Prints one line,
 * {@code RESULT <json>}, on standard output; progress goes to standard error.
 */
final class Trial {

    static final String RESULT_PREFIX = "RESULT ";

    private final Options options;
    private final BenchData data;

    Trial(Options options) {
        this.options = options;
        this.data = new BenchData(options.data(), options.work(), options.textMegabytes());
    }

    void run(String peerName, int size) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("peer", peerName);
        result.put("size", size);
        long baseline = usedHeapAfterGc();
        try (Peer peer = Peers.create(peerName)) {
            result.put("threading", peer.threading());
            result.put("countsTokens", peer.countsTokens());
            compile(peer, size, result);
            result.put("retainedBytes", usedHeapAfterGc() - baseline);
            if (saveAndOpen(peer, result)) {
                result.put("reopenedRetainedBytes", usedHeapAfterGc() - baseline);
            }
            measure(peer, result);
        }
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(result));
    }

    private void compile(Peer peer, int size, Map<String, Object> result) throws IOException {
        if (size == 0) {
            peer.compile(List.of());
            return;
        }
        List<Peer.Phrase> phrases = BenchData.readPatterns(data.patterns(), size);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBegin = os.getProcessCpuTime();
        long begin = System.nanoTime();
        peer.compile(phrases);
        double millis = (System.nanoTime() - begin) / 1e6;
        double cpuMillis = (os.getProcessCpuTime() - cpuBegin) / 1e6;
        result.put("compileMillis", millis);
        result.put("compileCpuMillis", cpuMillis);
        Main.progress("  compiled %d patterns in %.0f ms (%.0f ms CPU, all threads)", size, millis, cpuMillis);
    }

    /**
     * Saves and reopens, if the peer can; the reopened matcher is the one measured after. A failure is recorded in
     * the result, not fatal: the other numbers still count. Returns whether a matcher was reopened.
     */
    private boolean saveAndOpen(Peer peer, Map<String, Object> result) throws IOException {
        Path file = options.work().resolve("tmp").resolve(result.get("peer") + "-" + result.get("size") + ".matcher");
        Files.createDirectories(file.getParent());
        file.toFile().deleteOnExit(); // the reopened matcher may map it until the trial ends
        Peer.SaveOpen saved;
        try {
            saved = peer.saveAndOpen(file);
        } catch (IOException | UnsupportedOperationException e) {
            Main.progress("  save and reopen failed: %s", e.getMessage());
            result.put("saveError", String.valueOf(e.getMessage()));
            return false;
        }
        if (saved != null) {
            result.put("saveMillis", saved.saveMillis());
            result.put("openMillis", saved.openMillis());
            result.put("savedBytes", saved.bytes());
        }
        return saved != null;
    }

    private void measure(Peer peer, Map<String, Object> result) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        result.put("threads", threads);
        boolean luceneFloor = peer instanceof Peers.LuceneTokenizer;
        for (String name : options.corpora()) {
            Corpus corpus = Corpus.read(name, data.corpus(name));
            int[] tokens = luceneFloor ? corpus.luceneTokens() : corpus.quarryTokens();
            peer.prepare(corpus);
            Throughput.Rates single = Throughput.singleThread(peer, corpus, tokens, options.settings());
            Main.progress("  %s 1 thread: %s", corpus.name(), single);
            Throughput.Rates all = Throughput.allThreads(peer, corpus, tokens, options.settings(), threads);
            Main.progress("  %s %d threads: %s", corpus.name(), threads, all);
            Corpus check = corpus.name().startsWith("20ng") ? corpus.prefix(options.checkMegabytes() * 1_000_000L)
                    : corpus;
            long count = Throughput.count(peer.scanner(), check);
            Main.progress("  %s check slice: %d %s in %d tokens", corpus.name(), count,
                    peer.countsTokens() ? "tokens" : "matches", check.totalQuarryTokens());
            result.put(corpus.name(), Map.of("single", single, "all", all, "count", count,
                    "checkTokens", check.totalQuarryTokens(), "checkBytes", check.totalBytes()));
        }
    }

    /** Used heap after a few full collections, in bytes. */
    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
