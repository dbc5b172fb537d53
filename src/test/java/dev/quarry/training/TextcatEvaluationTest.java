package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextcatEvaluationTest {

    private static final double EPS = 1e-12;

    @Test
    void aucCountsEachPositiveNegativePairRankedRight() {
        // pairs (pos, neg): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4 -> 3 of 4
        assertEquals(0.75, RocAuc.of(List.of(0.1, 0.4, 0.35, 0.8), List.of(false, false, true, true)), EPS);
        assertEquals(1.0, RocAuc.of(List.of(0.1, 0.2, 0.3), List.of(false, true, true)), EPS);
        assertEquals(0.0, RocAuc.of(List.of(0.1, 0.2, 0.3), List.of(true, false, false)), EPS);
    }

    @Test
    void aucCountsTiedPairsAsOneHalf() {
        // positives 0.5 and 0.9, negatives 0.5 and 0.5: 0.5 + 0.5 + 1 + 1 = 3 of 4
        assertEquals(0.75, RocAuc.of(List.of(0.5, 0.5, 0.5, 0.9), List.of(true, false, false, true)), EPS);
        assertEquals(0.5, RocAuc.of(List.of(0.3, 0.3, 0.3, 0.3), List.of(true, false, true, false)), EPS);
        // one positive tied with one of three negatives, above the other two: (1 + 1 + 0.5) / 3
        assertEquals(2.5 / 3, RocAuc.of(List.of(0.2, 0.2, 0.7, 0.7), List.of(false, false, false, true)), EPS);
    }

    @Test
    void aucIsUndefinedWithoutBothClasses() {
        assertTrue(Double.isNaN(RocAuc.of(List.of(0.1, 0.2), List.of(true, true))));
        assertTrue(Double.isNaN(RocAuc.of(List.of(), List.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(List.of(0.1), List.of(true, false)));
        assertEquals("1 scores but 2 labels", e.getMessage());
    }

    @Test
    void confusionMatrixCountsGoldRowsAgainstPredictedColumns() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("A", "B", "C"), List.of("A", "A", "B", "C", "C"),
                List.of("A", "B", "B", "A", "A"));
        assertEquals(1, m.count("A", "A"));
        assertEquals(1, m.count("A", "B"));
        assertEquals(1, m.count("B", "B"));
        assertEquals(2, m.count("C", "A"));
        assertEquals(0, m.count("C", "C"));
        assertEquals("{\"labels\":[\"A\",\"B\",\"C\"],\"counts\":[[1,1,0],[0,1,0],[2,0,0]]}", m.toJson().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(List.of("A"), List.of("A"), List.of("Z")));
        assertEquals("label \"Z\" is not one of [A]", e.getMessage());
    }

    @Test
    void exclusiveEvaluationFromScoresHasAccuracyAucAndConfusion() {
        List<TextcatExample> gold = List.of(new TextcatExample("t1", "A"), new TextcatExample("t2", "A"),
                new TextcatExample("t3", "B"), new TextcatExample("t4", "B"));
        List<Map<String, Double>> scores = List.of(scores(0.9, 0.1), scores(0.4, 0.6), scores(0.3, 0.7),
                scores(0.2, 0.8));
        TextcatEvaluation e = TextcatEvaluation.exclusive(gold, scores);
        assertEquals(0.75, e.accuracy(), EPS);
        assertEquals(new SpanCounts(1, 0, 1), e.perLabel().get("A"));
        assertEquals(new SpanCounts(2, 1, 0), e.perLabel().get("B"));
        // A's scores: positives 0.9, 0.4; negatives 0.3, 0.2 -> all 4 pairs right
        assertEquals(1.0, e.auc().get("A"), EPS);
        assertEquals(1.0, e.macroAuc(), EPS);
        assertEquals(1, e.confusion().count("A", "B"));
        assertEquals(0.75, e.microF1(), EPS);
        ObjectNode json = e.toJson();
        assertEquals("EXCLUSIVE", json.get("mode").asText());
        assertEquals(3, json.get("correct").asLong());
        assertEquals(1, json.at("/labels/A/fn").asLong());
        assertEquals(1.0, json.at("/labels/A/auc").asDouble(), EPS);
        assertEquals(2, json.at("/confusion/counts/1/1").asLong());
        assertTrue(e.table().contains("accuracy 75.00 (3/4)"), e.table());
    }

    @Test
    void multiLabelEvaluationScoresEachLabelOnlyWhereItIsKnown() {
        TextcatEvaluation e = partlyKnownLabels();
        // A known on t1 (yes, 0.8), t2 (no, 0.6), t3 (yes, 0.2): TP 1, FP 1, FN 1; t4 does not know A
        assertEquals(new SpanCounts(1, 1, 1), e.perLabel().get("A"));
        // B known on t1 (yes, 0.3), t2 (no, 0.1), t4 (no, 0.7): TP 1, FP 1
        assertEquals(new SpanCounts(1, 1, 0), e.perLabel().get("B"));
        // A: positive 0.8 > negative 0.6, positive 0.2 < 0.6 -> 0.5; B: 0.3 vs 0.1 and 0.7 -> 0.5
        assertEquals(0.5, e.auc().get("A"), EPS);
        assertEquals(0.5, e.auc().get("B"), EPS);
        // exact match over complete texts: t1 predicted {A, B} = gold; t2 predicted {A} != {}
        assertEquals(1, e.correct());
        assertEquals(2, e.total());
        assertNull(e.confusion());
        assertEquals(2.0 * 2 / (2 * 2 + 2 + 1), e.microF1(), EPS);
    }

    @Test
    void aChoiceThatShowedEveryLabelCountsForExactMatchAndAPartialOneDoesNot() {
        List<TextcatExample> gold = List.of(
                TextcatExample.choice("t1", Set.of("A"), Set.of("A", "B")),
                TextcatExample.choice("t2", Set.of("B"), Set.of("A", "B")),
                TextcatExample.choice("t3", Set.of("A"), Set.of("A")));
        TextcatEvaluation e = TextcatEvaluation.multiLabel(gold, List.of(scores(0.9, 0.1), scores(0.9, 0.8),
                scores(0.9, 0.9)), Map.of("A", 0.5, "B", 0.5));
        // t1 {A} = {A}; t2 {A, B} != {B}; t3 does not know B
        assertEquals(1, e.correct());
        assertEquals(2, e.total());
    }

    @Test
    void hammingLossIsTheShareOfWrongDecisionsOverTheLabelsEachTextKnows() {
        TextcatEvaluation e = partlyKnownLabels();
        // A decided on t1 (right), t2 (FP), t3 (FN); B on t1 (right), t2 (right), t4 (FP): 3 wrong of 6
        assertEquals(6, e.decisions());
        assertEquals(0.5, e.hammingLoss(), EPS);
        assertEquals(0.5, e.toJson().get("hamming_loss").asDouble(), EPS);
        assertTrue(e.table().contains("Hamming loss 0.5000"), e.table());
    }

    @Test
    void exclusiveHammingLossCountsAWrongTextAsTwoWrongDecisions() {
        // 3 texts x 3 labels; the one wrong text is a FN of A and a FP of B: 2 of 9
        TextcatEvaluation e = TextcatEvaluation.of(List.of("A", "A", "C"), List.of("A", "B", "C"));
        assertEquals(9, e.decisions());
        assertEquals(2.0 / 9, e.hammingLoss(), EPS);
        assertEquals(0, TextcatEvaluation.of(List.of(), List.of()).hammingLoss(), EPS);
    }

    @Test
    void exclusiveEvaluationWithoutScoresKeepsTheOldCounts() {
        TextcatEvaluation e = TextcatEvaluation.of(List.of("A", "A", "B"), List.of("A", "B", "B"));
        assertTrue(e.auc().isEmpty());
        assertTrue(e.toJson().get("macro_auc").isNull());
        assertEquals(1, e.confusion().count("A", "B"));
    }

    private static Map<String, Double> scores(double a, double b) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("A", a);
        scores.put("B", b);
        return scores;
    }

    /**
     * Four texts: t1 gold {A, B}, t2 gold {}, t3 A accepted (B unknown), t4 B rejected (A unknown); scores (A, B)
     * (0.8, 0.3), (0.6, 0.1), (0.2, 0.9), (0.9, 0.7); thresholds A 0.5, B 0.25.
     */
    private static TextcatEvaluation partlyKnownLabels() {
        List<TextcatExample> gold = List.of(
                TextcatExample.of("t1", Set.of("A", "B")),
                TextcatExample.of("t2", Set.of()),
                TextcatExample.accepted("t3", "A"),
                TextcatExample.rejected("t4", "B"));
        List<Map<String, Double>> scores = List.of(scores(0.8, 0.3), scores(0.6, 0.1), scores(0.2, 0.9),
                scores(0.9, 0.7));
        return TextcatEvaluation.multiLabel(gold, scores, Map.of("A", 0.5, "B", 0.25));
    }
}
