package dev.quarry.terms;

import dev.quarry.vectors.PhraseVector;
import dev.quarry.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-word candidates: the corpus's most frequent n-grams whose words all have vectors, with their phrase vectors
 * (mean of the word vectors, normalised) in one row-major matrix. Immutable once built.
 */
final class NgramTable {

    private final String[] terms;
    private final String[] keys;
    private final long[] counts;
    private final float[] matrix;
    private final int dim;
    private final String[][] wordKeys;
    private final int[][] wordRows;
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    private NgramTable(String[] terms, String[] keys, long[] counts, float[] matrix, int dim, String[][] wordKeys) {
        this.terms = terms;
        this.wordKeys = wordKeys;
        this.wordRows = new int[terms.length][];
        this.keys = keys;
        this.counts = counts;
        this.matrix = matrix;
        this.dim = dim;
        for (int i = 0; i < keys.length; i++) {
            byKey.computeIfAbsent(keys[i], k -> new ArrayList<>(2)).add(i);
        }
    }

    /** The n-grams with this variant key, most frequent first. */
    List<Integer> withKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    static NgramTable empty(int dim) {
        return new NgramTable(new String[0], new String[0], new long[0], new float[0], dim, new String[0][]);
    }

    private record Counted(String ngram, long count) {
    }

    /**
     * The corpus's n-grams seen at least {@code minNgramCount} times that qualify as terms and whose words all have
     * vectors: the {@code maxNgrams} most frequent of them.
     */
    static NgramTable build(CorpusStatistics corpus, Vocabulary vocabulary, WordVectors vectors, ExpansionSettings s) {
        List<Counted> kept = new ArrayList<>();
        List<float[]> phraseVectors = new ArrayList<>();
        for (Counted c : frequentTerms(corpus, s)) {
            PhraseVector v = vectors.phraseVector(Arrays.asList(c.ngram().split(" ")));
            if (v.missing().isEmpty()) {
                kept.add(c);
                phraseVectors.add(v.vector());
                if (kept.size() == s.maxNgrams()) {
                    break;
                }
            }
        }
        int dim = vectors.dimension();
        float[] matrix = new float[kept.size() * dim];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(phraseVectors.get(i), 0, matrix, i * dim, dim);
        }
        String[] terms = kept.stream().map(Counted::ngram).toArray(String[]::new);
        NgramTable table = new NgramTable(terms, Arrays.stream(terms).map(vocabulary::key).toArray(String[]::new),
                kept.stream().mapToLong(Counted::count).toArray(), matrix, dim,
                Arrays.stream(terms).map(t -> Arrays.stream(t.split(" ")).map(vocabulary::key)
                        .toArray(String[]::new)).toArray(String[][]::new));
        for (int i = 0; i < terms.length; i++) {
            table.wordRows[i] = Arrays.stream(terms[i].split(" ")).mapToInt(w -> vectors.lookup(w).getAsInt())
                    .toArray();
        }
        return table;
    }

    private static List<Counted> frequentTerms(CorpusStatistics corpus, ExpansionSettings s) {
        List<Counted> all = new ArrayList<>();
        corpus.forEachNgram((ngram, count) -> {
            if (count >= s.minNgramCount() && qualifies(ngram, s)) {
                all.add(new Counted(ngram, count));
            }
        });
        all.sort(Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::ngram));
        return all;
    }

    /** Every word is a candidate word or an inner stop word ({@code "bird flu"}, {@code "bill of rights"}). */
    private static boolean qualifies(String ngram, ExpansionSettings s) {
        String[] words = ngram.split(" ");
        if (words.length < 2 || words.length > 4) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            boolean edge = i == 0 || i == words.length - 1;
            boolean stop = s.language().isStopWord(words[i]);
            if ((edge && stop) || (!stop && !Vocabulary.isCandidateWord(words[i], s.language()))) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return terms.length;
    }

    String term(int i) {
        return terms[i];
    }

    String key(int i) {
        return keys[i];
    }

    /** The vectors' rows of the words of n-gram {@code i}, looked up as {@link WordVectors#lookup} does. */
    int[] wordRows(int i) {
        return wordRows[i];
    }

    /** Whether a word of n-gram {@code i} has one of these variant keys. */
    boolean containsAny(int i, java.util.Set<String> wordKeySet) {
        for (String key : wordKeys[i]) {
            if (wordKeySet.contains(key)) {
                return true;
            }
        }
        return false;
    }

    long count(int i) {
        return counts[i];
    }

    /** The dot product of n-gram {@code i}'s phrase vector with {@code query}. */
    double dot(int i, float[] query) {
        double sum = 0;
        int offset = i * dim;
        for (int d = 0; d < dim; d++) {
            sum += matrix[offset + d] * query[d];
        }
        return sum;
    }
}
