package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.text.Offsets;
import dev.quarry.text.Paragraph;
import dev.quarry.text.Paragraphs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @TempDir
    Path dir;

    private static List<Task> all(TaskSource source) {
        List<Task> tasks = new ArrayList<>();
        try (source) {
            source.forEachRemaining(tasks::add);
        }
        return tasks;
    }

    private static List<String> texts(List<Task> tasks) {
        return tasks.stream().map(Task::text).toList();
    }

    private static List<Task> read(String content, SourceOptions options) throws IOException {
        return all(Sources.open(new StringReader(content), "in", options));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void textLinesAreOneTaskPerNonBlankLine() throws IOException {
        List<Task> tasks = read("one\n\n  \r\ntwo\r\nthree", SourceOptions.defaults().withFormat(SourceFormat.TEXT));
        assertEquals(List.of("one", "two", "three"), texts(tasks));
        assertEquals("{\"text\":\"one\"}", tasks.get(0).toJson());
    }

    @Test
    void standardInputIsSniffedAsJsonLinesOrText() throws IOException {
        byte[] jsonl = "{\"text\":\"a\",\"meta\":{\"k\":1}}\n".getBytes(StandardCharsets.UTF_8);
        List<Task> tasks = all(Sources.open("-", new ByteArrayInputStream(jsonl), SourceOptions.defaults()));
        assertEquals("{\"text\":\"a\",\"meta\":{\"k\":1}}", tasks.get(0).toJson());
        byte[] text = "{not json\n".getBytes(StandardCharsets.UTF_8);
        SourceOptions textOptions = SourceOptions.defaults().withFormat(SourceFormat.TEXT);
        assertEquals(List.of("{not json"), texts(all(Sources.open("-", new ByteArrayInputStream(text),
                textOptions))));
    }

    @Test
    void textParagraphsMatchTheWholeDocumentSplitWithCodePointOffsets() throws IOException {
        String document = "\uFEFF  Intro 🎉 line\r\nsame paragraph  \r\n\r\n \n\tSecond é🎉\n\n\rThird\r \n";
        List<Task> tasks = read(document, SourceOptions.defaults().withFormat(SourceFormat.TEXT)
                .withParagraphs(true));
        String body = document.substring(1);
        List<Paragraph> expected = Paragraphs.split(body);
        Offsets offsets = Offsets.of(body);
        assertEquals(expected.size(), tasks.size());
        for (int i = 0; i < expected.size(); i++) {
            Task task = tasks.get(i);
            assertEquals(expected.get(i).text(), task.text());
            assertEquals(i, task.meta().get("paragraph").asInt());
            assertEquals(offsets.toCodePoint(expected.get(i).start()), task.meta().get("offset").asLong());
            assertEquals("in", task.meta().get("doc_id").asText());
        }
        assertEquals("Intro 🎉 line\r\nsame paragraph", tasks.get(0).text());
        assertEquals(2, tasks.get(0).meta().get("offset").asInt());
    }

    @Test
    void jsonlDocumentsSplitIntoParagraphsKeepTheirMetaAndDropDocumentSpans() throws IOException {
        String line = "{\"text\":\"A 🎉.\\n\\nB b.\",\"meta\":{\"id\":\"doc7\",\"src\":\"x\"},\"spans\":[],"
                + "\"_input_hash\":1,\"extra\":true}\n{\"text\":\"C\"}\n";
        List<Task> tasks = read(line, SourceOptions.defaults().withFormat(SourceFormat.JSONL).withParagraphs(true));
        assertEquals(List.of(
                "{\"text\":\"A 🎉.\",\"meta\":{\"id\":\"doc7\",\"src\":\"x\",\"doc_id\":\"doc7\",\"paragraph\":0,"
                        + "\"offset\":0},\"extra\":true}",
                "{\"text\":\"B b.\",\"meta\":{\"id\":\"doc7\",\"src\":\"x\",\"doc_id\":\"doc7\",\"paragraph\":1,"
                        + "\"offset\":6},\"extra\":true}",
                "{\"text\":\"C\",\"meta\":{\"doc_id\":\"in:2\",\"paragraph\":0,\"offset\":0}}"),
                tasks.stream().map(Task::toJson).toList());
    }

    @Test
    void badJsonlLineNamesFileAndLine() throws IOException {
        Path file = write("t.jsonl", "{\"text\":\"a\"}\n{\"text\":3}\n");
        TaskFormatException e = assertThrows(TaskFormatException.class,
                () -> all(Sources.open(file, SourceOptions.defaults())));
        assertEquals(file + ":2: \"text\" must be a string, got 3", e.getMessage());
    }

    @Test
    void csvQuotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String csv = "id,text,source\r\n1,\"Hello, \"\"world\"\"\r\nsecond line\",web\r\n2,plain,\"\"\n\n3,\"\",x";
        List<Task> tasks = read(csv, SourceOptions.defaults().withFormat(SourceFormat.CSV));
        assertEquals(List.of(
                "{\"text\":\"Hello, \\\"world\\\"\\r\\nsecond line\",\"meta\":{\"id\":\"1\",\"source\":\"web\"}}",
                "{\"text\":\"plain\",\"meta\":{\"id\":\"2\",\"source\":\"\"}}",
                "{\"text\":\"\",\"meta\":{\"id\":\"3\",\"source\":\"x\"}}"),
                tasks.stream().map(Task::toJson).toList());
    }

    @Test
    void tsvReadsTheChosenTextColumn() throws IOException {
        List<Task> tasks = read("body\tlabel\nsome text\tA\n", SourceOptions.defaults().withFormat(SourceFormat.TSV)
                .withTextColumn("body"));
        assertEquals("{\"text\":\"some text\",\"meta\":{\"label\":\"A\"}}", tasks.get(0).toJson());
    }

    @Test
    void csvErrorsNameLineAndColumn() {
        SourceOptions csv = SourceOptions.defaults().withFormat(SourceFormat.CSV);
        assertEquals("in:3: expected 2 fields as in the header, got 3",
                assertThrows(TaskFormatException.class, () -> read("a,text\n1,x\n2,y,z\n", csv)).getMessage());
        assertEquals("in:2:5: a quote inside an unquoted field; quote the whole field and double the quote",
                assertThrows(TaskFormatException.class, () -> read("a,text\n1,ab\"c\n", csv)).getMessage());
        assertEquals("in:2:6: expected a delimiter or a line break after the closing quote, got \"x\"",
                assertThrows(TaskFormatException.class, () -> read("a,text\n1,\"b\"x\n", csv)).getMessage());
        assertEquals("in:5: the quoted field opened at line 2, column 3 is not closed at the end of the input",
                assertThrows(TaskFormatException.class, () -> read("a,text\n1,\"b\n\nc\n", csv)).getMessage());
        assertEquals("in:1: no column \"text\" in the header; the columns are: a, body",
                assertThrows(TaskFormatException.class, () -> read("a,body\n", csv)).getMessage());
        assertEquals("in:1: no header row: the input is empty",
                assertThrows(TaskFormatException.class, () -> read("", csv)).getMessage());
    }

    @Test
    void badCsvRecordsCanBeSkippedAndReported() throws IOException {
        List<String> problems = new ArrayList<>();
        SourceOptions csv = SourceOptions.defaults().withFormat(SourceFormat.CSV)
                .withOnBadRecord(e -> problems.add(e.getMessage()));
        List<Task> tasks = read("a,text\n1,x\n2,y,z\n3,b\"c,d\n4,w\n", csv);
        assertEquals(List.of("x", "w"), texts(tasks));
        assertEquals(List.of("in:3: expected 2 fields as in the header, got 3",
                "in:4:4: a quote inside an unquoted field; quote the whole field and double the quote"), problems);
    }

    @Test
    void directoriesAreReadRecursivelyInPathOrderByExtension() throws IOException {
        write("b/2.txt", "two\n");
        write("a.jsonl", "{\"text\":\"one\"}\n");
        write("b/1.csv", "text\nthree\n");
        write("c/skip.md", "no\n");
        write("c/d/4.tsv", "text\nfour\n");
        List<Task> tasks = all(Sources.open(dir, SourceOptions.defaults()));
        assertEquals(List.of("one", "three", "two", "four"), texts(tasks));
        List<Task> onlyText = all(Sources.open(dir, SourceOptions.defaults().withExtensions(List.of("TXT"))));
        assertEquals(List.of("two"), texts(onlyText));
    }

    /** A reader that hands out one char per call, so every line break and quote falls on a buffer boundary. */
    private static java.io.Reader trickle(String content) {
        return new java.io.FilterReader(new StringReader(content)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(1, length));
            }
        };
    }

    @Test
    void readersGiveTheSameTasksWhenInputArrivesOneCharAtATime() throws IOException {
        String text = "a\r\nb\r\n\r\n\rc 🎉\r\n\nd";
        SourceOptions paragraphs = SourceOptions.defaults().withFormat(SourceFormat.TEXT).withParagraphs(true);
        assertEquals(read(text, paragraphs), all(Sources.open(trickle(text), "in", paragraphs)));
        String csv = "text,n\r\n\"x,\r\n\"\"y\"\"\",1\r\nz,2\r";
        SourceOptions csvOptions = SourceOptions.defaults().withFormat(SourceFormat.CSV);
        List<Task> expected = read(csv, csvOptions);
        assertEquals(List.of("x,\r\n\"y\"", "z"), texts(expected));
        assertEquals(expected, all(Sources.open(trickle(csv), "in", csvOptions)));
    }

    @Test
    void missingFileIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> Sources.open(dir.resolve("nope.jsonl"), SourceOptions.defaults()));
        assertEquals(dir.resolve("nope.jsonl").toString(), e.getFile());
    }
}
