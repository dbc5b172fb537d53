package dev.quarry.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.PreviousMapFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.SuffixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * Builds the NER's feature generators from {@link NerSettings}, in code.
 *
 * <p>Features that depend on more than the sentence (pattern matches, the rest of the document, a first-pass model)
 * reach the generators inside the token strings: {@link #encode} appends them to the word after
 * {@link #SEPARATOR}, and the top generator splits them off before OpenNLP's own generators see the words. A model
 * given plain tokens simply sees no such features.
 */
final class FeatureGenerators {

    static final char SEPARATOR = '\u001F';

    private FeatureGenerators() {
    }

    /** The generator for {@code settings}; {@code clusters} must hold every name in {@code settings.clusters()}. */
    static AdaptiveFeatureGenerator create(NerSettings settings, Map<String, WordClusters> clusters) {
        List<AdaptiveFeatureGenerator> generators = new ArrayList<>(List.of(
                new WindowFeatureGenerator(new TokenClassFeatureGenerator(true), 2, 2),
                new WindowFeatureGenerator(new TokenFeatureGenerator(true), 2, 2),
                new OutcomePriorFeatureGenerator(),
                new PreviousMapFeatureGenerator(),
                new BigramNameFeatureGenerator(),
                new SentenceFeatureGenerator(true, false)));
        List<SentenceClusters> clusterings = new ArrayList<>();
        for (String name : settings.clusters()) {
            WordClusters dictionary = clusters.get(name);
            if (dictionary == null) {
                throw new IllegalArgumentException("no word clusters named \"" + name + "\"");
            }
            int w = settings.clusterWindow();
            SentenceClusters sentence = new SentenceClusters(name, dictionary);
            clusterings.add(sentence);
            generators.add(new WindowFeatureGenerator(new ClusterFeature(sentence), w, w));
            if (settings.has(NerFeature.CLUSTER_BIGRAMS)) {
                generators.add(new ClusterBigrams(sentence));
            }
            if (settings.has(NerFeature.CLUSTER_SHAPE)) {
                generators.add(new ClusterShape(sentence));
            }
        }
        if (settings.affixLength() > 0) {
            generators.add(new PrefixFeatureGenerator(settings.affixLength()));
            generators.add(new SuffixFeatureGenerator(settings.affixLength()));
        }
        if (settings.shapes()) {
            generators.add(new WindowFeatureGenerator(new ShapeFeature(), 2, 2));
        }
        AdaptiveFeatureGenerator cached = new CachedFeatureGenerator(
                new AggregatedFeatureGenerator(generators.toArray(AdaptiveFeatureGenerator[]::new)));
        return new ExtrasSplitter(cached, clusterings, settings.has(NerFeature.OUTCOME_CLUSTERS),
                settings.has(NerFeature.DOCUMENT_TOPIC));
    }

    /** A token with extra features, as the generators read it; a plain word when there are none. */
    static String encode(String word, List<String> extras) {
        String clean = word.indexOf(SEPARATOR) < 0 ? word : word.replace(SEPARATOR, '?');
        if (extras.isEmpty()) {
            return clean;
        }
        StringBuilder token = new StringBuilder(clean);
        for (String extra : extras) {
            token.append(SEPARATOR).append(extra);
        }
        return token.toString();
    }

    /** The word of an encoded token, without its extra features. */
    static String plainWord(String token) {
        int separator = token.indexOf(SEPARATOR);
        return separator < 0 ? token : token.substring(0, separator);
    }

    /** The compressed shape: letters as X/x, digits as d, other characters kept; runs collapsed. */
    static String shape(String word) {
        StringBuilder shape = new StringBuilder();
        int last = -1;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            int mapped = Character.isUpperCase(c) ? 'X' : Character.isLetter(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (mapped != last) {
                shape.appendCodePoint(mapped);
                last = mapped;
            }
        }
        return shape.toString();
    }

    /**
     * The cluster ids of one sentence's tokens in one clustering, looked up once per sentence and shared by the
     * cluster feature generators of that clustering (a window asks for each token five times). Not thread-safe.
     */
    static final class SentenceClusters {
        private final String name;
        private final WordClusters dictionary;
        private final String[] featureOfCluster;
        private String[] lastTokens;
        private int[] ids;

        SentenceClusters(String name, WordClusters dictionary) {
            this.name = name;
            this.dictionary = dictionary;
            this.featureOfCluster = new String[dictionary.k()];
            for (int c = 0; c < featureOfCluster.length; c++) {
                featureOfCluster[c] = "c" + name + "=" + c;
            }
        }

        /** The cluster of {@code tokens[index]}, -1 when unknown. */
        int id(String[] tokens, int index) {
            if (tokens != lastTokens) {
                ids = new int[tokens.length];
                for (int i = 0; i < tokens.length; i++) {
                    ids[i] = dictionary.cluster(tokens[i]);
                }
                lastTokens = tokens;
            }
            return ids[index];
        }

        /** {@code c<name>=<cluster>}, or null for an unknown token. */
        String feature(String[] tokens, int index) {
            int id = id(tokens, index);
            return id < 0 ? null : featureOfCluster[id];
        }

        String idText(String[] tokens, int index) {
            int id = id(tokens, index);
            return id < 0 ? "_" : Integer.toString(id);
        }
    }

    /** {@code c<name>=<cluster>} for a token the dictionary knows. */
    private record ClusterFeature(SentenceClusters clusters) implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            String feature = clusters.feature(tokens, index);
            if (feature != null) {
                features.add(feature);
            }
        }
    }

    /** {@code cb<name>=<previous>,<current>} and {@code cb<name>+=<current>,<next>}: {@code _} unknown, ^ $ edges. */
    private record ClusterBigrams(SentenceClusters clusters) implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            String current = clusters.idText(tokens, index);
            String prefix = "cb" + clusters.name;
            features.add(prefix + "=" + (index == 0 ? "^" : clusters.idText(tokens, index - 1)) + "," + current);
            features.add(prefix + "+=" + current + ","
                    + (index + 1 == tokens.length ? "$" : clusters.idText(tokens, index + 1)));
        }
    }

    /** {@code cs<name>=<cluster>,<shape>} for a token the dictionary knows. */
    private record ClusterShape(SentenceClusters clusters) implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            int id = clusters.id(tokens, index);
            if (id >= 0) {
                features.add("cs" + clusters.name + "=" + id + "," + shape(tokens[index]));
            }
        }
    }

    private record ShapeFeature() implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            features.add("sh=" + shape(tokens[index]));
        }
    }

    /**
     * Splits encoded tokens into words (for the inner generators) and extra features, which it adds for the token
     * ({@code x=F}) and its direct neighbours ({@code x-1=F}, {@code x+1=F}); then the features that depend on the
     * previous outcome ({@link NerFeature#OUTCOME_CLUSTERS}, so never cached) or join an extra feature with the
     * clusters ({@link NerFeature#DOCUMENT_TOPIC}). Not thread-safe, like every OpenNLP feature generator: it
     * remembers the last sentence it split.
     */
    private static final class ExtrasSplitter implements AdaptiveFeatureGenerator {
        private final AdaptiveFeatureGenerator inner;
        private final List<SentenceClusters> clusterings;
        private final boolean outcomeClusters;
        private final boolean topicClusters;
        private String[] lastTokens;
        private String[] words;
        private String[][] extras;

        ExtrasSplitter(AdaptiveFeatureGenerator inner, List<SentenceClusters> clusterings, boolean outcomeClusters,
                       boolean topicClusters) {
            this.inner = inner;
            this.clusterings = List.copyOf(clusterings);
            this.outcomeClusters = outcomeClusters;
            this.topicClusters = topicClusters;
        }

        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            split(tokens);
            inner.createFeatures(features, words, index, previousOutcomes);
            add(features, index, "x=");
            if (index > 0) {
                add(features, index - 1, "x-1=");
            }
            if (index + 1 < words.length) {
                add(features, index + 1, "x+1=");
            }
            if (outcomeClusters) {
                String previous = index > 0 ? previousOutcomes[index - 1] : "other";
                for (SentenceClusters clusters : clusterings) {
                    features.add("poc" + clusters.name + "=" + previous + "," + clusters.idText(words, index));
                }
            }
            if (topicClusters) {
                topicFeatures(features, index);
            }
        }

        /** {@code tpc<name>=<topic>,<cluster>} for each {@code tp=<topic>} extra of the token. */
        private void topicFeatures(List<String> features, int index) {
            for (String extra : extras[index]) {
                if (extra.startsWith(ExtraFeatures.TOPIC)) {
                    String topic = extra.substring(ExtraFeatures.TOPIC.length());
                    for (SentenceClusters clusters : clusterings) {
                        features.add("tpc" + clusters.name + "=" + topic + "," + clusters.idText(words, index));
                    }
                }
            }
        }

        private void add(List<String> features, int index, String prefix) {
            for (String extra : extras[index]) {
                features.add(prefix + extra);
            }
        }

        private void split(String[] tokens) {
            if (tokens == lastTokens) {
                return;
            }
            words = new String[tokens.length];
            extras = new String[tokens.length][];
            for (int i = 0; i < tokens.length; i++) {
                String[] parts = tokens[i].split(String.valueOf(SEPARATOR), -1);
                words[i] = parts[0];
                extras[i] = Arrays.copyOfRange(parts, 1, parts.length);
            }
            lastTokens = tokens;
        }

        @Override
        public void updateAdaptiveData(String[] tokens, String[] outcomes) {
            split(tokens);
            inner.updateAdaptiveData(words, outcomes);
        }

        @Override
        public void clearAdaptiveData() {
            inner.clearAdaptiveData();
        }
    }
}
