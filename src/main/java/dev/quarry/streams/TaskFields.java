package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked values of a task's known keys. {@code check} is the one place that says what a valid task is; its
 * messages name the JSON field ({@code "spans[2].label"}), the rule and the actual value.
 */
record TaskFields(String text, List<TaskSpan> spans, String label, List<String> accept, List<TaskOption> options,
                  Answer answer, Long inputHash, Long taskHash, String sessionId, Long timestamp) {

    static TaskFields check(ObjectNode json) {
        JsonNode text = json.get("text");
        if (text == null || text.isNull()) {
            throw new IllegalArgumentException("task has no \"text\"");
        }
        String checkedText = string(text, "text");
        String answer = optionalString(json, "answer");
        return new TaskFields(checkedText,
                spans(json.get("spans"), checkedText.codePointCount(0, checkedText.length())),
                optionalString(json, "label"),
                ids(json.get("accept"), "accept"),
                options(json.get("options")),
                answer == null ? null : Answer.parse(answer),
                optionalLong(json, "_input_hash"),
                optionalLong(json, "_task_hash"),
                optionalString(json, "_session_id"),
                optionalLong(json, "_timestamp"));
    }

    private static List<TaskSpan> spans(JsonNode spans, int textLength) {
        if (absent(spans)) {
            return List.of();
        }
        if (!spans.isArray()) {
            throw wrong("spans", "must be an array", spans);
        }
        List<TaskSpan> result = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            result.add(span(spans.get(i), "spans[" + i + "]", textLength));
        }
        return List.copyOf(result);
    }

    private static TaskSpan span(JsonNode span, String path, int textLength) {
        if (!span.isObject()) {
            throw wrong(path, "must be an object", span);
        }
        int start = offset(span.get("start"), path + ".start", textLength);
        int end = offset(span.get("end"), path + ".end", textLength);
        if (end < start) {
            throw wrong(path + ".end", "must be >= start (" + start + ")", span.get("end"));
        }
        return new TaskSpan(start, end, tokenIndex(span, "token_start", path), tokenIndex(span, "token_end", path),
                optionalString((ObjectNode) span, "label", path + "."),
                optionalString((ObjectNode) span, "source", path + "."),
                optionalId(span.get("pattern_id"), path + ".pattern_id"));
    }

    private static int offset(JsonNode value, String path, int textLength) {
        if (absent(value)) {
            throw new IllegalArgumentException("\"" + path + "\" is missing");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()
                || value.intValue() < 0 || value.intValue() > textLength) {
            throw wrong(path, "must be an integer within 0.." + textLength + " (code points of the text)", value);
        }
        return value.intValue();
    }

    private static int tokenIndex(JsonNode span, String key, String path) {
        JsonNode value = span.get(key);
        if (absent(value)) {
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw wrong(path + "." + key, "must be a non-negative integer", value);
        }
        return value.intValue();
    }

    private static List<String> ids(JsonNode ids, String path) {
        if (absent(ids)) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw wrong(path, "must be an array", ids);
        }
        List<String> result = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            result.add(optionalId(ids.get(i), path + "[" + i + "]"));
        }
        return List.copyOf(result);
    }

    private static List<TaskOption> options(JsonNode options) {
        if (absent(options)) {
            return List.of();
        }
        if (!options.isArray()) {
            throw wrong("options", "must be an array", options);
        }
        List<TaskOption> result = new ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            String path = "options[" + i + "]";
            JsonNode option = options.get(i);
            if (!option.isObject()) {
                throw wrong(path, "must be an object", option);
            }
            String id = optionalId(option.get("id"), path + ".id");
            if (id == null) {
                throw new IllegalArgumentException("\"" + path + ".id\" is missing");
            }
            result.add(new TaskOption(id, optionalString((ObjectNode) option, "text", path + ".")));
        }
        return List.copyOf(result);
    }

    private static String optionalId(JsonNode value, String path) {
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw wrong(path, "must be a string or an integer", value);
        }
        return value.asText();
    }

    private static String optionalString(ObjectNode json, String key) {
        return optionalString(json, key, "");
    }

    private static String optionalString(ObjectNode json, String key, String prefix) {
        JsonNode value = json.get(key);
        return absent(value) ? null : string(value, prefix + key);
    }

    private static String string(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw wrong(path, "must be a string", value);
        }
        return value.textValue();
    }

    private static Long optionalLong(ObjectNode json, String key) {
        JsonNode value = json.get(key);
        if (absent(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(key, "must be an integer", value);
        }
        return value.longValue();
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static IllegalArgumentException wrong(String path, String rule, JsonNode value) {
        return new IllegalArgumentException("\"" + path + "\" " + rule + ", got " + Task.show(value));
    }
}
