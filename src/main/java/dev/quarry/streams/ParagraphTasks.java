package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.text.Offsets;
import dev.quarry.text.Paragraph;
import dev.quarry.text.Paragraphs;
import java.util.Iterator;
import java.util.List;

/**
 * Splits a document task into paragraph tasks (at blank lines, {@link Paragraphs}). Each paragraph task keeps the
 * document's keys except {@code text}, {@code spans}, {@code tokens} and the hashes (which belong to the whole
 * document), and gets {@code meta.doc_id}, {@code meta.paragraph} (index from 0) and {@code meta.offset} (the
 * paragraph's start in the document, in Unicode code points, as every JSON offset).
 */
final class ParagraphTasks {

    private static final List<String> DOCUMENT_ONLY = List.of("spans", "tokens", "_input_hash", "_task_hash");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParagraphTasks() {
    }

    static Iterator<Task> of(Task document, JsonNode docId) {
        String text = document.text();
        Offsets offsets = Offsets.of(text);
        Iterator<Paragraph> paragraphs = Paragraphs.iterate(text);
        ObjectNode base = document.json();
        DOCUMENT_ONLY.forEach(base::remove);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return paragraphs.hasNext();
            }

            @Override
            public Task next() {
                Paragraph paragraph = paragraphs.next();
                return task(base, docId, paragraph.index(), offsets.toCodePoint(paragraph.start()), paragraph.text());
            }
        };
    }

    /** A paragraph task: {@code base} (not changed) with the text and the paragraph's place in {@code meta}. */
    static Task task(ObjectNode base, JsonNode docId, int index, long offset, String text) {
        ObjectNode json = base.deepCopy();
        json.put("text", text);
        JsonNode oldMeta = json.get("meta");
        ObjectNode meta = oldMeta instanceof ObjectNode object ? object : NODES.objectNode();
        meta.set("doc_id", docId);
        meta.put("paragraph", index);
        meta.put("offset", offset);
        json.set("meta", meta);
        return Task.owning(json);
    }

    /** The id a document's paragraphs carry: its {@code meta.id} if that is a string or number, else the fallback. */
    static JsonNode docId(Task document, String fallback) {
        JsonNode meta = document.get("meta");
        JsonNode id = meta == null ? null : meta.get("id");
        return id != null && (id.isTextual() || id.isNumber()) ? id : NODES.textNode(fallback);
    }
}
