package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the final model learns from a vote's completions ({@link BinaryTraining.Distillation}). */
class BinaryDistillationTest {

    private static final NerSettings MAXENT = NerSettings.openNlpDefaults().withLearner("MAXENT", 30, 2);
    private static final List<String> TOKENS = List.of("Anna", "met", "Boris", ".");
    private static final BinaryNerExample ANSWER = new BinaryNerExample("b", TOKENS,
            List.of(new EntitySpan(0, 1, "PER")), List.of(new EntitySpan(2, 3, "LOC")));
    private static final NerExample SEED = new NerExample("s", List.of("Carla", "visited", "Rome", "."),
            List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC")));

    private static NerTrainer trainer() {
        return new NerTrainer(MAXENT, Map.of(), null);
    }

    private static BinaryTraining voteOfThree(BinaryTraining.Distillation distillation,
                                              BinaryTraining.Agreement agreement) {
        return BinaryTraining.defaults().withAnswerPatterns(BinaryTraining.AnswerPatterns.NONE)
                .withCompleter(BinaryTraining.Completer.vote(BinaryTraining.Completer.trainers(), 3, agreement))
                .withDistillation(distillation);
    }

    /** One member's completion of {@link #ANSWER}: {@code spans}, its beam the best sequence and all O. */
    private static BinaryCompletion.Completed member(EntitySpan... spans) {
        NerExample example = new NerExample("b", TOKENS, List.of(spans));
        String[] none = {"other", "other", "other", "other"};
        return new BinaryCompletion.Completed(example, null, List.of(
                new MaskedTraining.Reading(BinaryTrainer.outcomes(example), 0.75),
                new MaskedTraining.Reading(none, 0.25)));
    }

    /** Two of three members complete Boris as a person, one leaves him O. */
    private static List<BinaryCompletion.Completed> splitVote() {
        EntitySpan anna = new EntitySpan(0, 1, "PER");
        EntitySpan boris = new EntitySpan(2, 3, "PER");
        return BinaryCompletion.vote(List.of(List.of(member(anna, boris)), List.of(member(anna, boris)),
                List.of(member(anna))));
    }

    private static BinaryTrainer.Data finalData(BinaryTraining how) {
        return new BinaryTrainer(trainer(), how, null).withCompletions(List.of(SEED), splitVote(), List.of(ANSWER),
                -1, true);
    }

    @Test
    void memberCopiesReadEachBinaryExampleOncePerMemberWithThatMembersLabels() {
        BinaryTrainer.Data data = finalData(voteOfThree(BinaryTraining.Distillation.MEMBERS,
                BinaryTraining.Agreement.COMPLETERS));
        assertEquals(3, data.copies(), "a complete example weighs as much as the three readings of a binary one");
        assertNull(data.readings().getFirst(), "the complete example is learnt as it is");
        List<MaskedTraining.Reading> readings = data.readings().get(1);
        assertEquals(3, readings.size());
        String[] both = {"PER-start", "other", "PER-start", "other"};
        String[] annaOnly = {"PER-start", "other", "other", "other"};
        List<String[]> expected = List.of(both, both, annaOnly);
        for (int m = 0; m < 3; m++) {
            assertArrayEquals(expected.get(m), readings.get(m).outcomes());
            assertEquals(1.0 / 3, readings.get(m).weight(), 1e-12);
        }
        assertEquals(List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "PER")),
                data.examples().get(1).spans(), "the example itself (and the document features) keeps the vote");
    }

    @Test
    void memberBeamsShareEachMembersWeightAmongItsBeam() {
        BinaryTrainer.Data data = finalData(voteOfThree(BinaryTraining.Distillation.MEMBER_BEAMS,
                BinaryTraining.Agreement.COMPLETERS));
        assertEquals(3 * BinaryTrainer.SOFT_COPIES, data.copies());
        List<MaskedTraining.Reading> readings = data.readings().get(1);
        assertEquals(6, readings.size());
        assertEquals(0.25, readings.getFirst().weight(), 1e-12);
        assertEquals(1.0 / 12, readings.get(1).weight(), 1e-12);
        assertEquals(1.0, readings.stream().mapToDouble(MaskedTraining.Reading::weight).sum(), 1e-12);
    }

    @Test
    void agreementWeightingTeachesTheVotesLabelOncePerMemberThatHasIt() {
        BinaryTrainer.Data data = finalData(voteOfThree(BinaryTraining.Distillation.VOTE_BY_AGREEMENT,
                BinaryTraining.Agreement.COMPLETERS));
        assertEquals(3, data.copies());
        List<MaskedTraining.Reading> readings = data.readings().get(1);
        assertEquals(3, readings.size());
        String[] vote = {"PER-start", "other", "PER-start", "other"};
        for (MaskedTraining.Reading reading : readings) {
            assertArrayEquals(vote, reading.outcomes(), "every reading is the vote: no token teaches two labels");
            assertEquals(1.0 / 3, reading.weight(), 1e-12);
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, readings.get(0).learnt());
        assertArrayEquals(new boolean[] {true, true, false, true}, readings.get(2).learnt(),
                "the third member left Boris O: its copy of the vote does not teach him");
    }

    @Test
    void aReadingThatDoesNotTeachATokenTrainsAsAMaskOnIt() {
        List<NerExample> examples = BinaryTrainingTest.data(40, 1);
        List<boolean[]> masks = new ArrayList<>();
        List<List<MaskedTraining.Reading>> readings = new ArrayList<>();
        for (NerExample example : examples) {
            boolean[] mask = {true, true, example.spans().get(1).label().equals("PER"), true};
            masks.add(mask);
            readings.add(List.of(new MaskedTraining.Reading(BinaryTrainer.outcomes(example), 1, mask)));
        }
        NerModel masked = trainer().trainWeighted(examples, masks, null, 1);
        NerModel unlearnt = trainer().trainWeighted(examples, null, readings, 1);
        for (NerExample example : BinaryTrainingTest.data(20, 5)) {
            List<SpanSuggestion> expected = masked.suggest(List.of(example.tokens()), 4).getFirst();
            List<SpanSuggestion> actual = unlearnt.suggest(List.of(example.tokens()), 4).getFirst();
            assertEquals(expected.size(), actual.size());
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k).span(), actual.get(k).span());
                assertEquals(expected.get(k).probability(), actual.get(k).probability(), 1e-9);
            }
        }
    }

    @Test
    void theVoteAndTheCompletingModelsLearnOneLabelPerToken() {
        BinaryTraining members = voteOfThree(BinaryTraining.Distillation.MEMBERS, BinaryTraining.Agreement.NONE);
        BinaryTrainer.Data vote = finalData(members.withDistillation(BinaryTraining.Distillation.VOTE));
        assertNull(vote.readings());
        assertEquals(1, vote.copies());
        BinaryTrainer.Data completers = new BinaryTrainer(trainer(), members, null).withCompletions(List.of(SEED),
                splitVote(), List.of(ANSWER), -1, false, 0);
        assertNull(completers.readings(), "distillation is for the final model only");
        assertEquals(1, completers.copies());
    }

    @Test
    void aMaskLeavesOutEveryMembersReadingOfADisagreedToken() {
        BinaryTrainer.Data data = finalData(voteOfThree(BinaryTraining.Distillation.MEMBERS,
                BinaryTraining.Agreement.ALL));
        assertNull(data.masks().getFirst());
        assertArrayEquals(new boolean[] {true, true, false, true}, data.masks().get(1));
        assertEquals(3, data.readings().get(1).size());
    }

    @Test
    void aTokenTheMembersSplitIsLearntInProportionToTheirVotes() {
        // "Zed" is a person in two members' completions and O in the third's; the vote says person
        List<NerExample> examples = new ArrayList<>(BinaryTrainingTest.data(30, 1));
        List<List<MaskedTraining.Reading>> members = new ArrayList<>(Collections.nCopies(30, null));
        List<List<MaskedTraining.Reading>> vote = new ArrayList<>(Collections.nCopies(30, null));
        for (int i = 0; i < 60; i++) {
            NerExample zed = new NerExample("z" + i, List.of("Zed", "spoke", "."), List.of());
            NerExample per = new NerExample("z" + i, zed.tokens(), List.of(new EntitySpan(0, 1, "PER")));
            List<BinaryCompletion.Completed> voted = BinaryCompletion.vote(List.of(List.of(plain(per)),
                    List.of(plain(per)), List.of(plain(zed))));
            examples.add(voted.getFirst().example());
            members.add(voted.getFirst().memberReadings(false));
            vote.add(null);
        }
        double soft = personProbability(trainer().trainWeighted(examples, null, members, 3));
        double hard = personProbability(trainer().trainWeighted(examples, null, vote, 3));
        assertTrue(soft > 0.5 && soft < 0.85, "members " + soft);
        assertTrue(hard > 0.95, "vote " + hard);
    }

    private static BinaryCompletion.Completed plain(NerExample example) {
        return new BinaryCompletion.Completed(example, null, List.of(
                new MaskedTraining.Reading(BinaryTrainer.outcomes(example), 1)));
    }

    private static double personProbability(NerModel model) {
        return model.suggest(List.of(List.of("Zed", "spoke", ".")), 8).getFirst().stream()
                .filter(s -> s.span().equals(new EntitySpan(0, 1, "PER"))).mapToDouble(SpanSuggestion::probability)
                .sum();
    }

    @Test
    void distillingFromTheMembersKeepsTheAnswersAndNeverTeachesUnknownNamesO() {
        // each answered sentence accepts only its second entity: its first person is unknown, never said to be O
        List<NerExample> seed = BinaryTrainingTest.data(10, 2);
        List<BinaryNerExample> binary = BinaryTrainingTest.data(60, 3).stream().map(e -> new BinaryNerExample(
                e.documentId(), e.tokens(), List.of(e.spans().get(1)), List.of(new EntitySpan(0, 1, "LOC"))))
                .toList();
        BinaryTraining how = voteOfThree(BinaryTraining.Distillation.MEMBERS, BinaryTraining.Agreement.COMPLETERS)
                .withRounds(1);
        List<NerExample> test = BinaryTrainingTest.data(40, 5);
        NerModel model = trainer().train(seed, binary, how);
        double recall = model.evaluate(test).perLabel().get("PER").recall();
        assertTrue(recall > 0.9, "PER recall " + recall);
        for (BinaryNerExample answer : binary) {
            List<String> words = answer.tokens();
            List<EntitySpan> predicted = model.predict(List.of(words)).getFirst();
            assertFalse(predicted.contains(new EntitySpan(0, 1, "LOC")), words.toString());
        }
    }

    @Test
    void softLabelsAndMemberDistillationCannotBeCombined() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinaryTraining.defaults()
                .withDistillation(BinaryTraining.Distillation.MEMBERS).withSoftLabels(true));
        assertEquals("softLabels and distillation MEMBERS both say what the final model learns: choose one",
                e.getMessage());
    }
}
