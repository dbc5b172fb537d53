package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextcatTest {

    private static final List<String> SPORT = List.of("goal", "match", "team", "score", "league");
    private static final List<String> MEDICINE = List.of("doctor", "patient", "dose", "clinic", "symptom");
    private static final List<String> FILLER = List.of("the", "a", "today", "very", "new");

    private static List<TextcatExample> data(int perLabel, long seed) {
        Random random = new Random(seed);
        List<TextcatExample> examples = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            examples.add(new TextcatExample(text(SPORT, random), "SPORT"));
            examples.add(new TextcatExample(text(MEDICINE, random), "MEDICINE"));
        }
        return examples;
    }

    private static String text(List<String> topic, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            List<String> from = i % 2 == 0 ? topic : FILLER;
            text.append(from.get(random.nextInt(from.size()))).append(i == 5 ? "." : " ");
        }
        return text.toString();
    }

    @Test
    void naiveBayesPerceptronAndLogisticRegressionLearnTwoTopics() {
        for (String algorithm : List.of("NAIVEBAYES", "PERCEPTRON", "MAXENT_QN")) {
            TextcatSettings settings = TextcatSettings.naiveBayesBagOfWords().withLearner(algorithm, 20, 0)
                    .withFeatures(2, true, false, List.of());
            TextcatModel model = new TextcatTrainer(settings, Map.of()).train(data(30, 1));
            TextcatEvaluation evaluation = model.evaluate(data(10, 2));
            // the perceptron has no bias and sees the 60 texts shuffled: one miss in 20 is within its reach
            assertTrue(evaluation.accuracy() >= (algorithm.equals("PERCEPTRON") ? 0.9 : 1.0),
                    algorithm + " " + evaluation.accuracy());
            assertEquals(20, evaluation.total());
        }
    }

    @Test
    void theSvmLearnersLearnTwoTopicsAndTrainTheSameModelTwice() throws java.io.IOException {
        for (String algorithm : List.of("LINEAR_SVM", "SVM_CNB")) {
            TextcatSettings settings = TextcatSettings.svmWithComplementNb().withLearner(algorithm, 1000, 0);
            TextcatModel model = new TextcatTrainer(settings, Map.of()).train(data(30, 1));
            assertEquals(1.0, model.evaluate(data(10, 2)).accuracy(), algorithm);
            TextcatModel again = new TextcatTrainer(settings, Map.of()).train(data(30, 1));
            assertTrue(java.util.Arrays.equals(TextcatModelIo.bytes(model), TextcatModelIo.bytes(again)), algorithm);
        }
    }

    @Test
    void svmSettingsNeedAPositiveL2Cost() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextcatSettings.svmWithComplementNb().withCosts(0, 0));
        assertEquals("SVM_CNB needs l2Cost > 0 (C = 1 / l2Cost), got 0.0", e.getMessage());
        assertEquals(Map.of("Algorithm", "SVM_CNB", "Cutoff", "2", "Alpha", "0.3", "Iterations", "1000", "C", "1.0",
                        "CharNgrams", "3-4"),
                TextcatSettings.svmWithComplementNb().trainingParameters());
    }

    @Test
    void entityFeaturesAloneCanDecide() {
        TextcatSettings settings = TextcatSettings.naiveBayesBagOfWords().withFeatures(1, false, true, List.of());
        List<TextcatExample> train = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            train.add(new TextcatExample("same words here", "HEALTH", List.of("DISEASE")));
            train.add(new TextcatExample("same words here", "OTHER", List.of("CITY")));
        }
        TextcatModel model = new TextcatTrainer(settings, Map.of()).train(train);
        assertEquals("HEALTH", model.predict(new TextcatExample("same words here", null, List.of("DISEASE"))));
        assertEquals("OTHER", model.predict(new TextcatExample("same words here", null, List.of("CITY"))));
    }

    @Test
    void evaluationCountsAMistakeAgainstBothLabels() {
        TextcatEvaluation e = TextcatEvaluation.of(List.of("A", "A", "B"), List.of("A", "B", "B"));
        assertEquals(2.0 / 3, e.accuracy(), 1e-12);
        assertEquals(new SpanCounts(1, 0, 1), e.perLabel().get("A"));
        assertEquals(new SpanCounts(1, 1, 0), e.perLabel().get("B"));
        assertEquals((2.0 / 3 + 2.0 / 3) / 2, e.macroF1(), 1e-12);
    }

    @Test
    void oneLabelIsNotEnough() {
        TextcatTrainer trainer = new TextcatTrainer(TextcatSettings.naiveBayesBagOfWords(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(List.of(new TextcatExample("x", "A"))));
        assertEquals("text classification needs at least 2 labels, got 1", e.getMessage());
    }
}
