package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskReaderTest {

    @Test
    void readsLazilyFromAnEndlessReader() {
        try (TaskReader tasks = TaskReader.strict(new EndlessTasks(), "endless")) {
            List<String> texts = tasks.stream().limit(3).map(Task::text).toList();
            assertEquals(List.of("task 0", "task 1", "task 2"), texts);
            assertEquals(3, tasks.lineNumber());
        }
    }

    @Test
    void skipsBlankLinesAndAByteOrderMarkButCountsTheirLines() {
        String input = "\uFEFF{\"text\":\"a\"}\n\n   \r\n{\"text\":\"b\"}\r\n";
        try (TaskReader tasks = TaskReader.strict(new StringReader(input), "in.jsonl")) {
            assertEquals("a", tasks.next().text());
            assertEquals("b", tasks.next().text());
            assertFalse(tasks.hasNext());
            assertEquals(4, tasks.lineNumber());
        }
    }

    @Test
    void strictReaderNamesTheLineAndColumnOfMalformedJson() {
        String input = "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\",}\n";
        try (TaskReader tasks = TaskReader.strict(new StringReader(input), "data/in.jsonl")) {
            tasks.next();
            tasks.next();
            TaskFormatException e = assertThrows(TaskFormatException.class, tasks::next);
            assertEquals("data/in.jsonl:3:13: Unexpected character ('}' (code 125)): was expecting double-quote"
                    + " to start field name", e.getMessage());
            assertEquals(3, e.line());
            assertEquals(13, e.column());
        }
    }

    @Test
    void strictReaderNamesTheLineOfAnInvalidTask() {
        String input = "{\"text\":\"a\"}\n{\"text\":\"b\",\"answer\":\"yes\"}\n";
        try (TaskReader tasks = TaskReader.strict(new StringReader(input), "in.jsonl")) {
            tasks.next();
            assertEquals("in.jsonl:2: \"answer\" must be one of accept, reject, ignore, got \"yes\"",
                    assertThrows(TaskFormatException.class, tasks::next).getMessage());
        }
    }

    @Test
    void skippingReaderCountsAndReportsEveryBadLine() {
        String input = "{\"text\":\"a\"}\nnot json\n{\"meta\":{}}\n{\"text\":\"d\"}\n[]\n";
        List<String> errors = new ArrayList<>();
        try (TaskReader tasks = TaskReader.skippingBad(new StringReader(input), "in.jsonl",
                e -> errors.add(e.getMessage()))) {
            assertEquals(List.of("a", "d"), tasks.stream().map(Task::text).toList());
            assertEquals(3, tasks.skipped());
        }
        assertEquals(List.of(
                "in.jsonl:2:1: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token"
                        + " 'null', 'true' or 'false')",
                "in.jsonl:3: task has no \"text\"",
                "in.jsonl:5: a task must be a JSON object, got []"), errors);
    }

    @Test
    void writerWritesOneLinePerTaskThatReadsBack() {
        String input = TaskTest.NER_LINE + "\n" + TaskTest.TEXTCAT_LINE + "\n";
        StringWriter out = new StringWriter();
        try (TaskReader tasks = TaskReader.strict(new StringReader(input), "in");
             TaskWriter writer = new TaskWriter(out)) {
            tasks.forEachRemaining(writer::write);
            assertEquals(2, writer.written());
        }
        assertEquals(input, out.toString());
        assertEquals(input.lines().collect(Collectors.joining("\n", "", "\n")), out.toString());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheLastGoodLine(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("bad.jsonl");
        byte[] good = "{\"text\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(good, new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'}));
        try (TaskReader tasks = TaskReader.strict(Files.newBufferedReader(file), "bad.jsonl")) {
            assertEquals("bad.jsonl: not valid UTF-8, after line 0",
                    assertThrows(UncheckedIOException.class, tasks::next).getMessage());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A reader that never ends: line i is {"text":"task i"}. */
    private static final class EndlessTasks extends Reader {
        private String pending = "";
        private int next;

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pending.isEmpty()) {
                pending = "{\"text\":\"task " + next++ + "\"}\n";
            }
            int n = Math.min(length, pending.length());
            pending.getChars(0, n, buffer, offset);
            pending = pending.substring(n);
            return n;
        }

        @Override
        public void close() {
        }
    }
}
