package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The frame of every file reader: reads one document at a time and hands out either the document itself or, with
 * paragraph splitting, its paragraphs ({@link ParagraphTasks}).
 */
abstract class DocumentReader implements TaskSource {

    /** A document read from a source and the id its paragraphs carry in {@code meta.doc_id}. */
    record Document(Task task, JsonNode id) {
    }

    private final boolean paragraphs;
    private Iterator<Task> pending = Collections.emptyIterator();

    DocumentReader(boolean paragraphs) {
        this.paragraphs = paragraphs;
    }

    /** The next document, or null at the end. */
    abstract Document readDocument();

    @Override
    public final boolean hasNext() {
        while (!pending.hasNext()) {
            Document document = readDocument();
            if (document == null) {
                return false;
            }
            pending = paragraphs ? ParagraphTasks.of(document.task(), document.id())
                    : Collections.singletonList(document.task()).iterator();
        }
        return true;
    }

    @Override
    public final Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more tasks");
        }
        return pending.next();
    }
}
