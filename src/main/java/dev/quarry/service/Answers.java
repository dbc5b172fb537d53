package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.streams.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an answer to a served task into the example that is stored: checked against the task (labels, spans on its
 * tokens) before anything is written. The stored example is the served task, with its hashes, plus the annotator's
 * {@code spans} (manual) or {@code accept} (choice), {@code answer}, {@code _view_id}, {@code _session_id}
 * ({@code dataset-session}, as Prodigy writes it) and {@code _timestamp} (seconds). Stateless.
 *
 * <p><b>"No, it is L"</b> (ner binary, an accept with {@code "label": L}, L another of the app's labels than the one
 * asked about): the served question, same {@code _input_hash} and {@code _task_hash} (so it is the answer to that
 * question for {@code Database.latest}, undo and "never asked again"), answered {@code accept}, its one span with
 * label L and only the span's place ({@code start}, {@code end}, {@code token_start}, {@code token_end},
 * {@code text}): the suggestion's {@code pattern_id}, {@code source}, {@code origin} and {@code score} were about
 * the label asked and are dropped. The asked label is kept as {@code "_suggested_label"} at task level. Training
 * reads it as a binary accept of L on those tokens and a reject of the asked label; to Prodigy it is a
 * {@code ner.teach} accept. L equal to the asked label is a plain accept, stored exactly as one.
 */
final class Answers {

    private static final Set<String> SPAN_FIELDS = Set.of("start", "end", "label");
    /** What a relabelled span keeps of the suggestion: where it is, nothing about its label. */
    private static final List<String> PLACE_FIELDS = List.of("start", "end", "token_start", "token_end", "text");

    private Answers() {
    }

    /** The example to store; throws {@link ApiException} if the answer does not fit the task. */
    static Task stored(Task served, AnswerRequest request, AnnotateOptions options, List<String> labels,
                       String sessionId, Instant now) {
        ObjectNode json = served.json();
        if (request.spans() != null) {
            json.set("spans", spans(served, request.spans(), labels));
        }
        if (request.accept() != null) {
            json.set("accept", accept(request, labels, options.exclusive()));
        }
        if (request.label() != null) {
            relabel(json, label(request.label(), "label", labels));
        }
        json.put("answer", request.answer().json());
        json.put("_view_id", options.mode().viewId());
        json.put("_session_id", sessionId);
        json.put("_timestamp", now.getEpochSecond());
        return Task.of(json);
    }

    /** The served question's one span given {@code label} in place of the asked one, unless they are the same. */
    private static void relabel(ObjectNode json, String label) {
        JsonNode asked = json.path("spans").path(0);
        if (!asked.isObject() || json.get("spans").size() != 1) {
            throw new IllegalStateException("a ner binary question has one span, got " + json.get("spans"));
        }
        String question = asked.path("label").asText();
        if (question.equals(label)) {
            return;
        }
        ObjectNode span = JsonNodeFactory.instance.objectNode();
        PLACE_FIELDS.forEach(field -> copy(asked, span, field));
        json.putArray("spans").add(span.put("label", label));
        json.put("_suggested_label", question);
    }

    /** The annotated spans, sorted, with token indices; spans kept from a suggestion keep its pattern and source. */
    private static ArrayNode spans(Task served, ArrayNode given, List<String> labels) {
        Tokens tokens = Tokens.of(served);
        List<ObjectNode> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            checked.add(span(given.get(i), "spans[" + i + "]", labels, tokens));
        }
        checked.sort(Comparator.comparingInt((ObjectNode span) -> span.get("start").intValue()));
        for (int i = 1; i < checked.size(); i++) {
            ObjectNode before = checked.get(i - 1);
            ObjectNode span = checked.get(i);
            if (span.get("start").intValue() < before.get("end").intValue()) {
                throw new ApiException(ErrorCode.INVALID_SPAN, "span " + range(span) + " overlaps span "
                        + range(before) + "; spans must not overlap");
            }
        }
        ArrayNode out = served.json().arrayNode();
        checked.forEach(span -> out.add(withSuggestionSource(span, served.get("spans"))));
        return out;
    }

    private static ObjectNode span(JsonNode value, String field, List<String> labels, Tokens tokens) {
        if (!value.isObject()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"" + field + "\" must be an object, got " + JsonBodies.describe(value));
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SPAN_FIELDS.contains(name)) {
                throw new ApiException(ErrorCode.UNKNOWN_FIELD, "unknown field \"" + field + "." + name
                        + "\"; expected \"start\", \"end\", \"label\"");
            }
        }
        int start = integer(AnswerRequest.required(value, "start", field), field + ".start");
        int end = integer(AnswerRequest.required(value, "end", field), field + ".end");
        String label = label(AnswerRequest.string(AnswerRequest.required(value, "label", field), field + ".label"),
                field + ".label", labels);
        return tokens.span(field, start, end).put("label", label);
    }

    private static int integer(JsonNode value, String field) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"" + field + "\" must be an integer, got " + JsonBodies.describe(value));
        }
        return value.intValue();
    }

    private static String label(String label, String field, List<String> labels) {
        if (!labels.contains(label)) {
            throw new ApiException(ErrorCode.UNKNOWN_LABEL, "\"" + field + "\" is " + JsonBodies.quote(label)
                    + ", not one of the labels " + String.join(", ", labels));
        }
        return label;
    }

    private static ObjectNode withSuggestionSource(ObjectNode span, JsonNode suggestions) {
        for (int i = 0; suggestions != null && i < suggestions.size(); i++) {
            JsonNode suggestion = suggestions.get(i);
            if (suggestion.path("start").asInt(-1) == span.get("start").intValue()
                    && suggestion.path("end").asInt(-1) == span.get("end").intValue()
                    && span.get("label").textValue().equals(suggestion.path("label").asText(null))) {
                copy(suggestion, span, "pattern_id");
                copy(suggestion, span, "source");
            }
        }
        return span;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    private static ArrayNode accept(AnswerRequest request, List<String> labels, boolean exclusive) {
        ArrayNode accept = request.accept();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < accept.size(); i++) {
            String label = label(AnswerRequest.string(accept.get(i), "accept[" + i + "]"), "accept[" + i + "]",
                    labels);
            if (!seen.add(label)) {
                throw new ApiException(ErrorCode.INVALID_VALUE, "\"accept\" names " + JsonBodies.quote(label)
                        + " twice");
            }
        }
        if (exclusive && request.answer() == dev.quarry.streams.Answer.ACCEPT && accept.size() != 1) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "\"accept\" must hold exactly one label (the labels "
                    + "are exclusive), got " + accept.size());
        }
        return accept.deepCopy();
    }

    private static String range(JsonNode span) {
        return span.get("start").intValue() + ".." + span.get("end").intValue();
    }

    /** A task's tokens by where they start and end (code points). */
    private record Tokens(Map<Integer, Integer> byStart, Map<Integer, Integer> byEnd, int length) {

        static Tokens of(Task task) {
            Map<Integer, Integer> byStart = new HashMap<>();
            Map<Integer, Integer> byEnd = new HashMap<>();
            JsonNode tokens = task.get("tokens");
            for (int i = 0; tokens != null && i < tokens.size(); i++) {
                byStart.put(tokens.get(i).path("start").asInt(-1), i);
                byEnd.put(tokens.get(i).path("end").asInt(-1), i);
            }
            String text = task.text();
            return new Tokens(byStart, byEnd, text.codePointCount(0, text.length()));
        }

        ObjectNode span(String field, int start, int end) {
            if (start < 0 || end <= start || end > length) {
                throw new ApiException(ErrorCode.INVALID_SPAN, "\"" + field + "\" is " + start + ".." + end
                        + "; a span needs 0 <= start < end <= " + length + " (the text's length in code points)");
            }
            Integer first = byStart.get(start);
            Integer last = byEnd.get(end);
            if (first == null || last == null) {
                throw new ApiException(ErrorCode.INVALID_SPAN, "\"" + field + "\" is " + start + ".." + end
                        + "; a span must start where a token starts and end where a token ends");
            }
            return JsonNodeFactory.instance.objectNode().put("start", start).put("end", end).put("token_start", first)
                    .put("token_end", last);
        }
    }
}
