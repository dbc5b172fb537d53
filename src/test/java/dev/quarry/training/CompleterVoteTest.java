package dev.quarry.training;

import static dev.quarry.training.BinaryTraining.Agreement.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binary examples completed by a vote of completing models ({@link BinaryTraining.Completer#vote}). */
class CompleterVoteTest {

    private static final List<String> TOKENS = List.of("Anna", "visited", "Paris", ".");
    private static final EntitySpan ANNA = new EntitySpan(0, 1, "PER");
    private static final EntitySpan PARIS = new EntitySpan(2, 3, "LOC");

    private static List<BinaryCompletion.Completed> member(List<EntitySpan> spans) {
        return List.of(new BinaryCompletion.Completed(new NerExample("d", TOKENS, spans), null, null));
    }

    private static List<List<BinaryCompletion.Completed>> twoOfThreeSeeParis() {
        return List.of(member(List.of(ANNA, PARIS)), member(List.of(ANNA)), member(List.of(ANNA, PARIS)));
    }

    @Test
    void theVoteKeepsTheSpansMostMembersCompletedAndTrustsEveryToken() {
        BinaryCompletion.Completed voted = BinaryCompletion.vote(twoOfThreeSeeParis()).getFirst();
        assertEquals(List.of(ANNA, PARIS), voted.example().spans());
        assertNull(voted.trusted());
        assertNull(voted.mask(false));
        assertEquals(List.of("PER-start", "other", "LOC-start", "other"),
                List.of(voted.readings().getFirst().outcomes()));
    }

    @Test
    void learningAgreedTokensOnlyLeavesOutTheTokensTheMembersDisagreeOn() {
        BinaryCompletion.Completed voted = BinaryCompletion.vote(twoOfThreeSeeParis()).getFirst();
        boolean[] mask = voted.mask(true);
        assertTrue(mask[0] && mask[1] && mask[3]);
        assertFalse(mask[2]);
    }

    @Test
    void aTokenIsLearntOnlyWhereEveryMemberTrustsIt() {
        var members = new ArrayList<>(twoOfThreeSeeParis());
        members.set(0, List.of(new BinaryCompletion.Completed(new NerExample("d", TOKENS, List.of(ANNA, PARIS)),
                new boolean[] {true, false, true, true}, null)));
        BinaryCompletion.Completed voted = BinaryCompletion.vote(members).getFirst();
        assertEquals(List.of(true, false, true, true), asList(voted.mask(false)));
        assertEquals(List.of(true, false, false, true), asList(voted.mask(true)));
    }

    private static List<Boolean> asList(boolean[] values) {
        List<Boolean> list = new ArrayList<>();
        for (boolean value : values) {
            list.add(value);
        }
        return list;
    }

    @Test
    void agreementSaysWhetherTheFinalModelOrOnlyTheCompletersLeaveOutDisagreedTokens() {
        List<BinaryCompletion.Completed> voted = BinaryCompletion.vote(twoOfThreeSeeParis());
        List<BinaryNerExample> binary = List.of(new BinaryNerExample("d", TOKENS, List.of(ANNA), List.of()));
        List<NerExample> seed = BinaryTrainingTest.data(2, 1);
        boolean[] disagreed = {true, true, false, true};
        for (var agreement : BinaryTraining.Agreement.values()) {
            BinaryTrainer trainer = new BinaryTrainer(new NerTrainer(NerSettings.openNlpDefaults(), Map.of(), null),
                    BinaryTraining.defaults().withCompleter(BinaryTraining.Completer.vote(
                            BinaryTraining.Completer.stronger(), 3, agreement)), null);
            boolean[] completer = mask(trainer.withCompletions(seed, voted, binary, -1, false));
            boolean[] last = mask(trainer.withCompletions(seed, voted, binary, -1, true));
            boolean everyToken = agreement == NONE || agreement == BinaryTraining.Agreement.OTHERS;
            assertEquals(everyToken ? null : asList(disagreed), completer == null ? null : asList(completer));
            assertEquals(agreement == BinaryTraining.Agreement.ALL ? asList(disagreed) : null,
                    last == null ? null : asList(last));
        }
    }

    @Test
    void underTriTrainingEachCompleterLearnsTheTokensTheOtherMembersAgreeOn() {
        List<BinaryCompletion.Completed> voted = BinaryCompletion.vote(twoOfThreeSeeParis());
        List<BinaryNerExample> binary = List.of(new BinaryNerExample("d", TOKENS, List.of(ANNA), List.of()));
        List<NerExample> seed = BinaryTrainingTest.data(2, 1);
        BinaryTrainer trainer = new BinaryTrainer(new NerTrainer(NerSettings.openNlpDefaults(), Map.of(), null),
                BinaryTraining.defaults().withCompleter(BinaryTraining.Completer.vote(
                        BinaryTraining.Completer.stronger(), 3, BinaryTraining.Agreement.OTHERS)), null);
        // member 1 alone missed Paris: the others agree, so it learns Paris; 0 and 2 are not taught what 1 said
        assertEquals(List.of(true, true, false, true),
                asList(mask(trainer.withCompletions(seed, voted, binary, -1, false, 0))));
        assertNull(mask(trainer.withCompletions(seed, voted, binary, -1, false, 1)));
        assertEquals(List.of(true, true, false, true),
                asList(mask(trainer.withCompletions(seed, voted, binary, -1, false, 2))));
        assertNull(mask(trainer.withCompletions(seed, voted, binary, -1, true, 0)));
    }

    @Test
    void aLowerVoteThresholdKeepsMinoritySpansAndGivesAnOverlapToTheSpanWithMoreVotes() {
        EntitySpan visitedParis = new EntitySpan(1, 3, "MISC");
        var members = List.of(member(List.of(ANNA, PARIS)), member(List.of(visitedParis)), member(List.of(PARIS)));
        assertEquals(List.of(PARIS), BinaryCompletion.vote(members).getFirst().example().spans());
        assertEquals(List.of(ANNA, PARIS), BinaryCompletion.vote(members, 1).getFirst().example().spans());
        var tie = List.of(member(List.of(PARIS)), member(List.of(visitedParis)), member(List.of()));
        assertEquals(List.of(visitedParis), BinaryCompletion.vote(tie, 1).getFirst().example().spans());
    }

    @Test
    void aVotesThresholdIsBetweenOneAndItsSizeAndAMajorityByDefault() {
        var stronger = BinaryTraining.Completer.stronger();
        assertEquals(BinaryTraining.Completer.vote(stronger, 5, NONE, 3), BinaryTraining.Completer.vote(stronger, 5,
                NONE));
        assertEquals("a vote of 5 keeps a span with 1 to 5 votes, got minVotes 6",
                assertThrows(IllegalArgumentException.class, () -> BinaryTraining.Completer.vote(stronger, 5, NONE, 6))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinaryTraining.Completer.vote(stronger, 3, NONE, 0));
    }

    /** The mask of the last example, null when no example is masked. */
    private static boolean[] mask(BinaryTrainer.Data data) {
        return data.masks() == null ? null : data.masks().getLast();
    }

    @Test
    void aSpanWithoutAMajorityIsCompletedAsOther() {
        var members = List.of(member(List.of(ANNA, PARIS)), member(List.of(ANNA)), member(List.of(ANNA)));
        assertEquals(List.of(ANNA), BinaryCompletion.vote(members).getFirst().example().spans());
    }

    @Test
    void aVotesMembersAreTheEnsembleRuleOnTheBaseCompletersSettings() {
        NerSettings trainer = NerSettings.openNlpDefaults();
        var vote = BinaryTraining.Completer.vote(BinaryTraining.Completer.stronger(), 5,
                BinaryTraining.Agreement.ALL);
        NerSettings stronger = BinaryTraining.Completer.stronger().settingsFor(trainer);
        assertEquals(NerEnsemble.memberSettings(stronger, 5), vote.membersFor(trainer));
        assertEquals(stronger, vote.settingsFor(trainer));
        assertEquals(BinaryTraining.Agreement.ALL, vote.agreement());
        assertEquals(BinaryTraining.Agreement.NONE, BinaryTraining.Completer.stronger().agreement());
    }

    @Test
    void byDefaultFiveCompletersVoteAndTheCompletersLearnOnlyWhatTheyAgreeOn() {
        assertEquals(BinaryTraining.Completer.vote(BinaryTraining.Completer.stronger(), 5,
                BinaryTraining.Agreement.COMPLETERS), BinaryTraining.defaults().completer());
    }

    @Test
    void aVoteHasThreeOrFiveMembersOverOneCompleter() {
        var stronger = BinaryTraining.Completer.stronger();
        assertEquals("a completer vote has 3 or 5 members, got 4",
                assertThrows(IllegalArgumentException.class, () -> BinaryTraining.Completer.vote(stronger, 4, NONE))
                        .getMessage());
        var vote = BinaryTraining.Completer.vote(stronger, 3, NONE);
        assertThrows(IllegalArgumentException.class, () -> BinaryTraining.Completer.vote(vote, 3, NONE));
    }

    @Test
    void aMemberWhoseClustersTheTrainerLacksTakesTheDocumentTopicInstead() {
        Map<String, WordClusters> clusters = Map.of("k", WordClusters.of(Map.of("anna", 0, "paris", 1)));
        NerSettings settings = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0)
                .withClusters(List.of("k"), 1);
        NerTrainer trainer = new NerTrainer(settings, clusters, null);
        var how = BinaryTraining.defaults().withRounds(1).withAnswerPatterns(BinaryTraining.AnswerPatterns.NONE)
                .withCompleter(BinaryTraining.Completer.vote(BinaryTraining.Completer.trainers(), 5, NONE));
        List<List<NerSettings>> seen = new ArrayList<>();
        trainer.train(BinaryTrainingTest.data(20, 1), binary(20, 2), how, (round, completed, completers) ->
                seen.add(completers.stream().map(NerModel::settings).toList()));
        List<NerSettings> members = seen.getFirst();
        assertEquals(5, members.size());
        assertEquals(settings.with(NerFeature.DOCUMENT_TOPIC, true), members.getLast());
        assertEquals(NerEnsemble.memberSettings(settings, 5).subList(0, 4), members.subList(0, 4));
    }

    @Test
    void votedCompletionsHoldEveryAnswerAndTeachTheFinalModel() {
        votedCompletionsHoldEveryAnswerAndTeachTheFinalModel(BinaryTraining.Completer.vote(
                BinaryTraining.Completer.stronger(), 3, BinaryTraining.Agreement.COMPLETERS));
    }

    @Test
    void triTrainedCompletionsWithAMinorityThresholdStillHoldEveryAnswer() {
        votedCompletionsHoldEveryAnswerAndTeachTheFinalModel(BinaryTraining.Completer.vote(
                BinaryTraining.Completer.stronger(), 3, BinaryTraining.Agreement.OTHERS, 1));
    }

    private static void votedCompletionsHoldEveryAnswerAndTeachTheFinalModel(BinaryTraining.Completer vote) {
        List<BinaryNerExample> binary = binary(40, 4);
        var how = BinaryTraining.defaults().withCompleter(vote);
        List<Integer> rounds = new ArrayList<>();
        NerTrainer trainer = new NerTrainer(NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 30, 0), Map.of(),
                null);
        NerModel model = trainer.train(BinaryTrainingTest.data(10, 3), binary, how, (round, completed, completers) -> {
            rounds.add(round);
            assertEquals(3, completers.size());
            for (int i = 0; i < binary.size(); i++) {
                assertTrue(completed.get(i).spans().containsAll(binary.get(i).accepted()));
                assertFalse(completed.get(i).spans().contains(new EntitySpan(0, 1, "LOC")));
            }
        });
        assertEquals(List.of(1, 2), rounds);
        double f1 = model.evaluate(BinaryTrainingTest.data(30, 9)).micro().f1();
        assertTrue(f1 > 0.9, "F1 " + f1);
    }

    /** The second span of each example accepted, "the first token is a place" rejected. */
    private static List<BinaryNerExample> binary(int size, long seed) {
        List<BinaryNerExample> binary = new ArrayList<>();
        for (NerExample e : BinaryTrainingTest.data(size, seed)) {
            binary.add(new BinaryNerExample(e.documentId(), e.tokens(), List.of(e.spans().get(1)),
                    List.of(new EntitySpan(0, 1, "LOC"))));
        }
        return binary;
    }
}
