import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.terms.Candidate;
import dev.quarry.terms.ExpansionSettings;
import dev.quarry.terms.SeedCheck;
import dev.quarry.terms.TermExpander;
import dev.quarry.text.Language;
import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import dev.quarry.vectors.HnswIndex;
import dev.quarry.vectors.HnswSettings;
import dev.quarry.vectors.NearestNeighbours;
import dev.quarry.vectors.Neighbour;
import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seed expansion against category lists: for each list, several draws of 5 seeds (seeded random) from the list's
 * single words that have vectors; the rest of those words is the gold set. Quarry's batch expansion (exact and HNSW
 * search) is scored against a naive baseline (each seed's nearest neighbours, taken round-robin, same word filter,
 * no grouping). Usage: {@code TermsBenchmark VECTORS LISTS_DIR WORK_DIR [SEED] [DRAWS]}.
 */
public final class TermsBenchmark {

    /** The lists: path under LISTS_DIR and the key of the list's array ("" for a top-level array). */
    static final String[][] LISTS = {
        {"animals/common.json", "animals"}, {"foods/fruits.json", "fruits"},
        {"foods/vegetables.json", "vegetables"}, {"geography/countries.json", "countries"},
        {"humans/occupations.json", "occupations"}, {"sports/sports.json", "sports"},
        {"music/instruments.json", "instruments"}, {"materials/metals.json", "metals"},
        {"foods/fish.json", "fish"}, {"plants/flowers.json", "flowers"},
        {"materials/gemstones.json", "gemstones"}, {"humans/bodyParts.json", "bodyParts"},
        {"foods/herbs_n_spices.json", "spices"}, {"geography/nationalities.json", "nationalities"},
        {"music/genres.json", "genres"}, {"architecture/rooms.json", "rooms"},
        {"materials/fabrics.json", "fabrics"}, {"objects/clothing.json", "clothes"},
        {"books/academic_subjects.json", "subjects"}, {"technology/programming_languages.json", ""},
    };
    static final int SEEDS = 5;
    static final int TOP = 100;
    static final int[] CUTS = {10, 50, 100};

    record Score(double[] precision, double recall) {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path vectorsFile = Path.of(args[0]);
        Path lists = Path.of(args[1]);
        Path work = Path.of(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        int draws = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Files.createDirectories(work);

        long t0 = System.nanoTime();
        WordVectors vectors = WordVectors.load(vectorsFile);
        System.out.printf("vectors: %s, %,d x %d, text load %.0f ms%n", vectorsFile.getFileName(), vectors.size(),
                vectors.dimension(), ms(t0));
        HnswIndex hnsw = openHnsw(vectors, work.resolve("hnsw"));
        TermExpander exact = TermExpander.create(vectors, vectors.exactSearch(), ExpansionSettings.defaults(),
                Tokenizer.standard(), null);
        TermExpander approximate = TermExpander.create(vectors, hnsw, ExpansionSettings.defaults(),
                Tokenizer.standard(), null);
        TermExpander spelling = TermExpander.create(vectors, vectors.exactSearch(),
                ExpansionSettings.defaults().withMaxVariantGap(2), Tokenizer.standard(), null);

        System.out.printf("%d lists, %d draws of %d seeds each (seed %d), top %d; P@k = hits in the first k / k, "
                + "R@100 = gold words found in the first 100 / gold words%n%n", LISTS.length, draws, SEEDS, seed, TOP);
        System.out.println("| list | words | Quarry exact P@10 | P@50 | P@100 | R@100 | Quarry HNSW P@10 | P@50 "
                + "| P@100 | R@100 | naive P@10 | P@50 | P@100 | R@100 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        double[][] totals = new double[3][4];
        double[] spellingTotals = new double[4];
        long[] variants = new long[2];
        long[] nanos = new long[3];
        ObjectMapper json = new ObjectMapper();
        for (int l = 0; l < LISTS.length; l++) {
            List<String> words = listWords(json, lists.resolve(LISTS[l][0]), LISTS[l][1], vectors);
            double[][] sums = new double[3][4];
            for (int d = 0; d < draws; d++) {
                List<String> shuffled = new ArrayList<>(words);
                Collections.shuffle(shuffled, new Random(seed * 1_000_003L + l * 101L + d));
                List<String> seeds = shuffled.subList(0, SEEDS);
                Set<String> gold = new HashSet<>(shuffled.subList(SEEDS, shuffled.size()));
                long s = System.nanoTime();
                List<Set<String>> ranked = ours(exact, seeds);
                add(sums[0], score(ranked, gold));
                nanos[0] += System.nanoTime() - s;
                List<Set<String>> bySpelling = ours(spelling, seeds);
                add(spellingTotals, score(bySpelling, gold));
                variants[0] += variantCount(ranked);
                variants[1] += variantCount(bySpelling);
                s = System.nanoTime();
                add(sums[1], score(ours(approximate, seeds), gold));
                nanos[1] += System.nanoTime() - s;
                s = System.nanoTime();
                add(sums[2], score(naive(vectors, seeds), gold));
                nanos[2] += System.nanoTime() - s;
            }
            StringBuilder row = new StringBuilder("| " + LISTS[l][0].replace(".json", "") + " | " + words.size());
            for (int m = 0; m < 3; m++) {
                for (int c = 0; c < 4; c++) {
                    row.append(String.format(" | %.2f", sums[m][c] / draws));
                    totals[m][c] += sums[m][c] / draws;
                }
            }
            System.out.println(row + " |");
        }
        StringBuilder mean = new StringBuilder("| **mean** | ");
        for (int m = 0; m < 3; m++) {
            for (int c = 0; c < 4; c++) {
                mean.append(String.format(" | **%.3f**", totals[m][c] / LISTS.length));
            }
        }
        System.out.println(mean + " |");
        System.out.printf("%nvariant grouping: with the default maxVariantGap (%.1f) the top-%d entries list %d variants; "
                + "grouped by spelling alone (maxVariantGap 2, the former rule) P@10 %.3f, P@50 %.3f, P@100 %.3f, "
                + "R@100 %.3f, %d variants%n", ExpansionSettings.defaults().maxVariantGap(), TOP, variants[0],
                spellingTotals[0] / draws / LISTS.length, spellingTotals[1] / draws / LISTS.length,
                spellingTotals[2] / draws / LISTS.length, spellingTotals[3] / draws / LISTS.length, variants[1]);
        int runs = LISTS.length * draws;
        System.out.printf("%nmean time per expansion (top %d, pool %d, single query thread): Quarry exact %.2f ms, "
                + "Quarry HNSW %.2f ms, naive (5 exact searches) %.2f ms%n", TOP,
                ExpansionSettings.defaults().poolSize(), nanos[0] / 1e6 / runs, nanos[1] / 1e6 / runs,
                nanos[2] / 1e6 / runs);
        hnsw.close();
    }

    /** Quarry's batch expansion: a list of entries, each the term and its variants. */
    static List<Set<String>> ours(TermExpander expander, List<String> seeds) {
        SeedCheck check = expander.checkSeeds(seeds);
        List<Set<String>> out = new ArrayList<>();
        for (Candidate c : expander.rank(check.found(), List.of(), List.of(), TOP, Double.NEGATIVE_INFINITY)) {
            out.add(new LinkedHashSet<>(c.entry().forms()));
        }
        return out;
    }

    /** Round-robin over each seed's exact nearest neighbours, skipping seeds, repeats and non-words. */
    static List<Set<String>> naive(WordVectors vectors, List<String> seeds) {
        NearestNeighbours search = vectors.exactSearch();
        List<List<Neighbour>> lists = new ArrayList<>();
        for (String seed : seeds) {
            int row = vectors.indexOf(seed).orElseThrow();
            lists.add(search.search(vectors.vector(row), TOP + SEEDS + 50));
        }
        Set<String> seen = new LinkedHashSet<>(seeds);
        List<Set<String>> out = new ArrayList<>();
        for (int rank = 0; out.size() < TOP && rank < TOP + SEEDS + 50; rank++) {
            for (List<Neighbour> list : lists) {
                String word = list.get(rank).word();
                if (out.size() < TOP && isWord(word) && seen.add(word)) {
                    out.add(Set.of(word));
                }
            }
        }
        return out;
    }

    static long variantCount(List<Set<String>> entries) {
        return entries.stream().mapToLong(forms -> forms.size() - 1).sum();
    }

    static Score score(List<Set<String>> ranked, Set<String> gold) {
        double[] precision = new double[CUTS.length];
        Set<String> found = new HashSet<>();
        int hits = 0;
        int cut = 0;
        for (int i = 0; i < TOP; i++) {
            if (i < ranked.size()) {
                Set<String> forms = ranked.get(i);
                boolean hit = false;
                for (String form : forms) {
                    if (gold.contains(form)) {
                        hit = true;
                        found.add(form);
                    }
                }
                hits += hit ? 1 : 0;
            }
            if (i + 1 == CUTS[cut]) {
                precision[cut++] = hits / (double) CUTS[cut - 1];
            }
        }
        return new Score(precision, found.size() / (double) gold.size());
    }

    static void add(double[] sums, Score s) {
        for (int c = 0; c < 3; c++) {
            sums[c] += s.precision()[c];
        }
        sums[3] += s.recall();
    }

    /** The list's single-word items, lower-cased, that have a vector, sorted. */
    static List<String> listWords(ObjectMapper json, Path file, String key, WordVectors vectors) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode array = key.isEmpty() ? root : root.get(key);
        Set<String> words = new TreeSet<>();
        for (JsonNode item : array) {
            String text = item.asText().strip().toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && !text.contains(" ") && vectors.indexOf(text).isPresent()) {
                words.add(text);
            }
        }
        return new ArrayList<>(words);
    }

    /** The same word filter Quarry applies: starts with a letter, no stop word, not like a number, 2+ chars. */
    static boolean isWord(String word) {
        if (word.length() < 2 || !Character.isLetter(word.codePointAt(0))) {
            return false;
        }
        for (char c : word.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '\'' && c != '.') {
                return false;
            }
        }
        return !Language.ENGLISH.isStopWord(TokenAttributes.lower(word)) && !TokenAttributes.likeNum(word,
                Language.ENGLISH);
    }

    static HnswIndex openHnsw(WordVectors vectors, Path dir) throws IOException {
        HnswSettings settings = HnswSettings.defaults();
        if (Files.isDirectory(dir)) {
            try {
                HnswIndex index = HnswIndex.open(vectors, dir, settings.searchBeam());
                System.out.println("HNSW: reused " + dir);
                return index;
            } catch (IOException e) {
                System.out.println("HNSW: rebuilding (" + e.getMessage() + ")");
            }
        }
        long t0 = System.nanoTime();
        HnswIndex index = HnswIndex.build(vectors, dir, settings);
        System.out.printf("HNSW: built in %.1f s (M %d, beam %d, %d threads)%n", ms(t0) / 1000,
                settings.maxConnections(), settings.beamWidth(), settings.buildThreads());
        return index;
    }

    static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
