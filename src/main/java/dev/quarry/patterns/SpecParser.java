package dev.quarry.patterns;

import static dev.quarry.patterns.JsonText.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parses the token specs of a token pattern ({@code "pattern": [{...}, ...]}), reporting every problem to the
 * {@link Line}. A recursive descent over Jackson's tokens: each method starts at the current token of its value
 * and leaves the parser on that value's last token.
 */
final class SpecParser {

    static final String SUPPORTED = Stream.of(Attr.values())
            .map(a -> a == Attr.ORTH ? "ORTH (or TEXT)" : a.name())
            .collect(Collectors.joining(", ")) + ", OP";

    private static final Map<String, String> UNSUPPORTED = unsupportedAttributes();
    private static final List<String> UNSUPPORTED_OPERATORS = List.of("FUZZY", "INTERSECTS", "IS_SUBSET",
            "IS_SUPERSET");

    private SpecParser() {
    }

    /** At a {@code START_ARRAY}: the specs, or null if any had an error. */
    static List<TokenSpec> parseSpecs(Line line, String key) throws IOException {
        JsonParser json = line.json;
        long column = line.tokenOffset();
        int errorsBefore = line.errorCount();
        List<TokenSpec> specs = new ArrayList<>();
        int index = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            String path = key + "[" + index++ + "]";
            if (json.currentToken() != JsonToken.START_OBJECT) {
                line.errorGot(path, quote(path) + " must be an object of token attributes such as {\"LOWER\": \"x\"}");
                continue;
            }
            specs.add(parseSpec(line, path));
        }
        if (index == 0) {
            line.errorAt(column, key, quote(key) + " must have at least one token spec, got []");
        }
        return line.errorCount() > errorsBefore ? null : specs;
    }

    private static TokenSpec parseSpec(Line line, String path) throws IOException {
        SpecKeys keys = new SpecKeys();
        while (line.json.nextToken() == JsonToken.FIELD_NAME) {
            String key = line.json.currentName();
            long column = line.tokenOffset();
            line.json.nextToken();
            if (key.equalsIgnoreCase("OP")) {
                keys.op(line, key, path + "." + key, column);
            } else {
                keys.attribute(line, key, path + "." + key, column);
            }
        }
        return keys.quantifier == null ? null : new TokenSpec(keys.constraints, keys.quantifier);
    }

    /** The keys of one token spec read so far. */
    private static final class SpecKeys {
        final List<Constraint> constraints = new ArrayList<>(2);
        final Map<Attr, String> attrs = new EnumMap<>(Attr.class);
        Quantifier quantifier = Quantifier.ONE;
        String opKey;

        void op(Line line, String key, String field, long column) throws IOException {
            if (opKey != null) {
                duplicate(line, column, field, key, opKey);
                return;
            }
            opKey = key;
            quantifier = parseOp(line, field);
        }

        void attribute(Line line, String key, String field, long column) throws IOException {
            Attr attr = Attr.byName(key).orElse(null);
            if (attr == null) {
                line.errorAt(column, field, unsupported(key));
                line.json.skipChildren();
            } else if (attrs.containsKey(attr)) {
                duplicate(line, column, field, key, attrs.get(attr));
            } else {
                attrs.put(attr, key);
                Constraint constraint = parseConstraint(line, attr, key, field);
                if (constraint != null) {
                    constraints.add(constraint);
                }
            }
        }
    }

    private static void duplicate(Line line, long column, String field, String key, String first) throws IOException {
        line.errorAt(column, field, "duplicate key " + quote(key) + " (keys are case-insensitive and TEXT is ORTH;"
                + " first given as " + quote(first) + ")");
        line.json.skipChildren();
    }

    static String unsupported(String key) {
        String reason = UNSUPPORTED.get(key.toUpperCase(Locale.ROOT));
        String what = reason == null ? "unknown attribute " + quote(key) + suggestion(key)
                : "attribute " + quote(key) + " " + reason;
        return what + "; supported: " + SUPPORTED;
    }

    /** {@code " (did you mean \"LOWER\"?)"} for a key within two edits of one attribute name, else "". */
    private static String suggestion(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (Attr attr : Attr.values()) {
            int distance = distance(upper, attr.name());
            if (distance < bestDistance) {
                best = attr.name();
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean " + quote(best) + "?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, String> unsupportedAttributes() {
        Map<String, String> reasons = new HashMap<>();
        String tagger = "needs a part-of-speech tagger, which Quarry does not have";
        Stream.of("POS", "TAG", "MORPH").forEach(a -> reasons.put(a, tagger));
        reasons.put("LEMMA", "needs a lemmatizer, which Quarry does not have");
        Stream.of("DEP", "HEAD").forEach(a -> reasons.put(a, "needs a dependency parser, which Quarry does not have"));
        Stream.of("ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID")
                .forEach(a -> reasons.put(a, "needs named entities, which token patterns in Quarry cannot see"));
        Stream.of("SENT_START", "IS_SENT_START")
                .forEach(a -> reasons.put(a, "needs sentence boundaries, which token patterns in Quarry cannot see"));
        reasons.put("_", "(custom extension attributes) is not supported by Quarry");
        Stream.of("PREFIX", "SUFFIX", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
                "IS_OOV", "LANG", "SPACY", "ID", "LEX_ID", "CLUSTER", "PROB", "SENTIMENT", "LIKE_PHONE")
                .forEach(a -> reasons.put(a, "is a spaCy attribute that Quarry does not support"));
        return Map.copyOf(reasons);
    }

    private static Constraint parseConstraint(Line line, Attr attr, String key, String field) throws IOException {
        if (line.json.currentToken() == JsonToken.START_OBJECT) {
            return parseOperators(line, attr, key, field);
        }
        Object literal = literal(line.json, attr.kind());
        if (literal == null) {
            line.errorGot(field, quote(field) + " must be " + expectation(attr.kind()));
            return null;
        }
        return new Constraint(attr, key, List.of(new Predicate.Equals(literal)));
    }

    /** The scalar at the current token as a value of the kind, or null if it is not one. */
    private static Object literal(JsonParser json, Attr.Kind kind) throws IOException {
        JsonToken token = json.currentToken();
        return switch (kind) {
            case STRING -> token == JsonToken.VALUE_STRING ? json.getText() : null;
            case INTEGER -> token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT
                    ? Integer.valueOf(json.getIntValue()) : null;
            case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                    ? Boolean.valueOf(json.getBooleanValue()) : null;
        };
    }

    private static String expectation(Attr.Kind kind) {
        return singular(kind) + ", or an object with " + operators(kind);
    }

    private static String singular(Attr.Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case BOOLEAN -> "true or false";
        };
    }

    private static String operators(Attr.Kind kind) {
        return switch (kind) {
            case STRING -> "IN, NOT_IN or REGEX";
            case INTEGER -> "IN, NOT_IN, ==, !=, >=, <=, > or <";
            case BOOLEAN -> "IN or NOT_IN";
        };
    }

    /** At a {@code START_OBJECT}: {@code {"IN": [...], "REGEX": "...", ">=": 3}}. */
    private static Constraint parseOperators(Line line, Attr attr, String key, String field) throws IOException {
        JsonParser json = line.json;
        long column = line.tokenOffset();
        int errorsBefore = line.errorCount();
        Map<String, String> seen = new HashMap<>();
        List<Predicate> predicates = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String op = json.currentName();
            String path = field + "." + op;
            long opColumn = line.tokenOffset();
            json.nextToken();
            String first = seen.putIfAbsent(op.toUpperCase(Locale.ROOT), op);
            if (first != null) {
                duplicate(line, opColumn, path, op, first);
                continue;
            }
            Predicate predicate = parseOperator(line, attr, key, op, path, opColumn);
            if (predicate != null) {
                predicates.add(predicate);
            }
        }
        if (seen.isEmpty()) {
            line.errorAt(column, field, quote(field) + " must have at least one of " + operators(attr.kind())
                    + ", got {}");
        }
        return line.errorCount() > errorsBefore ? null : new Constraint(attr, key, predicates);
    }

    private static Predicate parseOperator(Line line, Attr attr, String key, String op, String path, long column)
            throws IOException {
        String upper = op.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "IN", "NOT_IN" -> {
                List<Object> values = parseList(line, attr.kind(), path);
                return values == null ? null : upper.equals("IN") ? new Predicate.In(values)
                        : new Predicate.NotIn(values);
            }
            case "REGEX" -> {
                return parseRegex(line, attr, key, path, column);
            }
            default -> {
                Predicate.Comparison comparison = Predicate.Comparison.bySymbol(op);
                if (comparison != null) {
                    return parseComparison(line, attr, key, comparison, path, column);
                }
                line.errorAt(column, path, unknownOperator(attr, op, path));
                line.json.skipChildren();
                return null;
            }
        }
    }

    private static String unknownOperator(Attr attr, String op, String path) {
        String field = path.substring(0, path.length() - op.length() - 1);
        String upper = op.toUpperCase(Locale.ROOT);
        if (UNSUPPORTED_OPERATORS.contains(upper) || upper.matches("FUZZY[1-9]")) {
            return quote(op) + " in " + quote(field) + " is a spaCy operator that Quarry does not support;"
                    + " use one of " + operators(attr.kind());
        }
        return "unknown key " + quote(op) + " in " + quote(field) + ", expected one of " + operators(attr.kind());
    }

    /** {@code IN} and {@code NOT_IN}: a non-empty list of values of the attribute's kind, or null. */
    private static List<Object> parseList(Line line, Attr.Kind kind, String path) throws IOException {
        JsonParser json = line.json;
        String expected = quote(path) + " must be a non-empty list of " + plural(kind);
        if (json.currentToken() != JsonToken.START_ARRAY) {
            line.errorGot(path, expected);
            return null;
        }
        long column = line.tokenOffset();
        int errorsBefore = line.errorCount();
        List<Object> values = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            Object value = literal(json, kind);
            if (value == null) {
                String element = path + "[" + values.size() + "]";
                line.errorGot(element, quote(element) + " must be " + singular(kind));
            }
            values.add(value);
        }
        if (values.isEmpty()) {
            line.errorAt(column, path, expected + ", got []");
        }
        return line.errorCount() > errorsBefore ? null : values;
    }

    private static String plural(Attr.Kind kind) {
        return switch (kind) {
            case STRING -> "strings";
            case INTEGER -> "integers";
            case BOOLEAN -> "booleans";
        };
    }

    private static Predicate parseRegex(Line line, Attr attr, String key, String path, long column)
            throws IOException {
        JsonParser json = line.json;
        if (attr.kind() != Attr.Kind.STRING) {
            line.errorAt(column, path, "REGEX works on string attributes (ORTH, LOWER, NORM, SHAPE), not on "
                    + quote(key));
            json.skipChildren();
            return null;
        }
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            line.errorGot(path, quote(path) + " must be a string (a regular expression)");
            return null;
        }
        String expression = json.getText();
        try {
            return new Predicate.Regex(java.util.regex.Pattern.compile(PythonRegex.toJava(expression)));
        } catch (PatternSyntaxException e) {
            line.error(path, quote(path) + " must be a valid regular expression, got " + quote(expression) + ": "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            return null;
        }
    }

    private static Predicate parseComparison(Line line, Attr attr, String key, Predicate.Comparison comparison,
            String path, long column) throws IOException {
        if (attr.kind() != Attr.Kind.INTEGER) {
            line.errorAt(column, path, "comparison " + quote(comparison.symbol()) + " works on LENGTH only, not on "
                    + quote(key));
            line.json.skipChildren();
            return null;
        }
        Object value = literal(line.json, Attr.Kind.INTEGER);
        if (value == null) {
            line.errorGot(path, quote(path) + " must be an integer");
            return null;
        }
        return new Predicate.Compare(comparison, (Integer) value);
    }

    /** {@code OP}: the quantifier, or null after reporting an error. */
    private static Quantifier parseOp(Line line, String path) throws IOException {
        JsonParser json = line.json;
        String rule = quote(path) + " must be one of !, ?, +, *, {n}, {n,m}, {n,}, {,m}";
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            line.errorGot(path, rule);
            return null;
        }
        try {
            Quantifier quantifier = Quantifiers.parse(json.getText());
            if (quantifier == null) {
                line.errorGot(path, rule);
            }
            return quantifier;
        } catch (IllegalArgumentException e) {
            line.errorGot(path, quote(path) + " " + e.getMessage());
            return null;
        }
    }
}
