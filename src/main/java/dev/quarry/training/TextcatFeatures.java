package dev.quarry.training;

import dev.quarry.text.Doc;
import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a text into the feature strings the document categorizer sees (OpenNLP's bag-of-words generator then adds
 * its {@code bow=} prefix): lower-cased word tokens (punctuation dropped), n-grams joined by {@code _}, cluster ids
 * and entity labels. Thread-safe.
 */
final class TextcatFeatures {

    private final TextcatSettings settings;
    private final Map<String, WordClusters> clusters;
    private final Tokenizer tokenizer = Tokenizer.standard();

    TextcatFeatures(TextcatSettings settings, Map<String, WordClusters> clusters) {
        this.settings = settings;
        this.clusters = Map.copyOf(clusters);
        for (String name : settings.clusters()) {
            if (!clusters.containsKey(name)) {
                throw new IllegalArgumentException("settings name word clusters \"" + name + "\" but none were given");
            }
        }
    }

    String[] features(TextcatExample example) {
        List<String> words = words(example.text());
        List<String> features = new ArrayList<>(words.size() * settings.ngrams() + 8);
        for (int n = 1; n <= settings.ngrams(); n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                features.add(n == 1 ? words.get(i) : String.join("_", words.subList(i, i + n)));
            }
        }
        for (String name : settings.clusters()) {
            WordClusters dictionary = clusters.get(name);
            for (String word : words) {
                int cluster = dictionary.cluster(word);
                if (cluster >= 0) {
                    features.add("c" + name + "=" + cluster);
                }
            }
        }
        if (settings.entityFeatures()) {
            example.entityLabels().forEach(label -> features.add("ENT=" + label));
        }
        List<String> kept = settings.binary() ? new ArrayList<>(new LinkedHashSet<>(features)) : features;
        return kept.isEmpty() ? new String[] {"<empty>"} : kept.toArray(String[]::new);
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
