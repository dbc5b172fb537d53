package dev.quarry.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV or TSV with a header row: each record is a task with the text column as {@code "text"} and every other column,
 * as a string, in {@code "meta"} (under its header name). A record whose field count differs from the header's is a
 * bad record (skipped or thrown, as the options say). The document id is {@code meta.id} if there is an {@code id}
 * column, else {@code source:line}.
 */
final class CsvDocuments extends DocumentReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CsvParser parser;
    private final String source;
    private final SourceOptions options;
    private final List<String> header;
    private final int textIndex;

    CsvDocuments(Reader reader, String source, char delimiter, SourceOptions options) {
        super(options.paragraphs());
        this.parser = new CsvParser(reader, source, delimiter);
        this.source = source;
        this.options = options;
        this.header = readHeader();
        this.textIndex = header.indexOf(options.textColumn());
        if (textIndex < 0) {
            parser.close();
            throw new TaskFormatException(source, parser.recordLine(), 0, "no column " + Task.show(
                    options.textColumn()) + " in the header; the columns are: " + String.join(", ", header));
        }
    }

    private List<String> readHeader() {
        List<String> names = parser.next();
        if (names == null) {
            parser.close();
            throw new TaskFormatException(source, 1, 0, "no header row: the input is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                parser.close();
                throw new TaskFormatException(source, parser.recordLine(), 0,
                        "column " + Task.show(name) + " appears twice in the header");
            }
        }
        return List.copyOf(names);
    }

    @Override
    Document readDocument() {
        while (true) {
            try {
                List<String> fields = parser.next();
                if (fields == null) {
                    return null;
                }
                if (fields.size() != header.size()) {
                    throw new TaskFormatException(source, parser.recordLine(), 0, "expected " + header.size()
                            + " fields as in the header, got " + fields.size());
                }
                Task task = task(fields);
                return new Document(task, ParagraphTasks.docId(task, source + ":" + parser.recordLine()));
            } catch (TaskFormatException e) {
                if (!skip(e)) {
                    return null;
                }
            }
        }
    }

    /** Throws {@code e} when reading is strict; else reports it and returns whether reading can go on. */
    private boolean skip(TaskFormatException e) {
        if (options.onBadRecord() == null) {
            throw e;
        }
        options.onBadRecord().accept(e);
        if (e.column() > 0) {
            parser.skipLine();
        }
        return !e.problem().startsWith("the quoted field opened");
    }

    private Task task(List<String> fields) {
        ObjectNode json = NODES.objectNode();
        json.put("text", fields.get(textIndex));
        ObjectNode meta = NODES.objectNode();
        for (int i = 0; i < fields.size(); i++) {
            if (i != textIndex) {
                meta.put(header.get(i), fields.get(i));
            }
        }
        if (!meta.isEmpty()) {
            json.set("meta", meta);
        }
        return Task.of(json);
    }

    @Override
    public void close() {
        parser.close();
    }
}
