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
 * @param spans  the annotated spans (manual mode), or null when not given
 * @param accept the chosen labels (choice mode), or null when not given
 */
record AnswerRequest(String session, long taskId, Answer answer, ArrayNode spans, ArrayNode accept) {

    private static final long MAX_KEY = (1L << 53) - 1;

    /** The request in {@code body}, else an {@link ApiException} naming the field. */
    static AnswerRequest parse(JsonNode body, AnnotateOptions.Mode mode) {
        String extra = switch (mode) {
            case MANUAL -> "spans";
            case CHOICE -> "accept";
            case BINARY -> null;
        };
        Set<String> fields = extra == null ? Set.of("session", "task_id", "answer")
                : Set.of("session", "task_id", "answer", extra);
        JsonBodies.rejectUnknown(body, fields, "\"session\", \"task_id\", \"answer\""
                + (extra == null ? "" : " and, in " + mode.json() + " mode, \"" + extra + "\""));
        String session = string(required(body, "session"), "session");
        long taskId = key(required(body, "task_id"));
        Answer answer = answer(string(required(body, "answer"), "answer"));
        ArrayNode spans = array(body.get("spans"), "spans");
        ArrayNode accept = array(body.get("accept"), "accept");
        if (answer == Answer.ACCEPT && extra != null && body.get(extra) == null) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "an accept in " + mode.json() + " mode needs \""
                    + extra + "\" (" + (mode == AnnotateOptions.Mode.MANUAL ? "the spans, possibly none" : "the chosen"
                    + " labels") + ")");
        }
        return new AnswerRequest(session, taskId, answer, spans, accept);
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
