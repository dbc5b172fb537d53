package dev.quarry.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.Reader;

/** Plain text, one task {@code {"text": line}} per non-blank line (the line as is, without its line break). */
final class TextLines extends DocumentReader {

    private final LineReader lines;
    private final String source;

    TextLines(Reader reader, String source, SourceOptions options) {
        super(options.paragraphs());
        this.lines = new LineReader(reader, source);
        this.source = source;
    }

    @Override
    Document readDocument() {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                return new Document(Task.of(line),
                        JsonNodeFactory.instance.textNode(source + ":" + lines.lineNumber()));
            }
        }
        return null;
    }

    @Override
    public void close() {
        lines.close();
    }
}
