package dev.quarry.training;

import dev.quarry.text.Doc;
import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a text into weighted features: lower-cased word tokens (punctuation dropped), n-grams joined by {@code _},
 * cluster ids ({@code c<name>=<id>}), entity labels ({@code ENT=<label>}) and character n-grams inside words
 * ({@link #CHARS} + the n-gram, see {@link TextcatSettings#charNgrams()}); each feature's value is its count, 1
 * ({@code binary}), or with {@code tfidf} sublinear tf times idf, the character n-grams and the other features each
 * scaled to unit length. A text without features gets the single feature {@code <empty>}. Thread-safe and
 * immutable.
 */
final class TextcatFeatures {

    static final String EMPTY = "<empty>";
    /** The prefix of character n-gram features (a space: no word token contains one). */
    static final String CHARS = "ch ";

    private final TextcatSettings settings;
    private final Map<String, WordClusters> clusters;
    /** The features with an idf weight, the model's shared feature index (empty without tf-idf). */
    private final FeatureIndex index;
    /** Per id of {@code index}, its idf weight. */
    private final float[] idf;
    /** Per id of {@code index}, whether it is a character n-gram. */
    private final boolean[] charsById;
    private final Tokenizer tokenizer = Tokenizer.standard();

    /** @param idf inverse document frequency per feature when {@code settings.tfidf()}, else ignored (may be empty) */
    TextcatFeatures(TextcatSettings settings, Map<String, WordClusters> clusters, Map<String, Float> idf) {
        this.settings = settings;
        this.clusters = Map.copyOf(clusters);
        this.index = new FeatureIndex(settings.tfidf() ? idf.keySet() : List.of(), CHARS);
        this.idf = new float[index.size()];
        this.charsById = new boolean[index.size()];
        for (int id = 0; id < this.idf.length; id++) {
            this.idf[id] = idf.get(index.name(id));
            this.charsById[id] = isChars(index.name(id));
        }
        for (String name : settings.clusters()) {
            if (!clusters.containsKey(name)) {
                throw new IllegalArgumentException("settings name word clusters \"" + name + "\" but none were given");
            }
        }
    }

    TextcatFeatures(TextcatSettings settings, Map<String, WordClusters> clusters) {
        this(settings, clusters, Map.of());
    }

    /** The same extraction with idf weights fitted on training texts (smoothed: {@code ln((1+n)/(1+df)) + 1}). */
    TextcatFeatures fitIdf(Collection<TextcatExample> training) {
        Map<String, Integer> df = new HashMap<>();
        for (TextcatExample example : training) {
            counts(example).keySet().forEach(f -> df.merge(f, 1, Integer::sum));
        }
        int minDf = Math.max(1, settings.cutoff());
        Map<String, Float> weights = new HashMap<>();
        double n = training.size();
        df.forEach((f, d) -> {
            if (d >= minDf) {
                weights.put(f, (float) (Math.log((1 + n) / (1 + d)) + 1));
            }
        });
        return new TextcatFeatures(settings, clusters, weights);
    }

    /** The idf weight of each feature (a copy; empty without tf-idf). */
    Map<String, Float> idf() {
        Map<String, Float> weights = new HashMap<>(idf.length * 2);
        for (int id = 0; id < idf.length; id++) {
            weights.put(index.name(id), idf[id]);
        }
        return Collections.unmodifiableMap(weights);
    }

    /**
     * The feature index the vectors carry ids of (with tf-idf: every feature that can have a value; without, empty and
     * the vectors carry names only).
     */
    FeatureIndex index() {
        return index;
    }

    FeatureVector vector(TextcatExample example) {
        return settings.tfidf() ? indexedVector(example) : namedVector(example);
    }

    /**
     * The tf-idf vector with ids: features without an idf weight are skipped as they come (their value would be 0), the
     * others counted by id; the same names, values and order as {@link #namedVector}.
     */
    private FeatureVector indexedVector(TextcatExample example) {
        IdCounts counts = new IdCounts(index);
        forEachFeature(example, counts);
        int n = counts.size();
        String[] names = new String[n];
        float[] values = new float[n];
        int[] ids = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int id = counts.id(i);
            int count = counts.count(i);
            float value = (float) ((settings.binary() ? 1 : 1 + Math.log(count)) * idf[id]);
            if (value > 0) {
                names[kept] = index.name(id);
                values[kept] = value;
                ids[kept++] = id;
            }
        }
        if (kept == 0) {
            return new FeatureVector(new String[] {EMPTY}, new float[] {1});
        }
        names = Arrays.copyOf(names, kept);
        values = Arrays.copyOf(values, kept);
        boolean[] charsAt = new boolean[kept];
        for (int i = 0; i < kept; i++) {
            charsAt[i] = charsById[ids[i]];
        }
        unitLength(charsAt, values, false);
        unitLength(charsAt, values, true);
        return new FeatureVector(names, values, index, Arrays.copyOf(ids, kept));
    }

    /** The vector by names alone, each feature looked up by name (without tf-idf, the only way). */
    FeatureVector namedVector(TextcatExample example) {
        Map<String, Integer> counts = counts(example);
        List<String> names = new ArrayList<>(counts.size());
        List<Float> values = new ArrayList<>(counts.size());
        counts.forEach((feature, count) -> {
            float value = settings.binary() ? 1 : count;
            if (settings.tfidf()) {
                int id = index.id(feature);
                value = id < 0 ? 0 : (float) ((settings.binary() ? 1 : 1 + Math.log(count)) * idf[id]);
            }
            if (value > 0) {
                names.add(feature);
                values.add(value);
            }
        });
        return names.isEmpty() ? new FeatureVector(new String[] {EMPTY}, new float[] {1}) : vector(names, values);
    }

    private FeatureVector vector(List<String> names, List<Float> values) {
        String[] nameArray = names.toArray(String[]::new);
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        if (settings.tfidf()) {
            boolean[] charsAt = new boolean[nameArray.length];
            for (int i = 0; i < charsAt.length; i++) {
                charsAt[i] = isChars(nameArray[i]);
            }
            unitLength(charsAt, array, false);
            unitLength(charsAt, array, true);
        }
        return new FeatureVector(nameArray, array);
    }

    /**
     * Scales the values of the character n-grams ({@code chars}; {@code charsAt} says which they are) or of the other
     * features to unit length.
     */
    private static void unitLength(boolean[] charsAt, float[] values, boolean chars) {
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            if (charsAt[i] == chars) {
                squares += (double) values[i] * values[i];
            }
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < values.length; i++) {
            if (charsAt[i] == chars) {
                values[i] /= norm;
            }
        }
    }

    /** Whether a feature is a character n-gram. */
    static boolean isChars(String feature) {
        return feature.startsWith(CHARS);
    }

    /** Every feature of the text with the number of times it occurs, in order of first occurrence. */
    Map<String, Integer> counts(TextcatExample example) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        forEachFeature(example, named(feature -> counts.merge(feature, 1, Integer::sum)));
        return counts;
    }

    /**
     * Receives a text's features in order: each occurrence of a named feature, and each character n-gram as a range
     * of chars of its marked word (the feature's name is {@link #CHARS} followed by those chars).
     */
    interface FeatureSink {

        void feature(String name);

        void charNgram(char[] marked, int start, int end);
    }

    /** A sink passing every feature by name (the character n-grams' names built) to {@code names}. */
    static FeatureSink named(Consumer<String> names) {
        return new FeatureSink() {
            @Override
            public void feature(String name) {
                names.accept(name);
            }

            @Override
            public void charNgram(char[] marked, int start, int end) {
                names.accept(CHARS + new String(marked, start, end - start));
            }
        };
    }

    /** Passes every occurrence of every feature of the text to {@code sink}, in order. */
    private void forEachFeature(TextcatExample example, FeatureSink sink) {
        List<String> words = words(example.text());
        for (int n = 1; n <= settings.ngrams(); n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                sink.feature(n == 1 ? words.get(i) : String.join("_", words.subList(i, i + n)));
            }
        }
        for (String name : settings.clusters()) {
            WordClusters dictionary = clusters.get(name);
            for (String word : words) {
                int cluster = dictionary.cluster(word);
                if (cluster >= 0) {
                    sink.feature("c" + name + "=" + cluster);
                }
            }
        }
        if (settings.charNgrams() > 0) {
            words.forEach(word -> forEachCharNgram(word, settings.charNgrams(), sink));
        }
        if (settings.entityFeatures()) {
            example.entityLabels().forEach(label -> sink.feature("ENT=" + label));
        }
    }

    /**
     * Adds the n-grams of lengths 3 to {@code longest} of {@code <word>} (with its boundary marks) to counts; lengths
     * are in code points, so a character outside the Basic Multilingual Plane is never split.
     */
    static void charNgrams(String word, int longest, Map<String, Integer> counts) {
        forEachCharNgram(word, longest, named(ngram -> counts.merge(ngram, 1, Integer::sum)));
    }

    private static void forEachCharNgram(String word, int longest, FeatureSink sink) {
        char[] marked = ("<" + word + ">").toCharArray();
        int[] starts = codePointStarts(marked);
        int points = starts.length - 1;
        for (int n = 3; n <= longest; n++) {
            for (int i = 0; i + n <= points; i++) {
                sink.charNgram(marked, starts[i], starts[i + n]);
            }
        }
    }

    /** The index of each code point's first char in {@code chars}, then {@code chars.length}. */
    private static int[] codePointStarts(char[] chars) {
        int[] starts = new int[chars.length + 1];
        int points = 0;
        for (int k = 0; k < chars.length; k += Character.charCount(Character.codePointAt(chars, k))) {
            starts[points++] = k;
        }
        starts[points] = chars.length;
        return points == chars.length ? starts : Arrays.copyOf(starts, points + 1);
    }

    private List<String> words(String text) {
        Doc doc = tokenizer.tokenize(text);
        List<String> words = new ArrayList<>(doc.size());
        for (int i = 0; i < doc.size(); i++) {
            String token = doc.tokenText(i);
            if (!TokenAttributes.isPunct(token)) {
                words.add(doc.lower(i));
                if (words.size() == settings.maxWords()) {
                    break;
                }
            }
        }
        return words;
    }
}
