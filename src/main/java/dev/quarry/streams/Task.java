package dev.quarry.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One task: a Prodigy-compatible JSON object with a {@code "text"}, optional {@code "meta"}, {@code "spans"},
 * {@code "label"}, {@code "accept"}, {@code "options"}, {@code "answer"}, {@code "_input_hash"},
 * {@code "_task_hash"}, {@code "_session_id"}, {@code "_timestamp"} and <b>any other key</b>, all kept in their order.
 *
 * <p>Immutable and thread-safe. The known keys are checked when the task is made (a task must have a string
 * {@code "text"}; see {@link #of(ObjectNode)}); a JSON {@code null} counts as absent. A task read from a line keeps
 * that line, and {@link #toJson()} gives it back byte for byte until a {@code with...} method makes a changed copy;
 * a changed copy is written compactly with its keys in order and floating-point numbers as they were written
 * ({@code 1e-05} stays {@code 1e-05}); its strings are written by Jackson (non-ASCII characters as UTF-8, so a
 * Python-style <code>&#92;u00e9</code> escape comes back as {@code é}).
 *
 * <p>Offsets in {@link #spans()} are given as in the JSON: Unicode code points, not {@code String} indices.
 */
public final class Task {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode json;
    private final String raw;
    private final TaskFields fields;

    private Task(ObjectNode json, String raw) {
        this.fields = TaskFields.check(json);
        this.json = json;
        this.raw = raw;
    }

    /** A task with only a text. */
    public static Task of(String text) {
        return new Task(NODES.objectNode().put("text", Objects.requireNonNull(text, "text")), null);
    }

    /**
     * A task from a JSON object (copied).
     *
     * @throws IllegalArgumentException naming the field and the value when a known key is invalid, e.g.
     *     {@code "spans[1].end" must be an integer, got "7"} or {@code task has no "text"}
     */
    public static Task of(ObjectNode json) {
        return new Task(json.deepCopy(), null);
    }

    /**
     * The task written as one line of JSON.
     *
     * @throws TaskFormatException for malformed JSON or an invalid task, located as line 1 of source {@code task}
     */
    public static Task parse(String json) {
        return parse(json, "task", 1);
    }

    static Task parse(String line, String source, long lineNumber) {
        ObjectNode object;
        try {
            object = JsonTrees.parseObject(line);
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            throw new TaskFormatException(source, lineNumber, column, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new TaskFormatException(source, lineNumber, 0, e.getMessage());
        }
        try {
            return new Task(object, line);
        } catch (IllegalArgumentException e) {
            throw new TaskFormatException(source, lineNumber, 0, e.getMessage());
        }
    }

    public String text() {
        return fields.text();
    }

    /** The spans, in the JSON's order; empty when absent. Offsets are code points. */
    public List<TaskSpan> spans() {
        return fields.spans();
    }

    /** The top-level {@code "label"} (a text classification question). */
    public Optional<String> label() {
        return Optional.ofNullable(fields.label());
    }

    /** The ids in {@code "accept"} (the chosen options), as text; empty when absent. */
    public List<String> accept() {
        return fields.accept();
    }

    /** The {@code "options"} of a choice task; empty when absent. */
    public List<TaskOption> options() {
        return fields.options();
    }

    public Optional<Answer> answer() {
        return Optional.ofNullable(fields.answer());
    }

    public OptionalLong inputHash() {
        return fields.inputHash() == null ? OptionalLong.empty() : OptionalLong.of(fields.inputHash());
    }

    public OptionalLong taskHash() {
        return fields.taskHash() == null ? OptionalLong.empty() : OptionalLong.of(fields.taskHash());
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(fields.sessionId());
    }

    /** {@code "_timestamp"}: seconds since the epoch in Prodigy's files. */
    public OptionalLong timestamp() {
        return fields.timestamp() == null ? OptionalLong.empty() : OptionalLong.of(fields.timestamp());
    }

    /** The {@code "meta"} object (a copy), empty when absent. */
    public ObjectNode meta() {
        JsonNode meta = json.get("meta");
        return meta instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
    }

    /** A copy of the value of {@code key}, or null when absent. */
    public JsonNode get(String key) {
        JsonNode value = json.get(key);
        return value == null ? null : value.deepCopy();
    }

    public boolean has(String key) {
        JsonNode value = json.get(key);
        return value != null && !value.isNull();
    }

    /** The keys, in order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return List.copyOf(keys);
    }

    /** A copy of the whole JSON object. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /**
     * A copy with {@code key} set to {@code value} (kept in place if present, else added last).
     *
     * @throws IllegalArgumentException if the result is not a valid task
     */
    public Task with(String key, JsonNode value) {
        Objects.requireNonNull(value, "value");
        return changed(copy -> copy.set(key, value.deepCopy()));
    }

    /** A copy without {@code key}. */
    public Task without(String key) {
        if (!json.has(key)) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        copy.remove(key);
        return new Task(copy, null);
    }

    public Task withAnswer(Answer answer) {
        return with("answer", NODES.textNode(answer.json()));
    }

    public Task withHashes(long inputHash, long taskHash) {
        return changed(copy -> copy.put("_input_hash", inputHash).put("_task_hash", taskHash));
    }

    public Task withSessionId(String sessionId) {
        return with("_session_id", NODES.textNode(sessionId));
    }

    private Task changed(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = json.deepCopy();
        change.accept(copy);
        return new Task(copy, null);
    }

    /** The task as one line of JSON (no line break): the line it was read from, if unchanged. */
    public String toJson() {
        return raw != null ? raw : JsonTrees.write(json);
    }

    /** Equal when the JSON objects are equal (key order aside). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Task that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** A value for an error message: its JSON, cut to 40 chars. */
    static String show(Object value) {
        String shown = value instanceof JsonNode node ? JsonTrees.write(node)
                : value instanceof String s ? JsonTrees.write(NODES.textNode(s)) : String.valueOf(value);
        return cut(shown);
    }

    /** Text for an error message, cut to 40 chars. */
    static String cut(String shown) {
        return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
    }
}
