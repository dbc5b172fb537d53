package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.streams.Task;
import dev.quarry.streams.TaskSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerTasksTest {

    @Test
    void spansCountCodePointsAndTokenEndIsInclusive() {
        NerExample example = new NerExample("doc#1", List.of("😀", "São", "Paulo", "wins"),
                List.of(new EntitySpan(1, 3, "LOC")));
        Task task = NerTasks.toTask(example);
        assertEquals("😀 São Paulo wins", task.text());
        assertEquals(List.of(new TaskSpan(2, 11, 1, 2, "LOC", null, null)), task.spans());
        assertEquals("doc#1", task.meta().get("document").asText());
        assertEquals(12, task.get("tokens").get(3).get("start").asInt());
        assertEquals("accept", task.get("answer").asText());
    }
}
