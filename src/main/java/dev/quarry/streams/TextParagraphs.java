package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;

/**
 * A plain text file as one document, split into paragraphs at blank lines as it is read, one line at a time: the
 * same paragraphs, texts and offsets as {@link dev.quarry.text.Paragraphs} gives for the whole file, without holding
 * more than one paragraph. {@code meta.doc_id} is the source name; {@code meta.offset} counts code points from the
 * start of the file (after a byte order mark).
 *
 * <p>A paragraph longer than {@value #MAX_PARAGRAPH_CHARS} chars is an error: a file without blank lines is not
 * read whole into one task.
 */
final class TextParagraphs extends DocumentReader {

    static final int MAX_PARAGRAPH_CHARS = 1 << 20;

    private final LineReader lines;
    private final String source;
    private final JsonNode docId;
    private final ObjectNode base = JsonNodeFactory.instance.objectNode();
    private final StringBuilder paragraph = new StringBuilder();
    private long offset;
    private long paragraphOffset;
    private String pendingBreak = "";
    private int index;
    private boolean ended;

    TextParagraphs(Reader reader, String source) {
        super(false);
        this.lines = new LineReader(reader, source);
        this.source = source;
        this.docId = JsonNodeFactory.instance.textNode(source);
    }

    @Override
    Document readDocument() {
        while (!ended) {
            String line = lines.readLine();
            String line0 = line == null ? "" : line;
            Task done = line == null || line.isBlank() ? emit() : append(line0);
            if (line == null) {
                ended = true;
            } else {
                offset += line0.codePointCount(0, line0.length()) + lines.breakLength();
            }
            if (done != null) {
                return new Document(done, docId);
            }
        }
        return null;
    }

    private Task append(String line) {
        if (paragraph.isEmpty()) {
            int skip = 0;
            while (Character.isWhitespace(line.charAt(skip))) {
                skip++;
            }
            paragraphOffset = offset + line.codePointCount(0, skip);
            paragraph.append(line, skip, line.length());
        } else {
            paragraph.append(pendingBreak).append(line);
        }
        pendingBreak = lines.lineBreak();
        if (paragraph.length() > MAX_PARAGRAPH_CHARS) {
            throw new TaskFormatException(source, lines.lineNumber(), 0, "paragraph longer than "
                    + MAX_PARAGRAPH_CHARS + " chars (the limit); is the text split by blank lines?");
        }
        return null;
    }

    private Task emit() {
        if (paragraph.isEmpty()) {
            return null;
        }
        int end = paragraph.length();
        while (end > 0 && Character.isWhitespace(paragraph.charAt(end - 1))) {
            end--;
        }
        Task task = ParagraphTasks.task(base, docId, index++, paragraphOffset, paragraph.substring(0, end));
        paragraph.setLength(0);
        return task;
    }

    @Override
    public void close() {
        lines.close();
    }
}
