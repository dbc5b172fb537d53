package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindWithTermsTest {

    /** "h" is a task with a hit, "m" a miss; the text is its position. */
    private static List<Task> stream(String pattern) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            tasks.add(Task.of(pattern.charAt(i) + "" + i));
        }
        return tasks;
    }

    private static List<String> run(FindWithTerms find) {
        List<String> out = new ArrayList<>();
        find.forEachRemaining(t -> out.add(t.text()));
        return out;
    }

    private static FindWithTerms find(String pattern, long atLeast, long atMost, long giveUpAfter,
                                      FindWithTerms.Then then) {
        return new FindWithTerms(TaskSource.of(stream(pattern).iterator()),
                t -> t.text().startsWith("h") ? 1 : 0, atLeast, atMost, giveUpAfter, then);
    }

    @Test
    void stopsAfterAtMostFinds() {
        FindWithTerms find = find("hmhhmh", 0, 2, 10, FindWithTerms.Then.STOP);
        assertEquals(List.of("h0", "h2"), run(find));
        assertEquals(FindWithTerms.Outcome.FOUND_AT_MOST, find.outcome());
        assertEquals(1, find.missed());
    }

    @Test
    void givesUpAfterMissesInARowOnlyBeforeAtLeastFinds() {
        FindWithTerms early = find("hmmmh", 2, 10, 3, FindWithTerms.Then.STOP);
        assertEquals(List.of("h0"), run(early));
        assertEquals(FindWithTerms.Outcome.GAVE_UP, early.outcome());
        FindWithTerms late = find("hhmmmh", 2, 10, 3, FindWithTerms.Then.STOP);
        assertEquals(List.of("h0", "h1", "h5"), run(late));
        assertEquals(FindWithTerms.Outcome.SOURCE_ENDED, late.outcome());
    }

    @Test
    void restPassesOnEveryTaskNotYetReadAfterTheSearchEnds() {
        FindWithTerms find = find("hmmmhmh", 2, 10, 3, FindWithTerms.Then.REST);
        assertEquals(List.of("h0", "h4", "m5", "h6"), run(find));
        assertEquals(FindWithTerms.Outcome.GAVE_UP, find.outcome());
        assertEquals(3, find.missed());
    }
}
