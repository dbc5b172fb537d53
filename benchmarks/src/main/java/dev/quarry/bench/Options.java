package dev.quarry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line settings. Every option has a default; an unknown option is an error.
 *
 * @param sizes          pattern counts, from {@code --sizes 1k,100k,1M}
 * @param peers          peer names, from {@code --peers quarry,aho} ({@code all} for every peer)
 * @param settings       rounds, seconds per round, warm-up seconds
 * @param textMegabytes  size of the 20 Newsgroups slice, in MB of UTF-8
 * @param checkMegabytes size of the 20 Newsgroups prefix whose matches are counted, in MB
 * @param childHeap      {@code -Xmx} of each trial's JVM
 * @param timeoutSeconds wall-clock limit of each trial's JVM
 * @param data           the shared data directory
 * @param work           where generated data goes
 * @param results        where the report goes
 * @param corpora        the texts to scan, from {@code --corpora 20ng,conll,20ng-accented} (see {@link #CORPORA})
 */
record Options(List<Integer> sizes, List<String> peers, Throughput.Settings settings, int textMegabytes,
        int checkMegabytes, String childHeap, int timeoutSeconds, Path data, Path work, Path results,
        List<String> corpora) {

    /**
     * The texts a run can scan: the 20 Newsgroups slice, CoNLL-2003 sentences, and the same 20NG slice with accents
     * and emoji put in ({@link BenchData#accented}), for the non-ASCII path.
     */
    static final List<String> CORPORA = List.of("20ng", "conll", "20ng-accented");

    static final String USAGE = """
            usage: run-matching.sh [--sizes 1k,100k,1M] \
            [--peers all|quarry,quarry-match,trie,aho,synonym,opennlp,monitor,lucene-tokenizer,quarry-tokenizer,fst] \
            [--rounds 3] [--round-seconds 1] [--warmup-seconds 2] \
            [--text-mb 20] [--check-mb 1] [--xmx 8g] [--timeout-seconds 420] [--data DIR] [--work DIR] \
            [--results DIR] [--corpora 20ng,conll|20ng-accented]""";

    private static final List<String> KEYS = List.of("--sizes", "--peers", "--rounds", "--round-seconds",
            "--warmup-seconds", "--text-mb", "--check-mb", "--xmx", "--timeout-seconds", "--data", "--work",
            "--results", "--corpora");

    static Options parse(List<String> args) {
        Options o = new Options(List.of(1_000, 100_000, 1_000_000), Peers.ALL, new Throughput.Settings(3, 1.0, 2.0),
                20, 1, "8g", 420, defaultData(), Path.of("work"), Path.of("results"), List.of("20ng", "conll"));
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(key + " needs a value\n" + USAGE);
            }
            o = o.with(key, args.get(i + 1));
        }
        return o;
    }

    private Options with(String key, String value) {
        Throughput.Settings s = settings;
        return switch (key) {
            case "--sizes" -> new Options(parseSizes(value), peers, s, textMegabytes, checkMegabytes, childHeap,
                    timeoutSeconds, data, work, results, corpora);
            case "--peers" -> new Options(sizes, parsePeers(value), s, textMegabytes, checkMegabytes, childHeap,
                    timeoutSeconds, data, work, results, corpora);
            case "--rounds" -> copy(new Throughput.Settings(positive(key, value), s.roundSeconds(),
                    s.warmupSeconds()));
            case "--round-seconds" -> copy(new Throughput.Settings(s.rounds(), seconds(key, value),
                    s.warmupSeconds()));
            case "--warmup-seconds" -> copy(new Throughput.Settings(s.rounds(), s.roundSeconds(),
                    seconds(key, value)));
            case "--text-mb" -> new Options(sizes, peers, s, positive(key, value), checkMegabytes, childHeap,
                    timeoutSeconds, data, work, results, corpora);
            case "--check-mb" -> new Options(sizes, peers, s, textMegabytes, positive(key, value), childHeap,
                    timeoutSeconds, data, work, results, corpora);
            case "--xmx" -> new Options(sizes, peers, s, textMegabytes, checkMegabytes, value, timeoutSeconds, data,
                    work, results, corpora);
            case "--timeout-seconds" -> new Options(sizes, peers, s, textMegabytes, checkMegabytes, childHeap,
                    positive(key, value), data, work, results, corpora);
            case "--data" -> new Options(sizes, peers, s, textMegabytes, checkMegabytes, childHeap, timeoutSeconds,
                    Path.of(value), work, results, corpora);
            case "--work" -> new Options(sizes, peers, s, textMegabytes, checkMegabytes, childHeap, timeoutSeconds,
                    data, Path.of(value), results, corpora);
            case "--results" -> new Options(sizes, peers, s, textMegabytes, checkMegabytes, childHeap,
                    timeoutSeconds, data, work, Path.of(value), corpora);
            case "--corpora" -> new Options(sizes, peers, s, textMegabytes, checkMegabytes, childHeap,
                    timeoutSeconds, data, work, results, parseCorpora(value));
            default -> throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
        };
    }

    private Options copy(Throughput.Settings s) {
        return new Options(sizes, peers, s, textMegabytes, checkMegabytes, childHeap, timeoutSeconds, data, work,
                results, corpora);
    }

    /** The options a trial JVM needs, as arguments. */
    List<String> toArgs() {
        return new ArrayList<>(List.of("--rounds", Integer.toString(settings.rounds()),
                "--round-seconds", Double.toString(settings.roundSeconds()),
                "--warmup-seconds", Double.toString(settings.warmupSeconds()),
                "--text-mb", Integer.toString(textMegabytes), "--check-mb", Integer.toString(checkMegabytes),
                "--data", data.toString(), "--work", work.toString(), "--corpora", String.join(",", corpora)));
    }

    static List<Integer> parseSizes(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            int factor = p.endsWith("k") ? 1_000 : p.endsWith("m") ? 1_000_000 : 1;
            String digits = factor == 1 ? p : p.substring(0, p.length() - 1);
            int size;
            try {
                size = Math.multiplyExact(Integer.parseInt(digits), factor);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("--sizes must be counts like 1k,100k,1M, got \"" + part + "\"");
            }
            if (size < 1 || size > BenchData.MAX_PATTERNS) {
                throw new IllegalArgumentException("--sizes must be between 1 and 1M, got \"" + part + "\"");
            }
            out.add(size);
        }
        return List.copyOf(out);
    }

    private static List<String> parsePeers(String value) {
        if (value.equals("all")) {
            return Peers.ALL;
        }
        List<String> out = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String peer : out) {
            if (!Peers.ALL.contains(peer)) {
                throw new IllegalArgumentException("--peers: unknown peer \"" + peer + "\", expected " + Peers.ALL);
            }
        }
        return Peers.ALL.stream().filter(out::contains).toList();
    }

    private static List<String> parseCorpora(String value) {
        List<String> out = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String corpus : out) {
            if (!CORPORA.contains(corpus)) {
                throw new IllegalArgumentException("--corpora: unknown corpus \"" + corpus + "\", expected "
                        + CORPORA);
            }
        }
        return out;
    }

    private static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive integer, got \"" + value + "\"");
    }

    private static double seconds(String key, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive number of seconds, got \"" + value + "\"");
    }

    private static Path defaultData() {
        for (String candidate : List.of("../shared/data", "../../shared/data", "../../../shared/data")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("../shared/data");
    }
}
