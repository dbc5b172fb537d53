package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.streams.Task;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextcatTasksTest {

    private static Optional<TextcatExample> read(String json) {
        return TextcatTasks.example(Task.parse(json));
    }

    @Test
    void aBinaryAnswerKnowsOnlyItsLabel() {
        TextcatExample yes = read("{\"text\":\"a goal\",\"label\":\"SPORT\",\"answer\":\"accept\"}").orElseThrow();
        assertEquals(TextcatExample.accepted("a goal", "SPORT"), yes);
        TextcatExample no = read("{\"text\":\"a dose\",\"label\":\"SPORT\",\"answer\":\"reject\"}").orElseThrow();
        assertEquals(Boolean.FALSE, no.has("SPORT"));
        assertEquals(null, no.has("MEDICINE"));
    }

    @Test
    void aChoiceAnswerKnowsEveryOptionShown() {
        TextcatExample e = read("{\"text\":\"t\",\"options\":[{\"id\":\"A\",\"text\":\"a\"},{\"id\":\"B\",\"text\":"
                + "\"b\"}],\"accept\":[\"B\"],\"answer\":\"accept\",\"_view_id\":\"choice\","
                + "\"spans\":[{\"start\":0,\"end\":1,\"label\":\"ORG\"}]}").orElseThrow();
        assertEquals(Set.of("B"), e.labels());
        assertEquals(Set.of("A"), e.rejected());
        assertEquals(List.of("ORG"), e.entityLabels());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> read(
                "{\"text\":\"t\",\"options\":[{\"id\":\"A\",\"text\":\"a\"}],\"accept\":[\"C\"],\"answer\":\"accept\"}"));
        assertEquals("accepted labels must be among the options [A], got [C]", bad.getMessage());
    }

    @Test
    void ignoredRejectedChoicesAndUnlabelledTasksGiveNothing() {
        assertTrue(read("{\"text\":\"t\",\"label\":\"A\",\"answer\":\"ignore\"}").isEmpty());
        assertTrue(read("{\"text\":\"t\",\"label\":\"A\"}").isEmpty());
        assertTrue(read("{\"text\":\"t\",\"options\":[{\"id\":\"A\",\"text\":\"a\"}],\"accept\":[],"
                + "\"answer\":\"reject\"}").isEmpty());
        assertTrue(read("{\"text\":\"t\",\"answer\":\"accept\"}").isEmpty());
    }
}
