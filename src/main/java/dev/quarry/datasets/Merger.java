package dev.quarry.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@link Database#merge}: one example per input hash out of the newest decisions (per task hash) of several datasets,
 * read in input-hash order, so memory holds one input's examples at a time.
 *
 * <p>Rules, per input, examples taken oldest first:
 * <ul>
 *   <li>an example with a top-level {@code label} or {@code options} is a text classification decision: a binary one
 *       gives {@code cats[label]} 1.0 if accepted, 0.0 if rejected; an accepted choice gives 1.0 to each accepted
 *       option id and 0.0 to the other options (a rejected choice says nothing about single options and is left
 *       out). Its spans (pattern highlights) are not entity annotations and are not taken;</li>
 *   <li>any other accepted example is an entity decision: its spans join the merged {@code spans} (the same
 *       start, end and label once, sorted by start then end). Rejected span decisions cannot be expressed as
 *       spans and stay only in their dataset;</li>
 *   <li>{@code ignore} answers are skipped; an input with no decision left gives no example;</li>
 *   <li>the merged example keeps the first example's other keys ({@code text}, {@code meta}, {@code tokens}, ...)
 *       without the question and annotation keys, adds {@code "spans"} and/or {@code "cats"} and
 *       {@code "answer": "accept"}, keeps the input hash and gets a task hash over spans, label, options and cats.</li>
 * </ul>
 * A later decision on the same label overrides an earlier one.
 */
final class Merger {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TaskHashes MERGED_HASHES = new TaskHashes(TaskHashes.DEFAULT.inputKeys(),
            List.of("spans", "label", "options", "cats"));
    private static final Set<String> DROPPED = Set.of("spans", "label", "options", "accept", "answer", "cats",
            "_input_hash", "_task_hash", "_session_id", "_timestamp", "_view_id", "_annotator_id");

    private final Database database;

    Merger(Database database) {
        this.database = database;
    }

    ImportResult merge(List<String> inputs, String output, int batchSize) {
        List<String> names = List.copyOf(new LinkedHashSet<>(inputs));
        if (names.isEmpty()) {
            throw new DatasetException("merge needs at least one input dataset");
        }
        if (names.contains(output)) {
            throw new DatasetException("the merge output \"" + output + "\" must not be one of its inputs " + names);
        }
        names.forEach(database::requireExists);
        database.createDataset(output);
        Session session = database.startSession(output, null);
        try (Stream<Example> examples = ExampleStream.latestByInput(database, names)) {
            return database.add(session, new Groups(examples.iterator()), batchSize, batch -> { });
        }
    }

    /** The merged task of one input's examples (ordered by id), or null if none has a decision to merge. */
    static Task merge(List<Example> group) {
        Map<String, JsonNode> spans = new LinkedHashMap<>();
        ObjectNode cats = NODES.objectNode();
        boolean entities = false;
        for (Example example : group) {
            Task task = example.task();
            if (example.answer() == Answer.IGNORE) {
                continue;
            }
            if (task.label().isPresent() || !task.options().isEmpty()) {
                classification(task, example.answer(), cats);
            } else if (example.answer() == Answer.ACCEPT && task.has("spans")) {
                entities = true;
                task.get("spans").forEach(span -> spans.putIfAbsent(key(span), span));
            }
        }
        if (!entities && cats.isEmpty()) {
            return null;
        }
        ObjectNode merged = group.get(0).task().json();
        merged.remove(DROPPED);
        if (entities) {
            merged.set("spans", sorted(spans.values()));
        }
        if (!cats.isEmpty()) {
            merged.set("cats", cats);
        }
        merged.put("answer", Answer.ACCEPT.json());
        Task task = Task.of(merged);
        long input = group.get(0).inputHash();
        return task.withHashes(input, MERGED_HASHES.taskHash(task, input));
    }

    private static void classification(Task task, Answer answer, ObjectNode cats) {
        if (task.options().isEmpty()) {
            cats.put(task.label().orElseThrow(), answer == Answer.ACCEPT ? 1.0 : 0.0);
        } else if (answer == Answer.ACCEPT) {
            task.options().forEach(o -> cats.put(o.id(), task.accept().contains(o.id()) ? 1.0 : 0.0));
        }
    }

    private static String key(JsonNode span) {
        return span.path("start").asInt() + ":" + span.path("end").asInt() + ":" + span.path("label").asText("");
    }

    private static ArrayNode sorted(Iterable<JsonNode> spans) {
        List<JsonNode> list = new ArrayList<>();
        spans.forEach(list::add);
        list.sort(Comparator.<JsonNode>comparingInt(s -> s.path("start").asInt())
                .thenComparingInt(s -> s.path("end").asInt()));
        ArrayNode array = NODES.arrayNode();
        list.forEach(array::add);
        return array;
    }

    /** The merged tasks of consecutive examples with the same input hash. */
    private static final class Groups implements Iterator<Task> {
        private final Iterator<Example> examples;
        private Example pending;
        private Task next;

        Groups(Iterator<Example> examples) {
            this.examples = examples;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (pending != null || examples.hasNext())) {
                List<Example> group = new ArrayList<>();
                group.add(pending != null ? pending : examples.next());
                pending = null;
                while (examples.hasNext()) {
                    Example example = examples.next();
                    if (example.inputHash() != group.get(0).inputHash()) {
                        pending = example;
                        break;
                    }
                    group.add(example);
                }
                group.sort(Comparator.comparingLong(Example::id));
                next = merge(group);
            }
            return next != null;
        }

        @Override
        public Task next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Task task = next;
            next = null;
            return task;
        }
    }
}
