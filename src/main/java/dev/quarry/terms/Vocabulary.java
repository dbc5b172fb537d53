package dev.quarry.terms;

import dev.quarry.text.Language;
import dev.quarry.text.TokenAttributes;
import dev.quarry.vectors.WordVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * The single-word side of expansion: which rows of the vectors may be suggested, each row's variant key, the rows per
 * key, and (with a corpus) the corpus's word counts. Built once per expander; immutable afterwards.
 */
final class Vocabulary {

    private final WordVectors vectors;
    private final Language language;
    private final ObjectLongHashMap<String> corpusCounts;
    private final String[] keys;
    private final boolean[] eligible;
    private final Map<String, List<Integer>> rowsByKey = new HashMap<>();

    Vocabulary(WordVectors vectors, Language language, ObjectLongHashMap<String> corpusCounts) {
        this.vectors = vectors;
        this.language = language;
        this.corpusCounts = corpusCounts;
        this.keys = new String[vectors.size()];
        this.eligible = new boolean[vectors.size()];
        for (int row = 0; row < vectors.size(); row++) {
            String word = vectors.word(row);
            keys[row] = key(word);
            eligible[row] = isCandidateWord(word, language) && (corpusCounts == null || count(word) > 0);
            if (eligible[row]) {
                rowsByKey.computeIfAbsent(keys[row], k -> new ArrayList<>(2)).add(row);
            }
        }
    }

    /** The variant key of a term; see {@link #isBase} for which bases count. */
    String key(String term) {
        return Variants.key(term, this::isBase);
    }

    /** The key of a term with no plural ending undone: case, accents and possessive only ({@code aids} stays). */
    String spellingKeyWithoutPlural(String term) {
        return Variants.key(term, (base, word) -> false);
    }

    String key(int row) {
        return keys[row];
    }

    boolean eligible(int row) {
        return eligible[row];
    }

    /** Eligible rows with this key, most frequent word (lowest row) first. */
    List<Integer> rows(String key) {
        return rowsByKey.getOrDefault(key, List.of());
    }

    /** Corpus occurrences of a word (any case), 0 without a corpus. */
    long count(String word) {
        return corpusCounts == null ? 0 : corpusCounts.get(TokenAttributes.lower(word));
    }

    /**
     * A base form for a plural: a word of the vectors not much rarer than the plural (its row at most
     * {@code 2 * row(plural) + 2000}, rows being in frequency order; this keeps {@code rabies} away from a rare
     * {@code raby}), or, with a corpus, a word seen in it at least a quarter as often as the plural.
     */
    private boolean isBase(String base, String plural) {
        java.util.OptionalInt baseRow = vectors.indexOf(base);
        if (baseRow.isPresent()) {
            java.util.OptionalInt pluralRow = vectors.indexOf(plural);
            return pluralRow.isEmpty() || baseRow.getAsInt() <= 2L * pluralRow.getAsInt() + 2000;
        }
        return corpusCounts != null && corpusCounts.get(base) * 4 >= Math.max(1, corpusCounts.get(plural));
    }

    /**
     * A word that may be suggested: at least two characters, starts with a letter, only letters, digits inside a
     * word ({@code covid-19} is kept), hyphens, apostrophes and dots; not a stop word; not like a number.
     */
    static boolean isCandidateWord(String word, Language language) {
        if (word.length() < 2 || !Character.isLetter(word.codePointAt(0))) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '\'' && c != '.' && !Character.isSurrogate(c)) {
                return false;
            }
        }
        String lower = TokenAttributes.lower(word);
        return !language.isStopWord(lower) && !TokenAttributes.likeNum(word, language);
    }
}
