package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextcatMultiLabelTest {

    private static final List<String> SPORT = List.of("goal", "match", "team", "score", "league");
    private static final List<String> MEDICINE = List.of("doctor", "patient", "dose", "clinic", "symptom");
    private static final List<String> FILLER = List.of("the", "a", "today", "very", "new");

    private static final TextcatSettings MULTI = TextcatSettings.naiveBayesBagOfWords()
            .withMode(TextcatMode.MULTI_LABEL, 0.5);

    /** Texts about sport, medicine, both, or neither, with every label known. */
    private static List<TextcatExample> data(int each, long seed) {
        Random random = new Random(seed);
        List<TextcatExample> examples = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            examples.add(TextcatExample.of(text(random, SPORT), Set.of("SPORT")));
            examples.add(TextcatExample.of(text(random, MEDICINE), Set.of("MEDICINE")));
            examples.add(TextcatExample.of(text(random, SPORT, MEDICINE), Set.of("SPORT", "MEDICINE")));
            examples.add(TextcatExample.of(text(random), Set.of()));
        }
        return examples;
    }

    @SafeVarargs
    private static String text(Random random, List<String>... topics) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append(FILLER.get(random.nextInt(FILLER.size()))).append(' ');
            for (List<String> topic : topics) {
                text.append(topic.get(random.nextInt(topic.size()))).append(' ');
            }
        }
        return text.toString().trim() + ".";
    }

    @Test
    void thresholdsAreTunedOnAHeldOutPartThatTheCallerThenAppliesToAModelOfAllTheData() {
        List<TextcatExample> examples = data(10, 4);
        TextcatTrainer trainer = new TextcatTrainer(MULTI, Map.of());
        Map<String, Double> tuned = trainer.tuneThresholds(examples, 0.25, 9);
        TrainEvalSplit<TextcatExample> split = TrainEvalSplit.of(examples, 0.25, 9, "texts");
        assertEquals(trainer.train(split.train(), split.eval()).thresholds(), tuned);
        assertEquals(Set.of("MEDICINE", "SPORT"), tuned.keySet());
        assertEquals(tuned, trainer.train(examples).withThresholds(tuned).thresholds());
        IllegalStateException exclusive = assertThrows(IllegalStateException.class, () -> new TextcatTrainer(
                TextcatSettings.naiveBayesBagOfWords(), Map.of()).tuneThresholds(examples, 0.25, 9));
        assertEquals("thresholds apply to MULTI_LABEL models, the settings say EXCLUSIVE", exclusive.getMessage());
    }

    @Test
    void theFittingModeIsExclusiveOnlyWhenEveryTextHasOneLabel() {
        assertEquals(TextcatMode.EXCLUSIVE, TextcatTrainer.fittingMode(List.of(new TextcatExample("a", "A"),
                TextcatExample.choice("b", Set.of("B"), Set.of("A", "B")))));
        assertEquals(TextcatMode.MULTI_LABEL, TextcatTrainer.fittingMode(List.of(new TextcatExample("a", "A"),
                TextcatExample.rejected("b", "B"))));
        assertEquals(TextcatMode.MULTI_LABEL, TextcatTrainer.fittingMode(List.of(TextcatExample.of("a",
                Set.of("A", "B")))));
    }

    @Test
    void oneVersusRestPredictsEveryLabelOfAText() {
        for (String algorithm : List.of("NAIVEBAYES", "MAXENT_QN", "COMPLEMENT_NB", "LINEAR_SVM", "SVM_CNB")) {
            // the SVMs score raw counts by their sum: this text has 2 words of each topic where training texts had 6
            TextcatSettings settings = MULTI.withLearner(algorithm, 30, 0).withTfidf(algorithm.contains("SVM"));
            TextcatModel model = new TextcatTrainer(settings, Map.of()).train(data(15, 1));
            assertEquals(List.of("MEDICINE", "SPORT"), model.labels());
            assertEquals(Set.of("SPORT", "MEDICINE"), model.predictLabels(new TextcatExample(
                    "the doctor saw the match and the patient scored a goal", null)), algorithm);
            assertEquals(Set.of(), model.predictLabels(new TextcatExample("a very new day today", null)), algorithm);
            TextcatEvaluation e = model.evaluate(data(5, 2));
            assertEquals(TextcatMode.MULTI_LABEL, e.mode());
            assertEquals(1.0, e.accuracy(), algorithm);
            assertEquals(1.0, e.macroAuc(), algorithm);
        }
    }

    @Test
    void svmTimesComplementNbTrainsTheSvmAlonePerLabelInMultiLabelMode() {
        TextcatSettings settings = TextcatSettings.svmWithComplementNb().withLearner("SVM_CNB", 1000, 0);
        TextcatModel multi = new TextcatTrainer(settings.withMode(TextcatMode.MULTI_LABEL, 0.5), Map.of())
                .train(data(5, 1));
        assertTrue(multi.scorers().values().stream().allMatch(LinearSvm.class::isInstance), multi.scorers()
                .toString());
        List<TextcatExample> single = data(5, 1).stream().filter(e -> e.labels().size() == 1).toList();
        TextcatModel exclusive = new TextcatTrainer(settings, Map.of()).train(single);
        assertTrue(exclusive.scorers().values().iterator().next() instanceof SvmCnbEnsemble);
    }

    @Test
    void aLabelIsPredictedWhenItsScoreReachesItsOwnThreshold() {
        TextcatModel model = new TextcatTrainer(MULTI, Map.of()).train(data(15, 1));
        TextcatExample text = new TextcatExample("the doctor saw the match", null);
        double sport = model.scores(text).get("SPORT");
        double medicine = model.scores(text).get("MEDICINE");
        TextcatModel strict = model.withThresholds(Map.of("SPORT", Math.min(1, sport + 1e-9)));
        assertEquals(Set.of("MEDICINE"), strict.predictLabels(text));
        TextcatModel exact = model.withThresholds(Map.of("SPORT", sport, "MEDICINE", Math.min(1, medicine + 1e-9)));
        assertEquals(Set.of("SPORT"), exact.predictLabels(text));
        assertEquals(0.5, model.thresholds().get("SPORT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.withThresholds(Map.of("ART", 0.3)));
        assertEquals("unknown label \"ART\", the model has [MEDICINE, SPORT]", e.getMessage());
    }

    @Test
    void bestF1ThresholdLiesBetweenTheLastPositiveCutAndTheNextScore() {
        // cuts: top1 F1 2/3, top2 1/2, top3 4/5 (best), top4 2/3, top5 4/7
        double t = Thresholds.bestF1(List.of(0.9, 0.8, 0.6, 0.2, 0.1), List.of(true, false, true, false, false),
                0.5);
        assertEquals(0.4, t, 1e-12);
        assertEquals(0.5, Thresholds.bestF1(List.of(0.9, 0.1), List.of(false, false), 0.5));
        // ties are cut together: 0.7 twice (one positive), then 0.3 positive -> all three positive is best
        assertEquals(0.3, Thresholds.bestF1(List.of(0.7, 0.7, 0.3), List.of(true, false, true), 0.5), 1e-12);
    }

    @Test
    void thresholdsTunedOnHeldOutDataReplaceTheDefault() {
        TextcatSettings settings = MULTI.withLearner("COMPLEMENT_NB", 1, 0);
        TextcatModel tuned = new TextcatTrainer(settings, Map.of()).train(data(15, 1), data(5, 3));
        TextcatModel plain = new TextcatTrainer(settings, Map.of()).train(data(15, 1));
        assertEquals(Set.of(0.5), new HashSet<>(plain.thresholds().values()));
        for (String label : tuned.labels()) {
            List<Double> scores = new ArrayList<>();
            List<Boolean> positive = new ArrayList<>();
            for (TextcatExample e : data(5, 3)) {
                scores.add(plain.scores(e).get(label));
                positive.add(e.has(label));
            }
            assertEquals(Thresholds.bestF1(scores, positive, 0.5), tuned.thresholds().get(label), 1e-12, label);
        }
    }

    @Test
    void binaryAnswersTeachOnlyTheirOwnLabel() {
        Random random = new Random(5);
        List<TextcatExample> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(TextcatExample.accepted(text(random, SPORT), "SPORT"));
            answers.add(TextcatExample.rejected(text(random, MEDICINE), "SPORT"));
            answers.add(TextcatExample.accepted(text(random, MEDICINE), "MEDICINE"));
        }
        answers.add(TextcatExample.choice(text(random, MEDICINE), Set.of("MEDICINE"), Set.of("MEDICINE", "SPORT")));
        answers.add(TextcatExample.rejected(text(random, SPORT), "MEDICINE"));
        TextcatModel model = new TextcatTrainer(MULTI, Map.of()).train(answers);
        assertEquals(new TextcatLabelCounts(10, 11), model.trainingCounts().get("SPORT"));
        assertEquals(new TextcatLabelCounts(11, 1), model.trainingCounts().get("MEDICINE"));
    }

    @Test
    void aLabelWithoutNegativesCannotBeTrained() {
        List<TextcatExample> answers = List.of(TextcatExample.accepted("goal", "SPORT"),
                TextcatExample.accepted("match", "SPORT"), TextcatExample.rejected("goal", "MEDICINE"),
                TextcatExample.accepted("dose", "MEDICINE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextcatTrainer(MULTI, Map.of()).train(answers));
        assertEquals("label \"SPORT\" has 2 positive and 0 negative examples; its binary model needs both",
                e.getMessage());
    }

    @Test
    void exclusiveTrainingSkipsRejectOnlyAnswersAndRefusesSeveralLabels() {
        TextcatTrainer trainer = new TextcatTrainer(TextcatSettings.naiveBayesBagOfWords(), Map.of());
        List<TextcatExample> answers = List.of(TextcatExample.accepted("goal match", "SPORT"),
                TextcatExample.accepted("dose clinic", "MEDICINE"), TextcatExample.rejected("goal", "MEDICINE"));
        assertEquals(1, trainer.skipped(answers));
        TextcatModel model = trainer.train(answers);
        assertEquals(new TextcatLabelCounts(1, 1), model.trainingCounts().get("SPORT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(List.of(TextcatExample.of("goal dose", Set.of("SPORT", "MEDICINE")))));
        assertEquals("training example 0 has 2 labels [MEDICINE, SPORT] but the mode is EXCLUSIVE", e.getMessage());
    }

    @Test
    void examplesKnowWhatTheirAnswersSay() {
        TextcatExample choice = TextcatExample.choice("t", Set.of("A"), Set.of("A", "B"));
        assertEquals(Boolean.TRUE, choice.has("A"));
        assertEquals(Boolean.FALSE, choice.has("B"));
        assertNull(choice.has("C"));
        assertEquals(Boolean.FALSE, TextcatExample.of("t", Set.of("A")).has("C"));
        assertNull(new TextcatExample("t", null).has("A"));
        assertEquals("A", new TextcatExample("t", "A").label());
        assertFalse(TextcatExample.accepted("t", "A").complete());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextcatExample.choice("t", Set.of("C"), Set.of("A", "B")));
        assertEquals("accepted labels must be among the options [A, B], got [C]", e.getMessage());
    }

    @Test
    void multiLabelModelRoundTripsThroughOneStream() throws IOException {
        TextcatSettings settings = MULTI.withLearner("MAXENT_QN", 30, 0).withTfidf(true);
        TextcatModel model = new TextcatTrainer(settings, Map.of()).train(data(10, 1))
                .withThresholds(Map.of("SPORT", 0.31));
        TextcatModel loaded = roundTrip(model, settings);
        assertEquals(model.labels(), loaded.labels());
        assertEquals(model.thresholds(), loaded.thresholds());
        assertEquals(model.trainingCounts(), loaded.trainingCounts());
        for (TextcatExample e : data(5, 2)) {
            assertEquals(model.scores(e), loaded.scores(e));
            assertEquals(model.predictLabels(e), loaded.predictLabels(e));
        }
    }

    @Test
    void exclusiveModelsOfEveryLearnerRoundTripWithTheSameScores() throws IOException {
        List<TextcatExample> train = new ArrayList<>();
        for (TextcatExample e : data(10, 1)) {
            if (e.labels().size() == 1) {
                train.add(e);
            }
        }
        for (String algorithm : TextcatSettings.ALGORITHMS) {
            TextcatSettings settings = TextcatSettings.naiveBayesBagOfWords().withLearner(algorithm, 20, 0);
            TextcatModel model = new TextcatTrainer(settings, Map.of()).train(train);
            TextcatModel loaded = roundTrip(model, settings);
            for (TextcatExample e : data(3, 2)) {
                assertEquals(model.scores(e), loaded.scores(e), algorithm);
            }
        }
    }

    @Test
    void loadingAModelInTheWrongModeNamesBoth() throws IOException {
        TextcatModel model = new TextcatTrainer(MULTI, Map.of()).train(data(5, 1));
        IOException e = assertThrows(IOException.class,
                () -> roundTrip(model, TextcatSettings.naiveBayesBagOfWords()));
        assertEquals("textcat.json: the model is MULTI_LABEL but the settings say EXCLUSIVE", e.getMessage());
        IOException junk = assertThrows(IOException.class, () -> TextcatModel.load(
                new ByteArrayInputStream("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8)), MULTI,
                Map.of()));
        assertEquals("not a Quarry text-classification model: no textcat.json entry", junk.getMessage());
    }

    private static TextcatModel roundTrip(TextcatModel model, TextcatSettings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return TextcatModel.load(new ByteArrayInputStream(out.toByteArray()), settings, Map.of());
    }

    @Test
    void predictStillNamesTheMostProbableLabel() {
        TextcatModel model = new TextcatTrainer(MULTI, Map.of()).train(data(15, 1));
        assertTrue(model.predict(new TextcatExample("goal goal match team", null)).equals("SPORT"));
    }
}
