package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.streams.HashKind;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskSource;
import dev.quarry.streams.TaskStages;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shapes of the annotation app's questions ({@link AnnotationStream} builds the stream of them): only the spans
 * of the app's labels, and the task's shape for its mode:
 *
 * <ul>
 *   <li>ner manual: the text with its suggested {@code spans} and {@code tokens} (kept if the task has them,
 *       else from the matcher's tokenizer; Prodigy's shape, code points);</li>
 *   <li>ner binary: one task per suggested span, pattern match or model entity (a text without suggestions asks
 *       nothing);</li>
 *   <li>textcat binary: one task per label, {@code "label": L}, with the spans of label L as highlights;</li>
 *   <li>textcat choice: the text with {@code "options": [{"id": L, "text": L}, ...]}.</li>
 * </ul>
 * A task's shape is fixed before it is hashed, so its {@code _task_hash} is the question as shown.
 */
final class AnnotationTasks {

    private AnnotationTasks() {
    }

    /** How a task is identified for "never asked again": the task hash in binary mode, else the input hash. */
    static HashKind keyKind(AnnotateOptions.Mode mode) {
        return mode == AnnotateOptions.Mode.BINARY ? HashKind.TASK : HashKind.INPUT;
    }

    /** Each task as the question(s) of the mode: tokens for manual, one per span or label for binary, options. */
    static TaskSource shaped(TaskSource stage, AnnotateOptions options, List<String> labels,
                             Supplier<Matcher> matcher) {
        return switch (options.mode()) {
            case MANUAL -> TaskStages.map(stage, task -> withTokens(task, matcher.get()));
            case BINARY -> options.kind() == AnnotateOptions.Kind.NER ? flatMap(stage, AnnotationTasks::perSpan)
                    : flatMap(stage, task -> perLabel(task, labels));
            case CHOICE -> TaskStages.map(stage, task -> withOptions(task, labels));
        };
    }

    /** The task without the spans of labels outside {@code labels} (and without its stale task hash if any went). */
    static Task onlyLabels(Task task, Set<String> labels) {
        JsonNode spans = task.get("spans");
        if (spans == null || task.spans().stream().allMatch(span -> allowed(span.label(), labels))) {
            return task;
        }
        ArrayNode kept = ((ArrayNode) spans).arrayNode();
        for (JsonNode span : spans) {
            if (allowed(span.path("label").asText(null), labels)) {
                kept.add(span);
            }
        }
        return task.with("spans", kept).without("_task_hash");
    }

    private static boolean allowed(String label, Set<String> labels) {
        return label != null && labels.contains(label);
    }

    private static Task withTokens(Task task, Matcher matcher) {
        if (task.has("tokens")) {
            return task;
        }
        String text = task.text();
        Doc doc = matcher.options().tokenizer().tokenize(text);
        Offsets offsets = Offsets.of(text);
        ArrayNode tokens = task.json().arrayNode();
        for (int i = 0; i < doc.size(); i++) {
            tokens.addObject().put("text", doc.tokenText(i)).put("start", offsets.toCodePoint(doc.start(i)))
                    .put("end", offsets.toCodePoint(doc.end(i))).put("id", i).put("ws", doc.spaceAfter(i));
        }
        return task.with("tokens", tokens);
    }

    private static List<Task> perSpan(Task task) {
        JsonNode spans = task.get("spans");
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; spans != null && i < spans.size(); i++) {
            ObjectNode json = task.json();
            json.putArray("spans").add(spans.get(i));
            json.remove("_task_hash");
            tasks.add(Task.of(json));
        }
        return tasks;
    }

    private static List<Task> perLabel(Task task, List<String> labels) {
        JsonNode spans = task.get("spans");
        List<Task> tasks = new ArrayList<>(labels.size());
        for (String label : labels) {
            ObjectNode json = task.json();
            json.put("label", label);
            ArrayNode own = json.putArray("spans");
            for (int i = 0; spans != null && i < spans.size(); i++) {
                if (label.equals(spans.get(i).path("label").asText(null))) {
                    own.add(spans.get(i));
                }
            }
            json.remove("_task_hash");
            tasks.add(Task.of(json));
        }
        return tasks;
    }

    private static Task withOptions(Task task, List<String> labels) {
        ArrayNode options = task.json().arrayNode();
        labels.forEach(label -> options.addObject().put("id", label).put("text", label));
        return task.with("options", options).without("_task_hash");
    }

    /** Each upstream task replaced by the tasks {@code expand} makes of it (none, one or several), lazily. */
    static TaskSource flatMap(TaskSource upstream, Function<Task, List<Task>> expand) {
        return new TaskSource() {
            private Iterator<Task> current = List.<Task>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && upstream.hasNext()) {
                    current = expand.apply(upstream.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Task next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }

            @Override
            public void close() {
                upstream.close();
            }
        };
    }
}
