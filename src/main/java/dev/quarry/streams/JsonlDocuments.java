package dev.quarry.streams;

import java.io.Reader;

/** JSON Lines tasks, each a document; its id is {@code meta.id} or {@code source:line}. */
final class JsonlDocuments extends DocumentReader {

    private final TaskReader reader;
    private final String source;

    JsonlDocuments(Reader reader, String source, SourceOptions options) {
        super(options.paragraphs());
        this.source = source;
        this.reader = options.onBadRecord() == null ? TaskReader.strict(reader, source)
                : TaskReader.skippingBad(reader, source, options.onBadRecord());
    }

    @Override
    Document readDocument() {
        if (!reader.hasNext()) {
            return null;
        }
        Task task = reader.next();
        return new Document(task, ParagraphTasks.docId(task, source + ":" + reader.lineNumber()));
    }

    @Override
    public void close() {
        reader.close();
    }
}
