package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.quarry.text.Offsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    /** Shaped like a line of {@code prodigy db-out} after ner.manual: tokens, spans, floats, an emoji, a view id. */
    static final String NER_LINE = "{\"text\":\"\uD83D\uDE00 Apple bought U.K. startup Fooly for $1 billion\","
            + "\"meta\":{\"source\":\"news\",\"score\":0.30000000000000004,\"tiny\":1e-05,\"big\":1.5E+16},"
            + "\"_input_hash\":-1470183472,\"_task_hash\":1854399124,"
            + "\"tokens\":[{\"text\":\"\uD83D\uDE00\",\"start\":0,\"end\":1,\"id\":0,\"ws\":true},"
            + "{\"text\":\"Apple\",\"start\":2,\"end\":7,\"id\":1,\"ws\":true}],"
            + "\"spans\":[{\"start\":2,\"end\":7,\"token_start\":1,\"token_end\":1,\"label\":\"ORG\"}],"
            + "\"_view_id\":\"ner_manual\",\"answer\":\"accept\",\"_timestamp\":1700000000,"
            + "\"_annotator_id\":\"news-alex\",\"_session_id\":\"news-alex\"}";

    static final String TEXTCAT_LINE = "{\"text\":\"Caf\u00e9 au lait, s'il vous pla\u00eet \u2615\","
            + "\"label\":\"FOOD\",\"meta\":{\"id\":7},\"_input_hash\":12,\"_task_hash\":-9,\"answer\":\"reject\"}";

    @Test
    void unchangedTaskWritesBackTheLineItWasReadFrom() {
        assertEquals(NER_LINE, Task.parse(NER_LINE).toJson());
        assertEquals(TEXTCAT_LINE, Task.parse(TEXTCAT_LINE).toJson());
    }

    @Test
    void changedTaskKeepsKeyOrderUnknownKeysAndFloatDigits() {
        Task changed = Task.parse(NER_LINE).withAnswer(Answer.REJECT);
        assertEquals(NER_LINE.replace("\"answer\":\"accept\"", "\"answer\":\"reject\""), changed.toJson());
    }

    @Test
    void newKeysGoLast() {
        Task task = Task.parse("{\"text\":\"hi\",\"meta\":{\"a\":2.50}}").withHashes(5, 6);
        assertEquals("{\"text\":\"hi\",\"meta\":{\"a\":2.50},\"_input_hash\":5,\"_task_hash\":6}", task.toJson());
    }

    @Test
    void knownFieldsAreReadWithSpanOffsetsInCodePoints() {
        Task task = Task.parse(NER_LINE);
        assertEquals(List.of(new TaskSpan(2, 7, 1, 1, "ORG", null, null)), task.spans());
        TaskSpan apple = task.spans().get(0);
        Offsets offsets = Offsets.of(task.text());
        assertEquals("Apple", task.text().substring(offsets.toChar(apple.start()), offsets.toChar(apple.end())));
        assertEquals(Answer.ACCEPT, task.answer().orElseThrow());
        assertEquals(-1470183472L, task.inputHash().getAsLong());
        assertEquals(1854399124L, task.taskHash().getAsLong());
        assertEquals("news-alex", task.sessionId().orElseThrow());
        assertEquals(1700000000L, task.timestamp().getAsLong());
        assertEquals("news", task.meta().get("source").asText());
        assertTrue(task.label().isEmpty());
    }

    @Test
    void choiceTaskGivesOptionsAndAcceptedIdsAsText() {
        Task task = Task.parse("{\"text\":\"t\",\"options\":[{\"id\":\"A\",\"text\":\"Alpha\"},{\"id\":2}],"
                + "\"accept\":[\"A\",2]}");
        assertEquals(List.of(new TaskOption("A", "Alpha"), new TaskOption("2", null)), task.options());
        assertEquals(List.of("A", "2"), task.accept());
    }

    @Test
    void nullCountsAsAbsent() {
        Task task = Task.parse("{\"text\":\"t\",\"label\":null,\"answer\":null}");
        assertTrue(task.label().isEmpty());
        assertTrue(task.answer().isEmpty());
        assertFalse(task.has("label"));
    }

    @Test
    void taskWithoutTextIsRejected() {
        assertEquals("task:1: task has no \"text\"", message("{\"meta\":{}}"));
        assertEquals("task:1: \"text\" must be a string, got 42", message("{\"text\":42}"));
    }

    @Test
    void unknownAnswerIsRejectedWithTheAllowedValues() {
        assertEquals("task:1: \"answer\" must be one of accept, reject, ignore, got \"maybe\"",
                message("{\"text\":\"t\",\"answer\":\"maybe\"}"));
    }

    @Test
    void spanOutsideTheTextIsRejectedCountingCodePoints() {
        String text = "\uD83D\uDE00 Berlin";
        assertEquals(List.of(TaskSpan.of(2, 8, "GPE")),
                Task.parse("{\"text\":\"" + text + "\",\"spans\":[{\"start\":2,\"end\":8,\"label\":\"GPE\"}]}").spans());
        assertEquals("task:1: \"spans[0].end\" must be an integer within 0..8 (code points of the text), got 9",
                message("{\"text\":\"" + text + "\",\"spans\":[{\"start\":2,\"end\":9,\"label\":\"GPE\"}]}"));
    }

    @Test
    void badFieldTypesNameTheJsonPath() {
        assertEquals("task:1: \"spans[1].label\" must be a string, got 3",
                message("{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1},{\"start\":0,\"end\":1,\"label\":3}]}"));
        assertEquals("task:1: \"spans[0].start\" is missing", message("{\"text\":\"abc\",\"spans\":[{\"end\":1}]}"));
        assertEquals("task:1: \"_input_hash\" must be an integer, got \"12\"",
                message("{\"text\":\"abc\",\"_input_hash\":\"12\"}"));
        assertEquals("task:1: \"options[0].id\" is missing", message("{\"text\":\"abc\",\"options\":[{\"text\":\"x\"}]}"));
        assertEquals("task:1: \"spans[0].end\" must be >= start (2), got 1",
                message("{\"text\":\"abc\",\"spans\":[{\"start\":2,\"end\":1}]}"));
    }

    @Test
    void longValuesAreCutInMessages() {
        String text = "x".repeat(100);
        assertEquals("task:1: \"label\" must be a string, got [\"" + "x".repeat(35) + "...",
                message("{\"text\":\"t\",\"label\":[\"" + text + "\"]}"));
    }

    @Test
    void nonObjectAndMalformedJsonAreRejectedWithTheColumn() {
        assertEquals("task:1: a task must be a JSON object, got [1,2]", message("[1,2]"));
        assertEquals("task:1:16: Unexpected character ('}' (code 125)): was expecting a colon to separate"
                + " field name and value", message("{\"text\":\"t\",\"a\"}"));
        assertEquals("task:1:19: Duplicate field 'text'", message("{\"text\":\"t\",\"text\":\"u\"}"));
    }

    @Test
    void withReplacesInPlaceAndRevalidates() {
        Task task = Task.of("hello").with("label", JsonNodeFactory.instance.textNode("GREETING"));
        assertEquals("{\"text\":\"hello\",\"label\":\"GREETING\"}", task.toJson());
        assertThrows(IllegalArgumentException.class,
                () -> task.with("answer", JsonNodeFactory.instance.textNode("yes")));
        assertEquals(List.of("text"), task.without("label").keys());
    }

    @Test
    void tasksAreEqualByJsonRegardlessOfSourceFormatting() {
        assertEquals(Task.parse("{\"text\":\"a\", \"b\": 1.50}"), Task.parse("{\"text\":\"a\",\"b\":1.5}"));
        assertFalse(Task.parse("{\"text\":\"a\"}").equals(Task.parse("{\"text\":\"b\"}")));
    }

    private static String message(String json) {
        return assertThrows(TaskFormatException.class, () -> Task.parse(json)).getMessage();
    }
}
