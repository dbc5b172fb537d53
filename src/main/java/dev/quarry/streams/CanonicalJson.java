package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON text of the hash contract (see {@link TaskHashes}): object keys sorted by UTF-16 code units,
 * no whitespace, strings with only the escapes JSON requires, numbers as their exact decimal value in plain notation.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, out);
            case ARRAY -> array(node, out);
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** The exact decimal value, trailing zeros stripped, no exponent: {@code 1.0} and {@code 1} are both {@code 1}. */
    static String number(JsonNode node) {
        BigDecimal value = node instanceof RawFloatNode raw ? new BigDecimal(raw.text())
                : node.isFloatingPointNumber() && !node.isBigDecimal() ? new BigDecimal(Double.toString(node.doubleValue()))
                : node.decimalValue();
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static void object(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        entries.addAll(node.properties());
        entries.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(entries.get(i).getKey(), out);
            out.append(':');
            write(entries.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void array(JsonNode node, StringBuilder out) {
        out.append('[');
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            write(it.next(), out);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> character(s, i, c, out);
            }
        }
        out.append('"');
    }

    private static void character(String s, int i, char c, StringBuilder out) {
        boolean loneSurrogate = Character.isHighSurrogate(c)
                ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
        if (c < 0x20 || loneSurrogate) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }
}
