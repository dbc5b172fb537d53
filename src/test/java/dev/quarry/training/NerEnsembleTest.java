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
}
