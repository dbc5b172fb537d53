package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.text.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramCounterTest {

    private static Map<String, Long> frequent(NgramCounter counter, long min) {
        Map<String, Long> out = new LinkedHashMap<>();
        counter.forEachFrequent(min, 100, out::put);
        return out;
    }

    @Test
    void countsTwoToFourWordsNotEdgedByStopWordsNorCrossingPunctuation() {
        NgramCounter counter = new NgramCounter(Language.ENGLISH, 1000);
        counter.add(List.of("the", "swine", "flu", "virus", ",", "bill", "of", "rights", "do", "n't"));
        assertEquals(Map.of("swine flu", 1L, "swine flu virus", 1L, "flu virus", 1L, "bill of rights", 1L,
                "bill of rights do", 1L, "rights do", 1L), frequent(counter, 1));
    }

    @Test
    void frequentFirstThenByText() {
        NgramCounter counter = new NgramCounter(Language.ENGLISH, 1000);
        counter.add(List.of("swine", "flu"));
        counter.add(List.of("bird", "flu"));
        counter.add(List.of("swine", "flu"));
        assertEquals(List.of("swine flu", "bird flu"), List.copyOf(frequent(counter, 1).keySet()));
        assertEquals(Map.of("swine flu", 2L), frequent(counter, 2));
    }

    @Test
    void theMapStaysBoundedAndKeepsTheFrequentNgrams() {
        NgramCounter counter = new NgramCounter(Language.ENGLISH, 100);
        for (int i = 0; i < 5000; i++) {
            counter.add(List.of("swine", "flu"));
            counter.add(List.of("rare" + i, "word" + i));
            assertTrue(counter.size() <= 100, "size " + counter.size());
        }
        assertTrue(counter.prunes() > 0);
        assertEquals(5000L, frequent(counter, 100).get("swine flu"));
        assertEquals(1, frequent(counter, 2).size(), "every rare n-gram was seen once");
    }
}
