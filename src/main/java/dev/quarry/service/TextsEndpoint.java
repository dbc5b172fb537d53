package dev.quarry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.pipeline.AnalysisJson;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import dev.quarry.streams.MatchSpans;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The endpoints that take texts: {@code POST /v1/match} (patterns), {@code /v1/predict} (the model) and
 * {@code /v1/analyze} (match-then-predict). {@code {"text": "..."}} answers one result object; {@code {"texts":
 * ["...", ...]}} answers {@code {"results": [R or {"error": {"code", "message"}}, ...]}}, one per text in order, a bad
 * item failing alone. Every answer carries {@code patterns_version}; predict and analyze also {@code model_version}.
 * A match result is {@code {"spans"}} as {@link MatchSpans} writes them; a predict or analyze result is {@code
 * {"spans", "cats"}} as {@link AnalysisJson} writes them (each span with its {@code origin}). A whole request is
 * answered from one pattern set and one model, even if either is replaced meanwhile. Thread-safe.
 */
final class TextsEndpoint {

    /** What the endpoint runs. */
    enum Kind {
        MATCH("/v1/match"), PREDICT("/v1/predict"), ANALYZE("/v1/analyze");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    private static final Set<String> FIELDS = Set.of("text", "texts");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Kind kind;
    private final PatternReloader patterns;
    private final ServedModel model;
    private final int maxTextChars;

    /** {@code model} may hold no model: predict and analyze then answer {@link ErrorCode#NO_MODEL}. */
    TextsEndpoint(Kind kind, PatternReloader patterns, ServedModel model, int maxTextChars) {
        this.kind = kind;
        this.patterns = patterns;
        this.model = model;
        this.maxTextChars = maxTextChars;
    }

    /** The answer to a parsed request body; throws {@link ApiException} for a bad request. */
    ObjectNode answer(JsonNode request) {
        PatternReloader.Loaded loaded = patterns.current();
        ServedModel.Current served = kind == Kind.MATCH ? null : requireModel();
        JsonBodies.rejectUnknown(request, FIELDS, "\"text\" (one text) or \"texts\" (a batch)");
        JsonNode text = request.get("text");
        JsonNode texts = request.get("texts");
        if (text != null && texts != null) {
            throw new ApiException(ErrorCode.CONFLICTING_FIELDS, "give either \"text\" or \"texts\", not both");
        }
        Function<String, ObjectNode> one = served == null ? t -> spans(loaded.matcher(), t)
                : analysis(served.pipeline().withMatcher(loaded.matcher()));
        ObjectNode answer;
        if (text != null) {
            answer = one.apply(checkText(text, "text"));
        } else if (texts != null) {
            answer = batch(one, texts);
        } else {
            throw new ApiException(ErrorCode.MISSING_FIELD, "request needs \"text\" (one text) or \"texts\" (a batch)");
        }
        answer.put("patterns_version", loaded.version());
        return served == null ? answer : answer.put("model_version", served.version());
    }

    private ServedModel.Current requireModel() {
        ServedModel.Current served = model.current();
        if (served == null) {
            throw new ApiException(ErrorCode.NO_MODEL, kind.path + " needs a model, and this server has none: "
                    + "start it with --model DIR (a model package, as quarry train writes it)");
        }
        return served;
    }

    private Function<String, ObjectNode> analysis(Pipeline pipeline) {
        Sources sources = kind == Kind.PREDICT ? Sources.MODEL : Sources.BOTH;
        return text -> AnalysisJson.put(NODES.objectNode(), pipeline.run(text, sources));
    }

    private ObjectNode batch(Function<String, ObjectNode> one, JsonNode texts) {
        if (!texts.isArray()) {
            throw new ApiException(ErrorCode.WRONG_TYPE,
                    "\"texts\" must be an array of strings, got " + JsonBodies.describe(texts));
        }
        ObjectNode answer = NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        for (int i = 0; i < texts.size(); i++) {
            try {
                results.add(one.apply(checkText(texts.get(i), "texts[" + i + "]")));
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
