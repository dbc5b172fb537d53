package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Phrase patterns with one label per category of the public word lists ({@code ../shared/data/corpora-lists}):
 * {@code animals/dogs.json} gives ANIMALS, {@code film-tv/...} FILM_TV. Built reproducibly, the way the matching
 * benchmark builds its list patterns ({@code benchmarks/src/.../BenchData}):
 * <ul>
 *   <li>the files and their main array come from {@code INDEX.tsv}, in its (path) order; an item is a string, or the
 *       first string field of an object; nested-object files without a main array are skipped;</li>
 *   <li>each item is lower-cased and its white space collapsed; kept when it has 1 to 6 words of Latin letters or
 *       digits, is not only digits (the {@code mathematics} lists of numbers), and, as a single word, is neither a
 *       stop word nor among the {@value #TOP_WORDS} most frequent GloVe words (the lists hold "red", "tea", "go");</li>
 *   <li>the category {@code words} (general English vocabulary: "the", "and") is left out;</li>
 *   <li>a phrase listed in several categories keeps the first (by file path).</li>
 * </ul>
 * Matched on lower case ({@link Attr#LOWER}).
 */
final class CategoryPatterns {

    static final int TOP_WORDS = 1000;
    private static final Set<String> SKIPPED_CATEGORIES = Set.of("words");

    private CategoryPatterns() {
    }

    /** The patterns, one per phrase, in INDEX.tsv order. */
    static List<PhrasePattern> patterns(Path lists, Path glove) throws IOException {
        Set<String> top = topWords(glove);
        ObjectMapper json = new ObjectMapper();
        Map<String, String> byPhrase = new LinkedHashMap<>();
        List<String> index = Files.readAllLines(lists.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
        for (String row : index.subList(1, index.size())) {
            String[] cells = row.split("\t");
            String category = cells[0].substring(0, cells[0].indexOf('/'));
            JsonNode list = cells.length < 2 || cells[1].isEmpty() ? null
                    : cells[1].equals("(root)") ? json.readTree(lists.resolve(cells[0]).toFile())
                    : json.readTree(lists.resolve(cells[0]).toFile()).get(cells[1]);
            if (SKIPPED_CATEGORIES.contains(category) || list == null || !list.isArray()) {
                continue;
            }
            String label = category.toUpperCase(Locale.ROOT).replace('-', '_');
            for (JsonNode item : list) {
                String phrase = phrase(itemText(item), top);
                if (phrase != null) {
                    byPhrase.putIfAbsent(phrase, label);
                }
            }
        }
        List<PhrasePattern> patterns = new ArrayList<>(byPhrase.size());
        byPhrase.forEach((phrase, label) -> patterns.add(new PhrasePattern(label, phrase)));
        return patterns;
    }

    static Matcher matcher(List<PhrasePattern> patterns) {
        return Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
    }

    /** Phrases per label, for the report. */
    static Map<String, Integer> counts(List<PhrasePattern> patterns) {
        Map<String, Integer> counts = new TreeMap<>();
        patterns.forEach(p -> counts.merge(p.label(), 1, Integer::sum));
        return counts;
    }

    private static Set<String> topWords(Path glove) throws IOException {
        Set<String> top = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(glove, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && top.size() < TOP_WORDS; line = in.readLine()) {
                top.add(line.substring(0, line.indexOf(' ')));
            }
        }
        return top;
    }

    private static String itemText(JsonNode item) {
        if (item.isTextual()) {
            return item.asText();
        }
        for (JsonNode field : item) {
            if (field.isTextual()) {
                return field.asText();
            }
        }
        return null;
    }

    /** The normalised phrase, or null when the item does not qualify (see the class comment). */
    static String phrase(String text, Set<String> topWords) {
        if (text == null) {
            return null;
        }
        String phrase = String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        String[] words = phrase.split(" ");
        if (words.length > 6 || phrase.chars().allMatch(c -> c >= '0' && c <= '9' || c == ' ')) {
            return null;
        }
        if (words.length == 1 && (topWords.contains(words[0]) || Language.ENGLISH.isStopWord(words[0]))) {
            return null;
        }
        for (String word : words) {
            if (word.isEmpty() || !word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        return phrase;
    }
}
