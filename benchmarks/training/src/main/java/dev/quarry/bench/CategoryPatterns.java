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
 * benchmark builds its list patterns ({@code benchmarks/src/.../BenchData}), but reading every list of a file:
 * <ul>
 *   <li>the files come from {@code INDEX.tsv}, in its (path) order; an item is a string inside an array (at any
 *       depth, so {@code religion/religions.json}, whose index entry names only one of its six lists, gives all six),
 *       or the first string field of an object inside an array (a saint's name, a team's name); top-level strings
 *       ({@code description}, {@code source}) never are;</li>
 *   <li>{@code games/jeopardy_questions.json} is left out: it holds trivia questions, not games (its first string
 *       field, the question's category, would make "the bible" a GAMES phrase);</li>
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
    private static final Set<String> SKIPPED_FILES = Set.of("games/jeopardy_questions.json");

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
            if (SKIPPED_CATEGORIES.contains(category) || SKIPPED_FILES.contains(cells[0])) {
                continue;
            }
            String label = category.toUpperCase(Locale.ROOT).replace('-', '_');
            List<String> items = new ArrayList<>();
            collect(json.readTree(lists.resolve(cells[0]).toFile()), false, items);
            for (String item : items) {
                String phrase = phrase(item, top);
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

    /** The items of a file in document order: strings in arrays, first string fields of objects in arrays. */
    private static void collect(JsonNode node, boolean inArray, List<String> items) {
        if (node.isTextual() && inArray) {
            items.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, true, items));
        } else if (node.isObject()) {
            boolean named = !inArray;
            for (JsonNode field : node) {
                if (!named && field.isTextual()) {
                    items.add(field.asText());
                    named = true;
                } else if (field.isContainerNode()) {
                    collect(field, false, items);
                }
            }
        }
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
