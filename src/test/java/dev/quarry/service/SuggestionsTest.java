package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.streams.Task;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final Set<String> LABELS = Set.of("SPORT", "MEDICINE");

    private static double priority(String json) {
        return Suggestions.priority(Task.parse(json), LABELS);
    }

    @Test
    void aPatternHitRanksAboveAnyPredictionAndUncertainHitsFirstAmongHits() {
        double hit = priority("{\"text\": \"a\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\"}]}");
        double hitAndUnsure = priority("{\"text\": \"a\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\", "
                + "\"origin\": \"pattern\"}, {\"start\": 0, \"end\": 1, \"label\": \"Y\", \"origin\": \"model\", "
                + "\"score\": 0.5}]}");
        double unsure = priority("{\"text\": \"a\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"Y\", "
                + "\"origin\": \"model\", \"score\": 0.5}]}");
        assertEquals(2.0, hit);
        assertEquals(3.0, hitAndUnsure);
        assertEquals(1.0, unsure);
    }

    @Test
    void uncertaintyIsTheClosestScoreToOneHalfOverSpansAndTheAppsCategories() {
        assertEquals(0.2, priority("{\"text\": \"a\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"Y\", "
                + "\"origin\": \"model\", \"score\": 0.9}, {\"start\": 0, \"end\": 1, \"label\": \"Y\", "
                + "\"origin\": \"model\", \"score\": 0.1}]}"), 1e-9);
        assertEquals(0.8, priority("{\"text\": \"a\", \"cats\": {\"SPORT\": 0.6, \"MEDICINE\": 0.4, "
                + "\"OTHER\": 0.5}}"), 1e-9, "OTHER is not one of the app's labels");
        assertEquals(0.0, priority("{\"text\": \"a\"}"));
        assertEquals(0.0, priority("{\"text\": \"a\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"Y\", "
                + "\"origin\": \"model\"}]}"), "a model span without a score says nothing");
    }
}
