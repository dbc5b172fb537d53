package dev.quarry.terms;

import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import dev.quarry.vectors.NearestNeighbours;
import dev.quarry.vectors.Neighbour;
import dev.quarry.vectors.PhraseVector;
import dev.quarry.vectors.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * Seed expansion: ranks words of the vectors (and, with a corpus, its frequent n-grams) by how close they are to the
 * accepted terms and how far from the rejected ones.
 *
 * <h2>Scoring</h2>
 * With {@code q} the normalised mean of the accepted terms' unit vectors (a multi-word term's vector is the mean of its
 * words' vectors), and {@code R} the rejected terms' vectors, a candidate {@code c} scores
 * <pre>    score(c) = cos(c, q) - λ · max(0, max over r in R of cos(c, r) - cos(c, q))</pre>
 * with λ = {@link ExpansionSettings#rejectWeight()}: a candidate loses score only as far as it is more like some
 * rejected term than like the accepted ones. (A plain {@code - λ · cos(c, r)} would punish the whole neighbourhood:
 * rejecting {@code dengue} would push every disease down with it.) Ranking by {@code cos(c, q)} is ranking by the
 * mean cosine to the accepted terms, so a word close to all of them beats a word very close to one. For an n-gram {@code cos(c, q)} is
 * the mean of the phrase vector's cosine and its weakest word's cosine: a mean of word vectors is closer to any
 * topical query than single words are, and {@code "design desktop"} should not win on {@code desktop} alone.
 * The {@code similarity} of a {@link Candidate} is this value. Single words come from the
 * {@link ExpansionSettings#poolSize()} nearest neighbours of {@code q} (through the given {@link NearestNeighbours},
 * exact or HNSW); n-grams are all scored. Candidates with the same variant key (case, plural, possessive; see the
 * package documentation) are one entry with the best score, named by the base form when it is among them
 * ({@code infection}, variant {@code infections}), unless the two forms' cosines to {@code q} differ by more than
 * {@link ExpansionSettings#maxVariantGap()} ({@code aids} and {@code aid} for disease seeds); entries are sorted by
 * score, then term.
 *
 * <h2>Exclusions</h2>
 * Never suggested: stop words and number-like words of {@link ExpansionSettings#language()}, tokens that are not
 * words (punctuation, a leading digit, one character), anything with the variant key of an accepted, rejected or
 * otherwise excluded term (so the seeds and their plurals). With a corpus, only words and n-grams that occur in it.
 * N-grams that contain an accepted single-word term (or a variant) are left out too: {@code "unix system"} is the
 * accepted {@code unix} with a modifier, and its phrase vector is close to the query for that reason alone; such
 * phrases would crowd out every new term. (The price: with {@code flu} accepted, {@code "bird flu"} is not suggested.
 * Accepting {@code "swine flu"} does not exclude {@code "bird flu"}.)
 *
 * <p>Immutable and thread-safe once created; creation reads the whole corpus vocabulary and n-gram table once.
 */
public final class TermExpander {

    private final WordVectors vectors;
    private final NearestNeighbours search;
    private final ExpansionSettings settings;
    private final Tokenizer tokenizer;
    private final CorpusStatistics corpus;
    private final Vocabulary vocabulary;
    private final NgramTable ngrams;

    private TermExpander(WordVectors vectors, NearestNeighbours search, ExpansionSettings settings,
                         Tokenizer tokenizer, CorpusStatistics corpus) {
        this.vectors = vectors;
        this.search = search;
        this.settings = settings;
        this.tokenizer = tokenizer;
        this.corpus = corpus;
        this.vocabulary = new Vocabulary(vectors, settings.language(), corpus == null ? null : wordCounts(corpus));
        this.ngrams = corpus == null ? NgramTable.empty(vectors.dimension())
                : NgramTable.build(corpus, vocabulary, vectors, settings);
    }

    /**
     * An expander over {@code vectors}, searching with {@code search} (which must be built on the same vectors).
     *
     * @param tokenizer splits terms into words (for multi-word seeds and patterns)
     * @param corpus    the corpus to ground suggestions in, or null to suggest from the whole vocabulary
     */
    public static TermExpander create(WordVectors vectors, NearestNeighbours search, ExpansionSettings settings,
                                      Tokenizer tokenizer, CorpusStatistics corpus) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokenizer, "tokenizer");
        return new TermExpander(vectors, search, settings, tokenizer, corpus);
    }

    /** An expander without a corpus, exact search and the standard tokenizer. */
    public static TermExpander create(WordVectors vectors, ExpansionSettings settings) {
        return create(vectors, vectors.exactSearch(), settings, Tokenizer.standard(), null);
    }

    /** Splits seeds into those with a vector (as entries with their variants) and those without (as given). */
    public SeedCheck checkSeeds(List<String> seeds) {
        List<TermEntry> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String seed : seeds) {
            String term = String.join(" ", seed.strip().split("\\s+"));
            if (term.isEmpty()) {
                continue;
            }
            TermEntry entry = new TermEntry(term, variantsOf(term));
            if (vector(entry).isEmpty()) {
                missing.add(term);
            } else {
                found.add(entry);
            }
        }
        return new SeedCheck(agreeingVariants(found), missing);
    }

    /**
     * Each seed with the variants that the other seeds' mean vector does not tell apart from it (see
     * {@link #keyFor}; the seed's own vector is left out of the mean, which it would pull towards itself). A single
     * seed keeps all its variants: there is nothing to compare with.
     */
    private List<TermEntry> agreeingVariants(List<TermEntry> seeds) {
        if (seeds.size() < 2) {
            return seeds;
        }
        List<TermEntry> out = new ArrayList<>();
        for (TermEntry seed : seeds) {
            List<TermEntry> others = new ArrayList<>(seeds);
            others.remove(seed);
            float[] query = meanVector(others);
            String key = keyFor(seed.term(), query);
            out.add(new TermEntry(seed.term(),
                    seed.variants().stream().filter(v -> keyFor(v, query).equals(key)).toList()));
        }
        return out;
    }

    /**
     * The best candidates, at most {@code top}, with a score of at least {@code threshold}.
     *
     * @param accepted terms the candidates should be like; at least one must have a vector
     * @param rejected terms the candidates should not be like
     * @param excluded further terms never to suggest (with their variants), such as skipped ones
     * @throws IllegalArgumentException if no accepted term has a vector, or {@code top < 1}
     */
    public List<Candidate> rank(List<TermEntry> accepted, List<TermEntry> rejected, Collection<String> excluded,
                                int top, double threshold) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be >= 1, got " + top);
        }
        float[] query = meanVector(accepted);
        List<float[]> against = rejected.stream().map(this::vector).flatMap(Optional::stream).toList();
        Set<String> excludedKeys = new HashSet<>();
        accepted.forEach(e -> excludedKeys.addAll(keysOf(e)));
        rejected.forEach(e -> excludedKeys.addAll(keysOf(e)));
        excluded.forEach(t -> excludedKeys.add(vocabulary.key(t)));
        Map<String, Scored> best = new HashMap<>();
        scoreWords(query, against, excludedKeys, best);
        scoreNgrams(query, against, excludedKeys, singleWordKeys(accepted), best);
        return best.values().stream()
                .filter(s -> s.score >= threshold)
                .sorted(Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(s -> s.term))
                .limit(top)
                .map(s -> toCandidate(s, query))
                .toList();
    }

    /** A corpus sentence with the term (or one of its variants), or empty (always without a corpus). */
    public Optional<String> example(TermEntry entry) {
        if (corpus == null) {
            return Optional.empty();
        }
        for (String form : entry.forms()) {
            Optional<String> found = corpus.example(words(form));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether the term or one of its variants has a vector. */
    public boolean hasVector(TermEntry entry) {
        return vector(entry).isPresent();
    }

    /** Whether this expander counts in a corpus. */
    public boolean hasCorpus() {
        return corpus != null;
    }

    /** The words of a term, lower-cased, as the tokenizer splits them. */
    public List<String> words(String term) {
        return tokenizer.tokenize(term).tokens().stream().map(t -> TokenAttributes.lower(t.text())).toList();
    }

    private void scoreWords(float[] query, List<float[]> against, Set<String> excludedKeys, Map<String, Scored> best) {
        List<Neighbour> pool = search.search(query, settings.poolSize(),
                row -> vocabulary.eligible(row) && !excludedKeys.contains(vocabulary.key(row)));
        for (Neighbour n : pool) {
            double penalty = 0;
            for (float[] r : against) {
                penalty = Math.max(penalty, vectors.dot(n.index(), r));
            }
            offer(best, new Scored(keyFor(n.index(), query), n.word(), false, score(n.score(), penalty),
                    n.score()));
        }
    }

    /**
     * The key a row is grouped under for this query: its variant key, unless the row is an inflected or other form
     * of a base word that has a vector too and the two forms' cosines to the query differ by more than
     * {@link ExpansionSettings#maxVariantGap()}; then the form is its own term, keyed by its spelling without a plural
     * ending undone. With disease seeds, {@code aids} is far closer to the query than {@code aid}: two entries.
     */
    private String keyFor(int row, float[] query) {
        String key = vocabulary.key(row);
        java.util.OptionalInt base = vectors.indexOf(key);
        if (base.isEmpty() || base.getAsInt() == row) {
            return key;
        }
        double gap = Math.abs(vectors.dot(row, query) - vectors.dot(base.getAsInt(), query));
        return gap <= settings.maxVariantGap() ? key : vocabulary.spellingKeyWithoutPlural(vectors.word(row));
    }

    /** {@link #keyFor(int, float[])} for a word given as text: its row if it has one, else its variant key. */
    private String keyFor(String word, float[] query) {
        java.util.OptionalInt row = word.indexOf(' ') >= 0 ? java.util.OptionalInt.empty() : vectors.lookup(word);
        return row.isPresent() ? keyFor(row.getAsInt(), query) : vocabulary.key(word);
    }

    private void scoreNgrams(float[] query, List<float[]> against, Set<String> excludedKeys,
                             Set<String> acceptedWords, Map<String, Scored> best) {
        float[] wordCosines = new float[ngrams.size() == 0 ? 0 : vectors.size()];
        Arrays.fill(wordCosines, Float.NaN);
        for (int i = 0; i < ngrams.size(); i++) {
            if (excludedKeys.contains(ngrams.key(i)) || ngrams.containsAny(i, acceptedWords)) {
                continue;
            }
            double weakest = Double.MAX_VALUE;
            for (int row : ngrams.wordRows(i)) {
                if (Float.isNaN(wordCosines[row])) {
                    wordCosines[row] = vectors.dot(row, query);
                }
                weakest = Math.min(weakest, wordCosines[row]);
            }
            double similarity = (ngrams.dot(i, query) + weakest) / 2;
            double penalty = 0;
            for (float[] r : against) {
                penalty = Math.max(penalty, ngrams.dot(i, r));
            }
            offer(best, new Scored(ngrams.key(i), ngrams.term(i), true, score(similarity, penalty), similarity));
        }
    }

    /** The score from the similarity to the query and the highest similarity to a rejected term (0 if none). */
    private double score(double similarity, double closestRejected) {
        return similarity - settings.rejectWeight() * Math.max(0, closestRejected - similarity);
    }

    private static void offer(Map<String, Scored> best, Scored scored) {
        best.merge(scored.key, scored, (a, b) -> b.score > a.score ? b : a);
    }

    private Candidate toCandidate(Scored s, float[] query) {
        List<String> forms = new ArrayList<>();
        forms.add(s.term);
        if (s.multiWord) {
            ngrams.withKey(s.key).forEach(i -> forms.add(ngrams.term(i)));
        } else {
            Set<Integer> rows = new java.util.TreeSet<>(vocabulary.rows(s.key));
            rows.addAll(vocabulary.rows(vocabulary.key(s.term)));
            rows.stream().filter(row -> keyFor(row, query).equals(s.key))
                    .forEach(row -> forms.add(vectors.word(row)));
        }
        String term = forms.contains(s.key) ? s.key : s.term;
        List<String> variants = forms.stream().distinct().filter(f -> !f.equals(term))
                .limit(settings.maxVariants()).toList();
        TermEntry entry = new TermEntry(term, variants);
        return new Candidate(entry, s.score, s.similarity, corpus == null ? -1 : frequency(entry, s.multiWord));
    }

    private long frequency(TermEntry entry, boolean multiWord) {
        if (multiWord) {
            return ngrams.withKey(vocabulary.key(entry.term())).stream().mapToLong(ngrams::count).sum();
        }
        Set<String> lower = new LinkedHashSet<>();
        entry.forms().forEach(f -> lower.add(TokenAttributes.lower(f)));
        return lower.stream().mapToLong(vocabulary::count).sum();
    }

    private List<String> variantsOf(String term) {
        if (term.indexOf(' ') >= 0) {
            return List.of();
        }
        String key = vocabulary.key(term);
        return vocabulary.rows(key).stream().map(vectors::word).limit(settings.maxVariants()).toList();
    }

    /** The keys of the accepted terms that are single words. */
    private Set<String> singleWordKeys(List<TermEntry> accepted) {
        Set<String> keys = new HashSet<>();
        for (TermEntry entry : accepted) {
            entry.forms().stream().filter(f -> f.indexOf(' ') < 0).forEach(f -> keys.add(vocabulary.key(f)));
        }
        return keys;
    }

    private Set<String> keysOf(TermEntry entry) {
        Set<String> keys = new HashSet<>();
        entry.forms().forEach(f -> keys.add(vocabulary.key(f)));
        return keys;
    }

    private float[] meanVector(List<TermEntry> accepted) {
        float[] sum = new float[vectors.dimension()];
        int found = 0;
        for (TermEntry entry : accepted) {
            Optional<float[]> v = vector(entry);
            if (v.isPresent()) {
                found++;
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += v.get()[d];
                }
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("none of the " + accepted.size() + " accepted terms has a vector");
        }
        return normalise(sum);
    }

    /** The vector of the term, else of the first variant that has one. */
    private Optional<float[]> vector(TermEntry entry) {
        for (String form : entry.forms()) {
            PhraseVector v = vectors.phraseVector(words(form));
            if (!v.isEmpty()) {
                return Optional.of(v.vector());
            }
        }
        return Optional.empty();
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (v[d] / norm);
            }
        }
        return v;
    }

    private static ObjectLongHashMap<String> wordCounts(CorpusStatistics corpus) {
        ObjectLongHashMap<String> counts = new ObjectLongHashMap<>();
        corpus.forEachWord((word, count) -> counts.addToValue(TokenAttributes.lower(word), count));
        return counts;
    }

    private record Scored(String key, String term, boolean multiWord, double score, double similarity) {
    }
}
