package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * The stable task hashes, contract version {@value #VERSION}: {@code _input_hash} identifies the input (the same text
 * asked about twice has one input hash), {@code _task_hash} the input plus the question (label, spans, options), so
 * the same question is never asked twice and the latest answer per task hash is what training sees.
 *
 * <h2>The contract (version 1)</h2>
 * <ol>
 *   <li><b>Input</b>: the JSON object made of the task's {@link #inputKeys()} that are present and not null
 *       (default {@code text}, {@code image}, {@code html}, {@code input}: Prodigy's input keys, so an image or HTML
 *       task with the same text is a different input). If none is present, hashing fails.</li>
 *   <li><b>Question</b>: the JSON object made of the task's {@link #taskKeys()} that are present and not null
 *       (default {@code spans}, {@code label}, {@code options}). {@code spans} is reduced to the {@code start},
 *       {@code end} and {@code label} of each span (offsets in code points, as in the JSON; {@code label} left out
 *       when absent), sorted by start, then end, then label; every other key is taken whole.</li>
 *   <li><b>Canonical form</b>: keys sorted by UTF-16 code units (as {@link String#compareTo}), no whitespace,
 *       strings escaped only where JSON requires it (<code>&#92;"</code>, <code>&#92;&#92;</code>,
 *       <code>&#92;b &#92;f &#92;n &#92;r &#92;t</code>, other control characters and lone surrogates as
 *       lower-case <code>&#92;u00XX</code>), every other character as is; numbers as their
 *       exact decimal value in plain notation without trailing zeros or exponent ({@code 1.0} and {@code 1} are
 *       {@code 1}, {@code 1e-05} is {@code 0.00001}, {@code -0} is {@code 0}); then encoded as UTF-8.</li>
 *   <li><b>Hash</b>: {@code H(s)} = the first 8 bytes of SHA-256 of the UTF-8 bytes of {@code s}, read big-endian as an
 *       unsigned number, shifted right by 11 bits: an integer in {@code 0 .. 2^53-1}.
 *       {@code _input_hash = H("quarry.input.v1:" + canonical(input))};
 *       {@code _task_hash = H("quarry.task.v1:" + _input_hash + ":" + canonical(question))}, the input hash in
 *       decimal.</li>
 * </ol>
 * Why 53 bits: every value is exact as a JSON number in JavaScript (the annotation web app) and Python, unlike a full
 * 64-bit hash; collisions are far rarer than with Prodigy's signed 32-bit hashes (an even chance of one collision
 * only after about 10^8 tasks instead of about 77,000). SHA-256 is in every JDK and the same on every platform.
 * Prodigy's own 32-bit hashes in imported files are kept as they are (see {@link #withHashes}). Any change to this
 * algorithm is a new version with new prefixes; the golden values in {@code TaskHashesTest} pin version 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param inputKeys the top-level keys that make the input, non-empty, no duplicates
 * @param taskKeys the top-level keys that make the question, no duplicates
 */
public record TaskHashes(List<String> inputKeys, List<String> taskKeys) {

    /** The version of the contract, part of the hashed prefixes. */
    public static final int VERSION = 1;

    /** Prodigy's keys: input {@code text, image, html, input}; question {@code spans, label, options}. */
    public static final TaskHashes DEFAULT = new TaskHashes(
            List.of("text", "image", "html", "input"), List.of("spans", "label", "options"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public TaskHashes {
        inputKeys = checkKeys(inputKeys, "inputKeys");
        taskKeys = checkKeys(taskKeys, "taskKeys");
        if (inputKeys.isEmpty()) {
            throw new IllegalArgumentException("inputKeys must not be empty");
        }
    }

    /**
     * The input hash of a task, computed (any {@code _input_hash} in the task is not looked at).
     *
     * @throws IllegalArgumentException if the task has none of the input keys
     */
    public long inputHash(Task task) {
        ObjectNode input = NODES.objectNode();
        for (String key : inputKeys) {
            if (task.has(key)) {
                input.set(key, task.get(key));
            }
        }
        if (input.isEmpty()) {
            throw new IllegalArgumentException("task has none of the input keys " + inputKeys);
        }
        return hash("quarry.input.v1:" + CanonicalJson.of(input));
    }

    /** The task hash of a task over the input hash {@code inputHash}. */
    public long taskHash(Task task, long inputHash) {
        ObjectNode question = NODES.objectNode();
        for (String key : taskKeys) {
            if (task.has(key)) {
                question.set(key, key.equals("spans") ? reducedSpans(task) : task.get(key));
            }
        }
        return hash("quarry.task.v1:" + inputHash + ":" + CanonicalJson.of(question));
    }

    /** The task hash over the computed input hash. */
    public long taskHash(Task task) {
        return taskHash(task, inputHash(task));
    }

    /**
     * The task with {@code _input_hash} and {@code _task_hash} set where they are missing, as Prodigy does: hashes
     * already present are kept, and a missing task hash is computed over the task's input hash, present or new.
     * Returns the same task when both are present.
     */
    public Task withHashes(Task task) {
        if (task.inputHash().isPresent() && task.taskHash().isPresent()) {
            return task;
        }
        long input = task.inputHash().orElseGet(() -> inputHash(task));
        long question = task.taskHash().orElseGet(() -> taskHash(task, input));
        return task.withHashes(input, question);
    }

    /** The task with both hashes computed afresh, replacing any present. */
    public Task rehash(Task task) {
        long input = inputHash(task);
        return task.withHashes(input, taskHash(task, input));
    }

    /** {@code H(s)} of the contract: SHA-256 of the UTF-8 bytes, first 8 bytes big-endian, shifted right by 11. */
    static long hash(String preimage) {
        byte[] digest = sha256().digest(preimage.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value >>> 11;
    }

    private static ArrayNode reducedSpans(Task task) {
        List<TaskSpan> spans = new ArrayList<>(task.spans());
        spans.sort(Comparator.comparingInt(TaskSpan::start).thenComparingInt(TaskSpan::end)
                .thenComparing(TaskSpan::label, Comparator.nullsFirst(Comparator.naturalOrder())));
        ArrayNode reduced = NODES.arrayNode();
        for (TaskSpan span : spans) {
            ObjectNode node = reduced.addObject().put("start", span.start()).put("end", span.end());
            if (span.label() != null) {
                node.put("label", span.label());
            }
        }
        return reduced;
    }

    private static List<String> checkKeys(List<String> keys, String name) {
        List<String> copy = List.copyOf(keys);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException(name + " must not repeat a key, got " + copy);
        }
        for (String key : copy) {
            if (key.isBlank()) {
                throw new IllegalArgumentException(name + " must not hold a blank key, got " + copy);
            }
        }
        return copy;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
