package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerEnsembleTest {

    private static final EntitySpan JOHN = new EntitySpan(0, 1, "PER");
    private static final EntitySpan JOHN_SMITH = new EntitySpan(0, 2, "PER");
    private static final EntitySpan PARIS = new EntitySpan(4, 5, "LOC");
    private static final EntitySpan PARIS_ORG = new EntitySpan(4, 5, "ORG");

    @Test
    void aSpanNeedsMoreThanHalfOfTheVotesWithTheSameBoundsAndLabel() {
        List<EntitySpan> voted = NerEnsemble.vote(List.of(List.of(JOHN_SMITH, PARIS), List.of(JOHN, PARIS_ORG),
                List.of(JOHN_SMITH, PARIS)));
        assertEquals(List.of(JOHN_SMITH, PARIS), voted);
    }

    @Test
    void aTieIsNotAMajority() {
        assertEquals(List.of(PARIS), NerEnsemble.vote(List.of(List.of(JOHN, PARIS), List.of(JOHN_SMITH, PARIS))));
    }

    @Test
    void keptSpansAreSortedByStart() {
        List<EntitySpan> voted = NerEnsemble.vote(List.of(List.of(PARIS, JOHN), List.of(JOHN, PARIS)));
        assertEquals(List.of(JOHN, PARIS), voted);
    }

    @Test
    void anEmptyEnsembleIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NerEnsemble(List.of()));
        assertEquals("an ensemble needs at least one model", e.getMessage());
    }

    @Test
    void membersSwitchOnOneFeatureEachThenAddSixteenClusters() {
        NerSettings base = NerSettings.openNlpDefaults().withClusters(List.of("k256"), 2);
        List<NerSettings> members = NerEnsemble.memberSettings(base, 5);
        assertEquals(List.of(base, base.with(NerFeature.OUTCOME_CLUSTERS, true),
                base.with(NerFeature.CONTEXT_AGGREGATION, true), base.with(NerFeature.TRUECASE_HEADLINES, true),
                base.withClusters(List.of("k256", "k16"), 2)), members);
        assertEquals(members.subList(0, 3), NerEnsemble.memberSettings(base, 3));
    }

    @Test
    void withoutClustersTheFifthMemberReadsTheDocumentTopic() {
        NerSettings base = NerSettings.openNlpDefaults();
        assertEquals(base.with(NerFeature.DOCUMENT_TOPIC, true), NerEnsemble.memberSettings(base, 5).get(4));
    }

    @Test
    void aVoteOfOtherThanThreeOrFiveMembersIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NerEnsemble.memberSettings(NerSettings.openNlpDefaults(), 4));
        assertEquals("an NER vote has 3 or 5 members, got 4", e.getMessage());
    }

    @Test
    void aKeptSpanIsScoredByItsShareOfVotes() {
        List<ScoredEntity> voted = NerEnsemble.scoredVote(List.of(List.of(JOHN, PARIS), List.of(JOHN, PARIS_ORG),
                List.of(JOHN, PARIS)));
        assertEquals(List.of(new ScoredEntity(JOHN, 1.0), new ScoredEntity(PARIS, 2.0 / 3)), voted);
    }
}
