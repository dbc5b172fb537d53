package dev.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Language;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import dev.quarry.training.WordClusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Tiny models trained in milliseconds, for tests of packages and pipelines. */
public final class TinyModels {

    public static final List<String> CITIES = List.of("Paris", "Berlin", "Madrid", "Rome", "Vienna", "Oslo");
    public static final List<String> PEOPLE = List.of("Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid");
    static final List<String> SPORT = List.of("goal", "match", "team", "score", "league");
    static final List<String> MEDICINE = List.of("doctor", "patient", "dose", "clinic", "symptom");

    private TinyModels() {
    }

    /** "PERSON visited CITY ." sentences, two per document. */
    public static List<NerExample> nerExamples(int documents, long seed) {
        Random random = new Random(seed);
        List<NerExample> examples = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            for (int s = 0; s < 2; s++) {
                String person = PEOPLE.get(random.nextInt(PEOPLE.size()));
                String city = CITIES.get(random.nextInt(CITIES.size()));
                examples.add(new NerExample("doc" + d, List.of(person, "visited", city, "."),
                        List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC"))));
            }
        }
        return examples;
    }

    public static NerModel ner() {
        NerSettings settings = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0)
                .withClusters(List.of("k3"), 1);
        return new NerTrainer(settings, Map.of("k3", clusters()), null).train(nerExamples(20, 1));
    }

    /** An NER of {@code settings} trained on {@link #nerExamples} with only the spans of {@code labels}. */
    public static NerModel nerOf(NerSettings settings, String... labels) {
        List<NerExample> examples = nerExamples(20, 1).stream().map(e -> new NerExample(e.documentId(), e.tokens(),
                e.spans().stream().filter(span -> List.of(labels).contains(span.label())).toList())).toList();
        return new NerTrainer(settings, Map.of("k3", clusters()), null).train(examples);
    }

    /** Three NER models voting: {@link NerEnsemble#memberSettings} of {@link #ner()}'s settings. */
    public static List<NerModel> nerVote() {
        return NerEnsemble.memberSettings(ner().settings(), 3).stream()
                .map(settings -> new NerTrainer(settings, Map.of("k3", clusters()), null).train(nerExamples(20, 1)))
                .toList();
    }

    /** A package of patterns and a three-member NER vote. */
    public static ModelPackage vote() {
        return ModelPackage.builder(Language.ENGLISH).matcher(matcher()).nerVote(nerVote()).build();
    }

    public static WordClusters clusters() {
        Map<String, Integer> map = new HashMap<>();
        CITIES.forEach(c -> map.put(c.toLowerCase(Locale.ROOT), 0));
        PEOPLE.forEach(p -> map.put(p.toLowerCase(Locale.ROOT), 1));
        map.put("visited", 2);
        return WordClusters.of(map);
    }

    /** Phrase patterns CITY for Paris (id Q90) and Rome (id Q220), matched on LOWER. */
    public static Matcher matcher() {
        return Matcher.compile(List.of(
                        new PhrasePattern("CITY", "Paris", "Q90", null, new PatternSource("cities.jsonl", 1)),
                        new PhrasePattern("CITY", "Rome", "Q220", null, new PatternSource("cities.jsonl", 2))),
                MatchOptions.defaults().withPhraseAttr(dev.quarry.patterns.Attr.LOWER));
    }

    /** SPORT and MEDICINE texts of six words. */
    public static List<TextcatExample> textcatExamples(int perLabel, long seed) {
        Random random = new Random(seed);
        List<String> filler = List.of("the", "a", "today", "very", "new");
        List<TextcatExample> examples = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            examples.add(new TextcatExample(text(SPORT, filler, random), "SPORT"));
            examples.add(new TextcatExample(text(MEDICINE, filler, random), "MEDICINE"));
        }
        return examples;
    }

    private static String text(List<String> topic, List<String> filler, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            List<String> from = i % 2 == 0 ? topic : filler;
            text.append(from.get(random.nextInt(from.size()))).append(i == 5 ? "." : " ");
        }
        return text.toString();
    }

    /** Naive Bayes over words and the "k3" clusters. */
    public static TextcatModel textcat() {
        TextcatSettings settings = TextcatSettings.naiveBayesBagOfWords().withFeatures(1, true, false, List.of("k3"));
        return new TextcatTrainer(settings, Map.of("k3", clusters())).train(textcatExamples(20, 1));
    }

    /** A package with every component. */
    public static ModelPackage full() {
        return ModelPackage.builder(Language.ENGLISH).matcher(matcher()).ner(ner()).textcat(textcat())
                .clusters(Map.of("k3", clusters()))
                .training(new TrainingData(List.of("news"), List.of("topics"), Map.of("ner_complete", 40L), "ab12"))
                .seed(7L).clock(java.time.Clock.fixed(java.time.Instant.parse("2025-01-31T12:00:00Z"),
                        java.time.ZoneOffset.UTC))
                .build();
    }

    /** Asserts that a loaded package predicts as the original did: the NER, the classifier and the clusters. */
    static void assertSamePredictions(ModelPackage original, ModelPackage loaded) {
        List<NerExample> test = nerExamples(5, 3);
        assertEquals(original.ner().orElseThrow().predictExamples(test),
                loaded.ner().orElseThrow().predictExamples(test));
        TextcatExample text = new TextcatExample("the doctor saw a patient", null);
        assertEquals(original.textcat().orElseThrow().scores(text),
                loaded.textcat().orElseThrow().scores(text));
        assertEquals(original.clusters(), loaded.clusters());
    }
}
