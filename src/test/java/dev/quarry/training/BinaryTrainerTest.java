package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mechanisms behind binary training: weighted events, prior correction, cross-fitted rounds. */
class BinaryTrainerTest {

    private static final NerSettings MAXENT = NerSettings.openNlpDefaults().withLearner("MAXENT", 30, 2);

    private static NerTrainer trainer(NerSettings settings) {
        return new NerTrainer(settings, Map.of(), null);
    }

    @Test
    void eventCopiesWithAScaledCutoffLearnWhatPlainTrainingLearns() {
        List<NerExample> train = BinaryTrainingTest.data(40, 1);
        List<NerExample> test = BinaryTrainingTest.data(30, 5);
        List<List<SpanSuggestion>> plain = suggestions(trainer(MAXENT).train(train), test);
        List<List<SpanSuggestion>> copied = suggestions(trainer(MAXENT).trainWeighted(train, null, null, 4), test);
        assertEquals(plain.size(), copied.size());
        for (int s = 0; s < plain.size(); s++) {
            assertEquals(plain.get(s).size(), copied.get(s).size());
            for (int k = 0; k < plain.get(s).size(); k++) {
                assertEquals(plain.get(s).get(k).span(), copied.get(s).get(k).span());
                assertEquals(plain.get(s).get(k).probability(), copied.get(s).get(k).probability(), 1e-6);
            }
        }
    }

    @Test
    void softReadingsTeachALabelInProportionToTheirWeight() {
        // "Zed" is read as a person in three quarters of the weight and as O in one quarter
        List<NerExample> examples = new ArrayList<>(BinaryTrainingTest.data(30, 1));
        List<List<MaskedTraining.Reading>> readings = new ArrayList<>(java.util.Collections.nCopies(30, null));
        for (int i = 0; i < 40; i++) {
            examples.add(new NerExample("z" + i, List.of("Zed", "spoke", "."), List.of()));
            readings.add(List.of(new MaskedTraining.Reading(new String[] {"PER-start", "other", "other"}, 0.75),
                    new MaskedTraining.Reading(new String[] {"other", "other", "other"}, 0.25)));
        }
        NerModel soft = trainer(MAXENT).trainWeighted(examples, null, readings, 4);
        NerModel hard = trainer(MAXENT).trainWeighted(examples, null,
                readings.stream().map(r -> r == null ? null : List.of(r.getFirst())).toList(), 4);
        double softPer = personProbability(soft);
        assertTrue(softPer > 0.6 && softPer < 0.9, "soft " + softPer);
        assertTrue(personProbability(hard) > 0.95, "hard " + personProbability(hard));
    }

    private static double personProbability(NerModel model) {
        return model.suggest(List.of(List.of("Zed", "spoke", ".")), 8).getFirst().stream()
                .filter(s -> s.span().equals(new EntitySpan(0, 1, "PER"))).mapToDouble(SpanSuggestion::probability)
                .sum();
    }

    private static List<List<SpanSuggestion>> suggestions(NerModel model, List<NerExample> test) {
        List<List<SpanSuggestion>> all = new ArrayList<>();
        for (NerExample example : test) {
            all.addAll(model.suggest(List.of(example.tokens()), 4));
        }
        return all;
    }

    @Test
    void outcomeWeightsMoveTheCompletionAwayFromADisfavouredLabelButNotFromAnAnswer() {
        NerModel model = trainer(MAXENT).train(BinaryTrainingTest.data(40, 1));
        List<String> tokens = List.of("Anna", "visited", "Paris", ".");
        BinaryNerExample nothingKnown = new BinaryNerExample("t", tokens, List.of(), List.of());
        BinaryNerExample accepted = new BinaryNerExample("t", tokens, List.of(new EntitySpan(2, 3, "LOC")), List.of());
        Map<String, Double> noCities = Map.of("LOC-start", 1e-9);
        assertTrue(completed(model, nothingKnown, Map.of()).contains(new EntitySpan(2, 3, "LOC")));
        assertFalse(completed(model, nothingKnown, noCities).contains(new EntitySpan(2, 3, "LOC")));
        assertTrue(completed(model, accepted, noCities).contains(new EntitySpan(2, 3, "LOC")));
    }

    private static List<EntitySpan> completed(NerModel model, BinaryNerExample example, Map<String, Double> weights) {
        return BinaryCompletion.complete(model, List.of(example), BinaryTraining.defaults(), weights).getFirst()
                .example().spans();
    }

    @Test
    void rejectOverlapsRulesOutSubSpansOfTheRejectedLabelButNotAcceptedOnes() {
        NerModel model = trainer(MAXENT).train(BinaryTrainingTest.data(40, 1));
        List<String> tokens = List.of("Anna", "Boris", "visited", "Paris", ".");
        EntitySpan both = new EntitySpan(0, 2, "PER");
        BinaryNerExample rejected = new BinaryNerExample("t", tokens, List.of(), List.of(both));
        BinaryTraining overlaps = BinaryTraining.defaults().withRejectOverlaps(true);
        assertTrue(completed(model, rejected, BinaryTraining.defaults()).stream().anyMatch(s -> overlap(s, both)));
        List<EntitySpan> strict = completed(model, rejected, overlaps);
        assertFalse(strict.stream().anyMatch(s -> overlap(s, both)), strict.toString());
        assertTrue(strict.contains(new EntitySpan(3, 4, "LOC")), strict.toString());
        BinaryNerExample annaAccepted = new BinaryNerExample("t", tokens, List.of(new EntitySpan(0, 1, "PER")),
                List.of(both));
        assertTrue(completed(model, annaAccepted, overlaps).contains(new EntitySpan(0, 1, "PER")));
    }

    private static boolean overlap(EntitySpan span, EntitySpan other) {
        return span.label().equals(other.label()) && span.start() < other.end() && other.start() < span.end();
    }

    private static List<EntitySpan> completed(NerModel model, BinaryNerExample example, BinaryTraining how) {
        return BinaryCompletion.complete(model, List.of(example), how, Map.of()).getFirst().example().spans();
    }

    @Test
    void theStrongerCompleterIsThePerceptronWithTheTrainersFeaturesAndRicherOnes() {
        NerSettings trainer = NerSettings.openNlpDefaults().withClusters(List.of("k"), 2).withRichFeatures(6, false,
                false);
        NerSettings completer = BinaryTraining.Completer.stronger().settingsFor(trainer);
        assertEquals(NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0).withClusters(List.of("k"), 2)
                .withRichFeatures(6, true, true), completer);
        assertEquals(trainer, BinaryTraining.Completer.trainers().settingsFor(trainer));
        assertEquals(MAXENT, BinaryTraining.Completer.of(MAXENT).settingsFor(trainer));
    }

    @Test
    void outcomeSharesCountOnlyTheTokensThatGiveEvents() {
        NerExample example = new NerExample("d", List.of("Anna", "Boris", "visited", "Paris"),
                List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC")));
        var data = new BinaryTrainer.Data(List.of(example), java.util.Collections.singletonList(
                new boolean[] {true, true, false, false}));
        assertEquals(Map.of("PER-start", 0.5, "PER-cont", 0.5), data.outcomeShares());
        assertEquals(Map.of("PER-start", 0.25, "PER-cont", 0.25, "other", 0.25, "LOC-start", 0.25),
                new BinaryTrainer.Data(List.of(example), null).outcomeShares());
    }

    @Test
    void everyRoundOfCrossFittedSoftTrainingCompletesEveryExampleWithinTheAnswers() {
        List<NerExample> seed = BinaryTrainingTest.data(10, 3);
        List<BinaryNerExample> binary = new ArrayList<>();
        for (NerExample e : BinaryTrainingTest.data(40, 4)) {
            binary.add(new BinaryNerExample(e.documentId(), e.tokens(), List.of(e.spans().get(1)),
                    List.of(new EntitySpan(0, 1, "LOC"))));
        }
        List<Integer> rounds = new ArrayList<>();
        // soft labels want calibrated probabilities: the maxent trainer's own, not the stronger perceptron's scores
        BinaryTraining how = BinaryTraining.defaults().withRounds(3).withCrossFit(true).withSoftLabels(true)
                .withCompleter(BinaryTraining.Completer.trainers());
        NerModel model = trainer(MAXENT).train(seed, binary, how, (round, completed, completers) -> {
            rounds.add(round);
            assertEquals(binary.size(), completed.size());
            for (int i = 0; i < binary.size(); i++) {
                assertTrue(completed.get(i).spans().containsAll(binary.get(i).accepted()));
                assertFalse(completed.get(i).spans().contains(new EntitySpan(0, 1, "LOC")));
                assertEquals(binary.get(i).tokens(), completed.get(i).tokens());
            }
        });
        assertEquals(List.of(1, 2, 3), rounds);
        double f1 = model.evaluate(BinaryTrainingTest.data(30, 9)).micro().f1();
        assertTrue(f1 > 0.9, "F1 " + f1);
    }

    /** The binary examples of {@code data(size, seed)} that accept only each sentence's second entity. */
    private static List<BinaryNerExample> secondEntityAccepted(int size, long seed) {
        return BinaryTrainingTest.data(size, seed).stream().map(e -> new BinaryNerExample(e.documentId(), e.tokens(),
                List.of(e.spans().get(1)), List.of(new EntitySpan(0, 1, "LOC")))).toList();
    }

    private static final List<NerSettings> MEMBERS = List.of(MAXENT, MAXENT.with(NerFeature.CONTEXT_AGGREGATION,
            true), MAXENT.with(NerFeature.DOCUMENT_TOPIC, true));

    @Test
    void membersLearnFromOneCompletionAndTheFirstIsTheSingleModel() {
        List<NerExample> seed = BinaryTrainingTest.data(10, 3);
        List<BinaryNerExample> binary = secondEntityAccepted(40, 4);
        BinaryTraining how = BinaryTraining.defaults().withCompleter(BinaryTraining.Completer.trainers());
        List<Integer> rounds = new ArrayList<>();
        List<NerModel> members = trainer(MAXENT).trainMembers(seed, binary, how, MEMBERS,
                (round, completed, completers) -> rounds.add(round));
        assertEquals(List.of(1, 2), rounds, "the completion runs once for all the members");
        assertEquals(MEMBERS.size(), members.size());
        List<NerExample> test = BinaryTrainingTest.data(30, 9);
        NerModel single = trainer(MAXENT).train(seed, binary, how);
        List<List<SpanSuggestion>> expected = suggestions(single, test);
        List<List<SpanSuggestion>> first = suggestions(members.getFirst(), test);
        for (int s = 0; s < expected.size(); s++) {
            for (int k = 0; k < expected.get(s).size(); k++) {
                assertEquals(expected.get(s).get(k).span(), first.get(s).get(k).span());
                assertEquals(expected.get(s).get(k).probability(), first.get(s).get(k).probability(), 1e-9);
            }
        }
        for (NerModel member : members) {
            double f1 = member.evaluate(test).micro().f1();
            assertTrue(f1 > 0.9, "F1 " + f1);
        }
    }

    @Test
    void unknownTokensStayUnknownForEveryMember() {
        // the first person of each answered sentence is unknown: read as O it would teach "a name is O"
        List<NerExample> seed = BinaryTrainingTest.data(10, 2);
        List<BinaryNerExample> binary = secondEntityAccepted(60, 3);
        List<NerExample> test = BinaryTrainingTest.data(40, 5);
        BinaryTraining masked = BinaryTraining.defaults().withRounds(0);
        BinaryTraining asO = new BinaryTraining(0, 4, BinaryTraining.Start.ANSWERS_AS_COMPLETE, 0);
        for (NerModel member : trainer(MAXENT).trainMembers(seed, binary, masked, MEMBERS)) {
            double recall = member.evaluate(test).perLabel().get("PER").recall();
            assertTrue(recall > 0.9, "PER recall " + recall);
        }
        for (NerModel member : trainer(MAXENT).trainMembers(seed, binary, asO, MEMBERS)) {
            double recall = member.evaluate(test).perLabel().get("PER").recall();
            assertTrue(recall < 0.8, "PER recall with unknown read as O " + recall);
        }
    }

    @Test
    void trainingNoMembersIsAnError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> trainer(MAXENT).trainMembers(List.of(), secondEntityAccepted(2, 1), BinaryTraining.defaults(),
                        List.of()));
        assertEquals("training members needs at least one member's settings", e.getMessage());
    }
}
