package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerEvaluationTest {

    private static EntitySpan span(int start, int end, String label) {
        return new EntitySpan(start, end, label);
    }

    @Test
    void partialOverlapIsBothAFalsePositiveAndAFalseNegative() {
        NerEvaluation e = NerEvaluation.of(List.of(List.of(span(0, 2, "PER"))), List.of(List.of(span(0, 1, "PER"))));
        assertEquals(new SpanCounts(0, 1, 1), e.perLabel().get("PER"));
        assertEquals(0.0, e.micro().f1());
    }

    @Test
    void wrongLabelCountsAgainstBothLabels() {
        NerEvaluation e = NerEvaluation.of(List.of(List.of(span(0, 1, "PER"))), List.of(List.of(span(0, 1, "ORG"))));
        assertEquals(new SpanCounts(0, 0, 1), e.perLabel().get("PER"));
        assertEquals(new SpanCounts(0, 1, 0), e.perLabel().get("ORG"));
    }

    @Test
    void microPoolsCountsAndMacroAveragesLabels() {
        // sentence 1: PER found, LOC missed; sentence 2: LOC found, a spurious ORG
        NerEvaluation e = NerEvaluation.of(
                List.of(List.of(span(0, 1, "PER"), span(2, 3, "LOC")), List.of(span(1, 2, "LOC"))),
                List.of(List.of(span(0, 1, "PER")), List.of(span(1, 2, "LOC"), span(3, 4, "ORG"))));
        assertEquals(new SpanCounts(2, 1, 1), e.micro());
        assertEquals(2.0 / 3, e.micro().precision(), 1e-12);
        assertEquals(2.0 / 3, e.micro().recall(), 1e-12);
        // PER F1 1, LOC P 1 R 1/2 -> F1 2/3, ORG 0
        assertEquals((1 + 2.0 / 3 + 0) / 3, e.macroF1(), 1e-12);
        assertEquals(List.of("LOC", "ORG", "PER"), List.copyOf(e.perLabel().keySet()));
    }

    @Test
    void noSpansAtAllScoresZeroWithoutDividingByZero() {
        NerEvaluation e = NerEvaluation.of(List.of(List.of()), List.of(List.of()));
        assertEquals(SpanCounts.ZERO, e.micro());
        assertEquals(0.0, e.micro().f1());
        assertEquals(0.0, e.macroF1());
    }

    @Test
    void differentSentenceCountsAreRejected() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> NerEvaluation.of(List.of(List.of()), List.of()));
        assertEquals("gold has 1 sentences but predictions have 0", x.getMessage());
    }
}
