package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.streams.MatchSpans;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /v1/match}: {@code {"text": "..."}} answers {@code {"spans": [...], "patterns_version": "..."}};
 * {@code {"texts": ["...", ...]}} answers {@code {"results": [{"spans": [...]} or {"error": {"code", "message"}}, ...],
 * "patterns_version": "..."}}, one result per text in order, a bad item failing alone. A whole request is answered
 * from one pattern set, even if a reload happens meanwhile. Thread-safe.
 */
final class MatchEndpoint {

    private static final Set<String> FIELDS = Set.of("text", "texts");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PatternReloader patterns;
    private final int maxTextChars;

    MatchEndpoint(PatternReloader patterns, int maxTextChars) {
        this.patterns = patterns;
        this.maxTextChars = maxTextChars;
    }

    /** The answer to a parsed request body; throws {@link ApiException} for a bad request. */
    ObjectNode answer(JsonNode request) {
        JsonBodies.rejectUnknown(request, FIELDS, "\"text\" (one text) or \"texts\" (a batch)");
        JsonNode text = request.get("text");
        JsonNode texts = request.get("texts");
        if (text != null && texts != null) {
            throw new ApiException(ErrorCode.CONFLICTING_FIELDS, "give either \"text\" or \"texts\", not both");
        }
        PatternReloader.Loaded loaded = patterns.current();
        ObjectNode answer;
        if (text != null) {
            answer = spans(loaded.matcher(), checkText(text, "text"));
        } else if (texts != null) {
            answer = batch(loaded.matcher(), texts);
        } else {
            throw new ApiException(ErrorCode.MISSING_FIELD, "request needs \"text\" (one text) or \"texts\" (a batch)");
        }
        return answer.put("patterns_version", loaded.version());
    }

    private ObjectNode batch(Matcher matcher, JsonNode texts) {
        if (!texts.isArray()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"texts\" must be an array of strings, got " + JsonBodies.describe(texts));
        }
        ObjectNode answer = NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        for (int i = 0; i < texts.size(); i++) {
            try {
                results.add(spans(matcher, checkText(texts.get(i), "texts[" + i + "]")));
            } catch (ApiException e) {
                results.addObject().set("error", Service.errorJson(e.code(), e.getMessage()));
            }
        }
        return answer;
    }

    private String checkText(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"" + field + "\" must be a string, got " + JsonBodies.describe(value));
        }
        String text = value.textValue();
        if (text.isEmpty()) {
            throw new ApiException(ErrorCode.EMPTY_TEXT, "\"" + field + "\" must not be empty");
        }
        if (text.length() > maxTextChars) {
            int length = text.codePointCount(0, text.length());
            if (length > maxTextChars) {
                throw new ApiException(ErrorCode.TEXT_TOO_LONG, String.format(Locale.ROOT,
                        "\"%s\" is %d characters long, the limit is %d (--max-text-chars)", field, length,
                        maxTextChars));
            }
        }
        return text;
    }

    private static ObjectNode spans(Matcher matcher, String text) {
        Doc doc = matcher.options().tokenizer().tokenize(text);
        ObjectNode result = NODES.objectNode();
        MatchSpans.addAll(result.putArray("spans"), matcher.match(doc), Offsets.of(text));
        return result;
    }
}
