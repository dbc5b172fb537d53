package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.quarry.streams.Answer;
import java.util.Set;

/**
 * The body of {@code POST /v1/annotate/answer}, checked for shape and types (not yet against the task):
 * {@code {"session": S, "task_id": K, "answer": "accept"|"reject"|"ignore"}}, plus {@code "spans": [{"start", "end",
 * "label"}, ...]} in manual mode or {@code "accept": [label, ...]} in choice mode. {@code task_id} is the key
 * {@code /v1/annotate/next} gave (a task's input or task hash, below 2^53).
 *
 * <p>In ner binary mode an accept may name {@code "label": L}: "no, it is L", the highlighted tokens are an entity of
 * label L, not of the label asked about ({@link Answers} stores it as an accept of L). {@code label} goes with
 * {@code "answer": "accept"} only; in any other mode or kind it is an unknown field.
 *
 * @param spans  the annotated spans (manual mode), or null when not given
 * @param accept the chosen labels (choice mode), or null when not given
 * @param label  the label the highlighted tokens are (ner binary mode), or null when not given; not yet checked
 *               against the app's labels
 */
record AnswerRequest(String session, long taskId, Answer answer, ArrayNode spans, ArrayNode accept, String label) {

    private static final long MAX_KEY = (1L << 53) - 1;

    /** The request in {@code body}, else an {@link ApiException} naming the field. */
    static AnswerRequest parse(JsonNode body, AnnotateOptions.Kind kind, AnnotateOptions.Mode mode) {
        String extra = switch (mode) {
            case MANUAL -> "spans";
            case CHOICE -> "accept";
            case BINARY -> kind == AnnotateOptions.Kind.NER ? "label" : null;
        };
        Set<String> fields = extra == null ? Set.of("session", "task_id", "answer")
                : Set.of("session", "task_id", "answer", extra);
        JsonBodies.rejectUnknown(body, fields, "\"session\", \"task_id\", \"answer\""
                + (extra == null ? "" : " and, in " + where(kind, mode) + " mode, \"" + extra + "\""));
        String session = string(required(body, "session"), "session");
        long taskId = key(required(body, "task_id"));
        Answer answer = answer(string(required(body, "answer"), "answer"));
        ArrayNode spans = array(body.get("spans"), "spans");
        ArrayNode accept = array(body.get("accept"), "accept");
        String label = label(body.get("label"), answer);
        if (answer == Answer.ACCEPT && mode != AnnotateOptions.Mode.BINARY && body.get(extra) == null) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "an accept in " + mode.json() + " mode needs \""
                    + extra + "\" (" + (mode == AnnotateOptions.Mode.MANUAL ? "the spans, possibly none" : "the chosen"
                    + " labels") + ")");
        }
        return new AnswerRequest(session, taskId, answer, spans, accept, label);
    }

    /** The mode as the unknown-field message names it: the kind too where a mode is not the kind's alone. */
    private static String where(AnnotateOptions.Kind kind, AnnotateOptions.Mode mode) {
        return mode == AnnotateOptions.Mode.BINARY ? kind.json() + " " + mode.json() : mode.json();
    }

    /** "no, it is L" ({@code value}, null when not given): a string, and with an accept only. */
    private static String label(JsonNode value, Answer answer) {
        if (value == null) {
            return null;
        }
        String label = string(value, "label");
        if (answer != Answer.ACCEPT) {
            throw new ApiException(ErrorCode.INVALID_VALUE, "\"label\" (the label the highlighted tokens are) goes "
                    + "with \"answer\": \"accept\" only, got \"answer\": " + JsonBodies.quote(answer.json()));
        }
        return label;
    }

    /** The field, else {@link ErrorCode#MISSING_FIELD}. */
    static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "request needs \"" + field + "\"");
        }
        return value;
    }

    /** The field {@code name} of the object at {@code parent}, else {@link ErrorCode#MISSING_FIELD}. */
    static JsonNode required(JsonNode object, String name, String parent) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "\"" + parent + "\" needs \"" + name + "\"");
        }
        return value;
    }

    static String string(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"" + field + "\" must be a string, got " + JsonBodies.describe(value));
        }
        return value.textValue();
    }

    private static long key(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0
                || value.asLong() > MAX_KEY) {
            throw new ApiException(ErrorCode.WRONG_TYPE, "\"task_id\" must be an integer in 0..2^53-1 (as "
                    + "/v1/annotate/next gives it), got " + JsonBodies.describe(value));
        }
        return value.asLong();
    }

    private static Answer answer(String value) {
        try {
            return Answer.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_VALUE, e.getMessage());
        }
    }

    private static ArrayNode array(JsonNode value, String field) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"" + field + "\" must be an array, got " + JsonBodies.describe(value));
        }
        return (ArrayNode) value;
    }
}
