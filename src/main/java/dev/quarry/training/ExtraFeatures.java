package dev.quarry.training;

import dev.quarry.matching.Matcher;
import dev.quarry.text.Doc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The features a sentence alone does not give: pattern matches, how a word is written elsewhere in its document, and
 * a first-pass model's labels for the same word in the document. Computed per document, then encoded into the
 * tokens ({@link FeatureGenerators#encode}).
 */
final class ExtraFeatures {

    /** The prefix of the document-topic extra feature ({@link NerFeature#DOCUMENT_TOPIC}). */
    static final String TOPIC = "tp=";

    private ExtraFeatures() {
    }

    /**
     * The encoded tokens of each sentence of one document.
     *
     * @param firstPass the first model's spans per sentence, or null for none
     * @param matcher   the pattern matcher, or null for no pattern features
     */
    static List<String[]> encode(NerSettings settings, List<List<String>> document, Matcher matcher,
                                 List<List<EntitySpan>> firstPass) {
        DocumentWords words = settings.documentFeatures() ? new DocumentWords(document) : null;
        Map<String, Map<String, Integer>> labels = firstPass == null ? null : firstPassLabels(document, firstPass);
        Headlines headlines = settings.has(NerFeature.TRUECASE_HEADLINES) ? new Headlines(document) : null;
        String topic = settings.has(NerFeature.DOCUMENT_TOPIC) ? topic(document) : null;
        Contexts contexts = settings.has(NerFeature.CONTEXT_AGGREGATION) ? new Contexts(document) : null;
        List<String[]> encoded = new ArrayList<>(document.size());
        for (List<String> sentence : document) {
            List<List<String>> extras = new ArrayList<>();
            for (int i = 0; i < sentence.size(); i++) {
                extras.add(new ArrayList<>(2));
            }
            if (matcher != null && settings.patternFeatures()) {
                patterns(matcher, sentence, extras);
            }
            for (int i = 0; i < sentence.size(); i++) {
                String word = sentence.get(i);
                if (words != null) {
                    words.features(word, i, extras.get(i));
                }
                if (labels != null) {
                    labelFeatures(labels.get(word), extras.get(i));
                }
                if (topic != null) {
                    extras.get(i).add(TOPIC + topic);
                }
                if (contexts != null) {
                    contexts.features(sentence, i, extras.get(i));
                }
            }
            List<String> read = headlines == null ? sentence : headlines.read(sentence, extras);
            String[] tokens = new String[sentence.size()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = FeatureGenerators.encode(read.get(i), extras.get(i));
            }
            encoded.add(tokens);
        }
        return encoded;
    }

    /**
     * The slug of a document whose first sentence opens with one to three words in capitals and then {@code -}: the
     * words in lower case joined by {@code _}; null for any other document.
     */
    static String topic(List<List<String>> document) {
        if (document.isEmpty() || !Headlines.isHeadline(document.getFirst())) {
            return null;
        }
        List<String> first = document.getFirst();
        int dash = first.indexOf("-");
        if (dash < 1 || dash > 3) {
            return null;
        }
        List<String> words = first.subList(0, dash);
        if (!words.stream().allMatch(w -> w.chars().allMatch(Character::isLetter))) {
            return null;
        }
        return String.join("_", words).toLowerCase(Locale.ROOT);
    }

    private static void patterns(Matcher matcher, List<String> sentence, List<List<String>> extras) {
        Doc doc = Doc.ofWords(sentence);
        matcher.forEachMatch(doc, (pattern, start, end) -> {
            String label = matcher.label(pattern);
            extras.get(start).add("pB=" + label);
            for (int i = start; i < end; i++) {
                extras.get(i).add("p=" + label);
            }
        });
    }

    private static Map<String, Map<String, Integer>> firstPassLabels(List<List<String>> document,
                                                                    List<List<EntitySpan>> spans) {
        Map<String, Map<String, Integer>> labels = new HashMap<>();
        for (int s = 0; s < document.size(); s++) {
            for (EntitySpan span : spans.get(s)) {
                for (int i = span.start(); i < span.end(); i++) {
                    labels.computeIfAbsent(document.get(s).get(i), w -> new HashMap<>())
                            .merge(span.label(), 1, Integer::sum);
                }
            }
        }
        return labels;
    }

    private static void labelFeatures(Map<String, Integer> counts, List<String> extras) {
        if (counts == null) {
            extras.add("d1=O");
            return;
        }
        String best = null;
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(counts).entrySet()) {
            extras.add("d1n=" + entry.getKey());
            if (best == null || entry.getValue() > counts.get(best)) {
                best = entry.getKey();
            }
        }
        extras.add("d1=" + best);
    }

    /** How each word is written across one document. */
    private static final class DocumentWords {
        private final Set<String> lowerForms = new HashSet<>();
        private final Set<String> capitalisedInside = new HashSet<>();

        DocumentWords(List<List<String>> document) {
            for (List<String> sentence : document) {
                for (int i = 0; i < sentence.size(); i++) {
                    String word = sentence.get(i);
                    if (word.equals(word.toLowerCase(Locale.ROOT))) {
                        lowerForms.add(word);
                    } else if (i > 0 && Character.isUpperCase(word.codePointAt(0)) && !allUpper(word)) {
                        capitalisedInside.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        void features(String word, int index, List<String> extras) {
            if (!Character.isUpperCase(word.codePointAt(0))) {
                return;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (lowerForms.contains(lower)) {
                extras.add("dl");
            }
            if (capitalisedInside.contains(lower)) {
                extras.add(index == 0 || allUpper(word) ? "dc" : "dci");
            }
        }

        private static boolean allUpper(String word) {
            return word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
        }
    }

    /** {@link NerFeature#TRUECASE_HEADLINES}: how the words of sentences in capitals are written elsewhere. */
    static final class Headlines {
        private final Map<String, Map<String, Integer>> spellings = new HashMap<>();

        Headlines(List<List<String>> document) {
            for (List<String> sentence : document) {
                if (!isHeadline(sentence)) {
                    for (String word : sentence.subList(Math.min(1, sentence.size()), sentence.size())) {
                        spellings.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> new HashMap<>())
                                .merge(word, 1, Integer::sum);
                    }
                }
            }
        }

        /** The words as read: a headline's words in their usual spelling, and the flag {@code hl} added. */
        List<String> read(List<String> sentence, List<List<String>> extras) {
            if (!isHeadline(sentence)) {
                return sentence;
            }
            List<String> read = new ArrayList<>(sentence.size());
            for (int i = 0; i < sentence.size(); i++) {
                read.add(usual(sentence.get(i)));
                extras.get(i).add("hl");
            }
            return read;
        }

        /** The spelling seen most often (the first in sort order on a tie), or the word when never seen. */
        private String usual(String word) {
            Map<String, Integer> seen = spellings.get(word.toLowerCase(Locale.ROOT));
            if (seen == null) {
                return word;
            }
            String best = null;
            for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(seen).entrySet()) {
                if (best == null || entry.getValue() > seen.get(best)) {
                    best = entry.getKey();
                }
            }
            return best;
        }

        /** No lower-case letter, and at least one word with two letters or more. */
        static boolean isHeadline(List<String> sentence) {
            boolean word = false;
            for (String token : sentence) {
                int letters = 0;
                for (int i = 0; i < token.length(); i++) {
                    char c = token.charAt(i);
                    if (Character.isLowerCase(c)) {
                        return false;
                    }
                    letters += Character.isLetter(c) ? 1 : 0;
                }
                word |= letters >= 2;
            }
            return word;
        }
    }

    /**
     * {@link NerFeature#CONTEXT_AGGREGATION}: for each capitalised word, the lower-cased words just before and after
     * its other occurrences in the document.
     */
    static final class Contexts {
        /** Enough for most words; a word seen more often keeps its first neighbours. */
        private static final int LIMIT = 8;
        private final Map<String, Set<String>> before = new HashMap<>();
        private final Map<String, Set<String>> after = new HashMap<>();

        Contexts(List<List<String>> document) {
            for (List<String> sentence : document) {
                for (int i = 0; i < sentence.size(); i++) {
                    if (capitalised(sentence.get(i))) {
                        String word = sentence.get(i).toLowerCase(Locale.ROOT);
                        add(before, word, i == 0 ? "^" : sentence.get(i - 1));
                        add(after, word, i + 1 == sentence.size() ? "$" : sentence.get(i + 1));
                    }
                }
            }
        }

        private static void add(Map<String, Set<String>> map, String word, String neighbour) {
            Set<String> set = map.computeIfAbsent(word, w -> new java.util.LinkedHashSet<>());
            if (set.size() < LIMIT) {
                set.add(neighbour.toLowerCase(Locale.ROOT));
            }
        }

        /** {@code ca-=<word>} and {@code ca+=<word>} for the neighbours not next to this occurrence. */
        void features(List<String> sentence, int index, List<String> extras) {
            String word = sentence.get(index);
            if (!capitalised(word)) {
                return;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            String left = index == 0 ? "^" : sentence.get(index - 1).toLowerCase(Locale.ROOT);
            String right = index + 1 == sentence.size() ? "$" : sentence.get(index + 1).toLowerCase(Locale.ROOT);
            for (String neighbour : before.get(lower)) {
                if (!neighbour.equals(left)) {
                    extras.add("ca-=" + neighbour);
                }
            }
            for (String neighbour : after.get(lower)) {
                if (!neighbour.equals(right)) {
                    extras.add("ca+=" + neighbour);
                }
            }
        }

        private static boolean capitalised(String word) {
            return Character.isUpperCase(word.codePointAt(0));
        }
    }
}
