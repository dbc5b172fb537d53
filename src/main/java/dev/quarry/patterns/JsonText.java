package dev.quarry.patterns;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Short renderings of JSON values for problem messages. */
final class JsonText {

    /** Longest string shown in a message, in code points; longer ones end in an ellipsis. */
    static final int MAX_SHOWN = 60;

    private JsonText() {
    }

    /** A string as a JSON literal, shortened to {@value #MAX_SHOWN} code points. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN * 2) + 2).append('"');
        int shown = 0;
        for (int i = 0; i < text.length(); shown++) {
            if (shown == MAX_SHOWN) {
                return out.append("...\"").toString();
            }
            int c = text.codePointAt(i);
            appendEscaped(out, c);
            i += Character.charCount(c);
        }
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            default -> {
                if (c < 0x20) {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    /**
     * The value at the parser's current token, shortened ({@code 42}, {@code "text"}, {@code true}, {@code []},
     * {@code [...]}, {@code {}}, {@code {...}}), skipping past it if it is an array or object.
     */
    static String describeAndSkip(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            boolean object = token == JsonToken.START_OBJECT;
            JsonToken next = json.nextToken();
            if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                return object ? "{}" : "[]";
            }
            skipRest(json, next);
            return object ? "{...}" : "[...]";
        }
        return describe(json);
    }

    /** A scalar at the parser's current token. */
    static String describe(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        return token == JsonToken.VALUE_STRING ? quote(json.getText()) : json.getText();
    }

    /** Skips to the end of the container whose first inner token is {@code first}. */
    private static void skipRest(JsonParser json, JsonToken first) throws IOException {
        int depth = 1;
        JsonToken token = first;
        while (true) {
            if (token == null) {
                return;
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd() && --depth == 0) {
                return;
            }
            token = json.nextToken();
        }
    }
}
