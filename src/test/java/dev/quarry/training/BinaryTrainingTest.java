package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BinaryTrainingTest {

    private static final List<String> CITIES = List.of("Paris", "Berlin", "Madrid", "Rome", "Vienna", "Oslo");
    private static final List<String> PEOPLE = List.of("Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid");
    private static final NerSettings SETTINGS = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 30, 0);

    private static NerModel model;

    /** "X visited Y ." with X a person and Y a city, or "X met X ." with two people; one sentence per document. */
    static List<NerExample> data(int size, long seed) {
        Random random = new Random(seed);
        List<NerExample> examples = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String person = PEOPLE.get(random.nextInt(PEOPLE.size()));
            if (random.nextInt(3) == 0) {
                String other = PEOPLE.get(random.nextInt(PEOPLE.size()));
                examples.add(new NerExample("d" + seed + "-" + i, List.of(person, "met", other, "."),
                        List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "PER"))));
            } else {
                String city = CITIES.get(random.nextInt(CITIES.size()));
                examples.add(new NerExample("d" + seed + "-" + i, List.of(person, "visited", city, "."),
                        List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC"))));
            }
        }
        return examples;
    }

    private static NerTrainer trainer() {
        return new NerTrainer(SETTINGS, Map.of(), null);
    }

    @BeforeAll
    static void train() {
        model = trainer().train(data(30, 1));
    }

    private static List<EntitySpan> complete(BinaryNerExample example) {
        return BinaryCompletion.complete(model, List.of(example), 4).getFirst().spans();
    }

    @Test
    void completionKeepsTheModelsEntitiesOnTokensNoAnswerCovers() {
        List<String> tokens = List.of("Anna", "visited", "Paris", ".");
        assertEquals(List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC")),
                model.predict(List.of(tokens)).getFirst());
        BinaryNerExample onlyTheCity = new BinaryNerExample("t", tokens, List.of(new EntitySpan(2, 3, "LOC")),
                List.of());
        assertEquals(List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC")), complete(onlyTheCity));
    }

    @Test
    void completionHoldsAcceptedSpansTheModelWouldNotPredict() {
        List<String> tokens = List.of("Anna", "visited", "Paris", ".");
        BinaryNerExample odd = new BinaryNerExample("t", tokens, List.of(new EntitySpan(0, 2, "PER"),
                new EntitySpan(3, 4, "MISC")), List.of());
        assertEquals(List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(2, 3, "LOC"), new EntitySpan(3, 4, "MISC")),
                complete(odd));
    }

    @Test
    void completionAvoidsRejectedSpansTheModelWouldPredict() {
        List<String> tokens = List.of("Anna", "visited", "Paris", ".");
        BinaryNerExample rejected = new BinaryNerExample("t", tokens, List.of(),
                List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC")));
        List<EntitySpan> completed = complete(rejected);
        assertFalse(completed.contains(new EntitySpan(0, 1, "PER")), completed.toString());
        assertFalse(completed.contains(new EntitySpan(2, 3, "LOC")), completed.toString());
    }

    @Test
    void aRejectedSpanStillAllowsALongerEntityOfItsLabel() {
        List<String> tokens = List.of("Anna", "Boris", "visited", "Paris", ".");
        BinaryNerExample example = new BinaryNerExample("t", tokens, List.of(new EntitySpan(0, 2, "PER")),
                List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(1, 2, "PER")));
        assertTrue(complete(example).contains(new EntitySpan(0, 2, "PER")));
    }

    @Test
    void everyCompletionOfRandomAnswersContainsTheAcceptedAndNoRejectedSpan() {
        Random random = new Random(7);
        List<String> words = new ArrayList<>(CITIES);
        words.addAll(PEOPLE);
        words.addAll(List.of("visited", "met", ".", "and"));
        List<String> labels = List.of("PER", "LOC", "ORG");
        List<BinaryNerExample> examples = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            int length = 1 + random.nextInt(7);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                tokens.add(words.get(random.nextInt(words.size())));
            }
            List<EntitySpan> accepted = new ArrayList<>();
            for (int i = 0; i < length; ) {
                int end = i + 1 + random.nextInt(Math.min(3, length - i));
                if (random.nextInt(3) == 0) {
                    accepted.add(new EntitySpan(i, end, labels.get(random.nextInt(3))));
                }
                i = end;
            }
            List<EntitySpan> rejected = new ArrayList<>();
            for (int r = random.nextInt(4); r > 0; r--) {
                int start = random.nextInt(length);
                EntitySpan span = new EntitySpan(start, start + 1 + random.nextInt(length - start),
                        labels.get(random.nextInt(3)));
                if (!accepted.contains(span)) {
                    rejected.add(span);
                }
            }
            examples.add(new BinaryNerExample("r" + (n / 3), tokens, accepted, rejected));
        }
        List<NerExample> completed = BinaryCompletion.complete(model, examples, 3);
        for (int n = 0; n < examples.size(); n++) {
            List<EntitySpan> spans = completed.get(n).spans();
            assertTrue(spans.containsAll(examples.get(n).accepted()), n + ": " + examples.get(n) + " -> " + spans);
            for (EntitySpan rejected : examples.get(n).rejected()) {
                assertFalse(spans.contains(rejected), n + ": " + examples.get(n) + " -> " + spans);
            }
        }
    }

    @Test
    void binaryTrainingBeatsReadingAnswersAsCompleteWhenEntitiesWereLeftUnannotated() {
        List<NerExample> seed = data(15, 2);
        // binary answers: only the second entity of each sentence was asked about and accepted; the first is unknown
        List<BinaryNerExample> binary = data(60, 3).stream()
                .map(e -> new BinaryNerExample(e.documentId(), e.tokens(), List.of(e.spans().get(1)), List.of()))
                .toList();
        List<NerExample> test = data(40, 4);
        NerModel naive = trainer().train(seed, binary,
                new BinaryTraining(0, 4, BinaryTraining.Start.ANSWERS_AS_COMPLETE, 0));
        NerModel quarry = trainer().train(seed, binary);
        double naiveF1 = naive.evaluate(test).micro().f1();
        double quarryF1 = quarry.evaluate(test).micro().f1();
        assertTrue(naiveF1 < 0.8, "naive " + naiveF1);
        assertTrue(quarryF1 > naiveF1 + 0.15, "quarry " + quarryF1 + " naive " + naiveF1);
        for (BinaryTraining.Start start : BinaryTraining.Start.values()) {
            double f1 = trainer().train(seed, binary, new BinaryTraining(1, 4, start, 0.9)).evaluate(test).micro().f1();
            if (start != BinaryTraining.Start.ANSWERS_AS_COMPLETE) {
                assertTrue(f1 > naiveF1 + 0.15, start + " " + f1 + " naive " + naiveF1);
            }
        }
    }

    @Test
    void binaryAnswersAloneStillTrainAModelThatKnowsO() {
        List<BinaryNerExample> binary = data(40, 8).stream()
                .map(e -> new BinaryNerExample(e.documentId(), e.tokens(), e.spans(), List.of())).toList();
        NerModel alone = trainer().train(List.of(), binary);
        assertEquals(1.0, alone.evaluate(data(10, 9)).micro().f1());
    }

    @Test
    void anExampleThatAcceptsAndRejectsTheSameSpanIsRejected() {
        EntitySpan span = new EntitySpan(0, 1, "PER");
        List<BinaryNerExample> binary = List.of(new BinaryNerExample("doc", List.of("Anna", "."), List.of(span),
                List.of(span)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer().train(data(5, 1), binary));
        assertEquals("binary example 1 (document \"doc\") both accepts and rejects EntitySpan[start=0, end=1, "
                + "label=PER]", e.getMessage());
    }

    @Test
    void suggestionsShareTheBeamsProbability() {
        List<List<SpanSuggestion>> suggestions = model.suggest(List.of(List.of("Anna", "visited", "Paris", ".")), 4);
        List<SpanSuggestion> first = suggestions.getFirst();
        assertFalse(first.isEmpty());
        assertTrue(first.stream().allMatch(s -> s.probability() > 0 && s.probability() <= 1));
        assertTrue(first.stream().anyMatch(s -> s.span().equals(new EntitySpan(0, 1, "PER"))
                && s.probability() > 0.5), first.toString());
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i - 1).probability() >= first.get(i).probability());
        }
    }

    @Test
    void maskedTrainingThatKeepsEveryTokenLearnsWhatPlainTrainingLearns() {
        List<NerExample> train = data(30, 1);
        List<boolean[]> all = train.stream().map(e -> fill(e.tokens().size(), true)).toList();
        NerModel masked = trainer().trainMasked(train, all);
        List<NerExample> test = data(20, 5);
        assertEquals(model.predictExamples(test), masked.predictExamples(test));
    }

    @Test
    void maskedTokensAreNotLearntAsO() {
        // the city of most sentences is labelled O but masked: unknown, so it must not teach "a city is O"
        List<NerExample> train = new ArrayList<>(data(8, 1));
        List<boolean[]> masks = new ArrayList<>(java.util.Collections.nCopies(train.size(), (boolean[]) null));
        for (NerExample e : data(40, 6)) {
            boolean visit = e.tokens().get(1).equals("visited");
            train.add(new NerExample(e.documentId(), e.tokens(), visit ? List.of(e.spans().getFirst()) : e.spans()));
            boolean[] mask = fill(e.tokens().size(), true);
            mask[2] = !visit;
            masks.add(mask);
        }
        List<NerExample> test = data(30, 7);
        double masked = trainer().trainMasked(train, masks).evaluate(test).perLabel().get("LOC").recall();
        double unmasked = trainer().trainMasked(train, null).evaluate(test).perLabel().get("LOC").recall();
        assertEquals(1.0, masked);
        assertTrue(unmasked < 0.5, "unmasked LOC recall " + unmasked);
    }

    @Test
    void confidenceMasksAlwaysTrustAcceptedTokens() {
        List<String> tokens = List.of("Anna", "visited", "Paris", ".");
        BinaryNerExample example = new BinaryNerExample("t", tokens, List.of(new EntitySpan(1, 2, "LOC")), List.of());
        BinaryCompletion.Completed completed = BinaryCompletion.complete(model, List.of(example),
                new BinaryTraining(1, 8, BinaryTraining.Start.KNOWN_TOKENS, 0.999999), Map.of())
                .getFirst();
        assertTrue(completed.trusted()[1]);
        assertTrue(completed.example().spans().contains(new EntitySpan(1, 2, "LOC")));
        assertEquals(null, BinaryCompletion.complete(model, List.of(example), BinaryTraining.defaults(), Map.of())
                .getFirst().trusted());
    }

    private static boolean[] fill(int size, boolean value) {
        boolean[] mask = new boolean[size];
        java.util.Arrays.fill(mask, value);
        return mask;
    }
}
