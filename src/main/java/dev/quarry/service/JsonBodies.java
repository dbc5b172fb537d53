package dev.quarry.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading request bodies: the size limit, JSON with positions in errors, and type checks that name the field. */
final class JsonBodies {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Jackson's "(start marker at [Source: REDACTED ...; line: 1, column: 1])", shortened to the position. */
    private static final java.util.regex.Pattern SOURCE_REFERENCE =
            java.util.regex.Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

    private JsonBodies() {
    }

    /** The body, at most {@code maxBytes} long, else {@link ErrorCode#BODY_TOO_LARGE}. */
    static byte[] read(HttpExchange exchange, int maxBytes) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && tooLong(declared, maxBytes)) {
            throw bodyTooLarge(declared + " bytes", maxBytes);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw bodyTooLarge("more than " + maxBytes + " bytes", maxBytes);
            }
            return body;
        }
    }

    private static boolean tooLong(String declared, int maxBytes) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ApiException bodyTooLarge(String actual, int maxBytes) {
        return new ApiException(ErrorCode.BODY_TOO_LARGE, String.format(Locale.ROOT,
                "request body is %s, the limit is %d bytes (--max-body-bytes)", actual, maxBytes));
    }

    /** The body as a JSON object, else {@link ErrorCode#MALFORMED_JSON} with line and column or a type error. */
    static JsonNode parseObject(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(ErrorCode.MALFORMED_JSON, "malformed JSON" + where + ": "
                    + SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"));
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "malformed JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "request body is empty, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new ApiException(ErrorCode.WRONG_TYPE, "request body must be a JSON object, got " + describe(root));
        }
        return root;
    }

    /** Throws {@link ErrorCode#UNKNOWN_FIELD} naming every field of {@code object} not in {@code known}. */
    static void rejectUnknown(JsonNode object, Set<String> known, String expected) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(quote(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_FIELD, (unknown.size() == 1 ? "unknown field " : "unknown fields ")
                    + String.join(", ", unknown) + "; expected " + expected);
        }
    }

    /** A JSON value's type and, for scalars, its value cut to 40 characters: {@code number 42}, {@code array}. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            case STRING -> "a string " + quote(value.textValue());
            case BOOLEAN -> "boolean " + value.asText();
            case NUMBER -> "number " + cut(value.asText());
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String quote(String text) {
        return "\"" + cut(text) + "\"";
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
