package dev.quarry.patterns;

import static dev.quarry.patterns.JsonText.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one line of a pattern file into a {@link Pattern} or a {@code phrase_matcher_attr} directive, reporting
 * every problem of the line. One instance per file (it interns labels and knows the file's phrase attribute).
 * Not thread-safe.
 */
final class LineParser {

    /** The key of the per-file phrase attribute line, as spaCy's EntityRuler calls the setting. */
    static final String DIRECTIVE = "phrase_matcher_attr";

    /** Jackson's defaults: strict JSON, no comments, duplicate keys left to this class. Thread-safe. */
    static final JsonFactory JSON = JsonFactory.builder().build();

    /** What a line held. */
    sealed interface Parsed {
        record Of(Pattern pattern) implements Parsed {
        }

        record Directive(Attr attr, String key, int column) implements Parsed {
        }
    }

    private final String file;
    private final Problems problems;
    private final Labels labels;
    private Attr phraseAttr;

    LineParser(String file, Problems problems, Labels labels) {
        this.file = file;
        this.problems = problems;
        this.labels = labels;
    }

    void phraseAttr(Attr attr) {
        this.phraseAttr = attr;
    }

    /** The line's pattern or directive; null if the line had errors (they went to the problems). */
    Parsed parse(String text, int number) {
        try (JsonParser json = JSON.createParser(text)) {
            Line line = new Line(json, text, file, number, problems);
            return parse(line);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    /**
     * The object starting at the current token ({@code START_OBJECT}) of a parser over a whole file, which is left
     * on the object's {@code END_OBJECT}. The fast path: the first problem throws {@link Line.Restart}.
     */
    Parsed parseNext(JsonParser json, int number) throws IOException {
        Line line = new Line(json, null, file, number, problems);
        return build(line, readFields(line));
    }

    private Parsed parse(Line line) throws IOException {
        boolean objectRead = false;
        try {
            JsonToken first = line.json.nextToken();
            if (first == JsonToken.START_ARRAY) {
                line.error(null, "a pattern line must be a JSON object, got an array; a pattern file has one JSON"
                        + " object per line, not one JSON array");
                return null;
            }
            if (first == null) {
                line.errorAtColumn(0, null, "a pattern line must be a JSON object, got an empty line");
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                line.errorGot(null, "a pattern line must be a JSON object");
                return null;
            }
            Fields fields = readFields(line);
            objectRead = true;
            if (line.json.nextToken() != null) {
                line.errorGot(null, "a line must hold one JSON object, but there is more after it");
            }
            return line.hasErrors() ? null : build(line, fields);
        } catch (JsonProcessingException e) {
            malformed(line, e, objectRead);
            return null;
        }
    }

    /** The top-level keys, in the order of {@link Fields#given}. */
    private static final List<String> KEYS = List.of("label", "pattern", "id", DIRECTIVE);

    /** The keys of a line's object, each checked. */
    private static final class Fields {
        /** The known keys as written, by their index in {@link #KEYS}; null where not given. */
        final String[] given = new String[KEYS.size()];
        /** Unknown keys, lowercased, to their first spelling; null until one is seen. */
        Map<String, String> unknown;
        String firstOther;
        String label;
        Object pattern;
        String id;
        boolean numericId;
        Parsed.Directive directive;

        /** Records a key; returns the spelling it was first given in, or null if it is new. */
        String add(String key, String canonical, int index) {
            if (index >= 0) {
                String first = given[index];
                given[index] = first == null ? key : first;
                return first;
            }
            unknown = unknown == null ? new HashMap<>() : unknown;
            return unknown.putIfAbsent(canonical, key);
        }

        boolean has(String canonical) {
            return given[KEYS.indexOf(canonical)] != null;
        }
    }

    private Fields readFields(Line line) throws IOException {
        JsonParser json = line.json;
        Fields fields = new Fields();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            long column = line.tokenOffset();
            json.nextToken();
            String canonical = key.toLowerCase(Locale.ROOT);
            int index = KEYS.indexOf(canonical);
            String first = fields.add(key, canonical, index);
            if (first != null) {
                line.errorAt(column, key, "duplicate key " + quote(key) + " (keys are case-insensitive; first given as "
                        + quote(first) + ")");
                json.skipChildren();
                continue;
            }
            if (index != KEYS.indexOf(DIRECTIVE) && fields.firstOther == null) {
                fields.firstOther = key;
            }
            readField(line, fields, key, canonical, column);
        }
        return fields;
    }

    private void readField(Line line, Fields fields, String key, String canonical, long column) throws IOException {
        switch (canonical) {
            case "label" -> fields.label = readLabel(line, key);
            case "pattern" -> fields.pattern = readPattern(line, key);
            case "id" -> readId(line, fields, key);
            case DIRECTIVE -> fields.directive = readDirective(line, key, column);
            default -> {
                line.errorAt(column, key, "unknown key " + quote(key) + ", expected one of label, pattern, id");
                line.json.skipChildren();
            }
        }
    }

    private String readLabel(Line line, String key) throws IOException {
        JsonParser json = line.json;
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            String label = labels.intern(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
            if (!label.isBlank()) {
                return label;
            }
        }
        line.errorGot(key, quote(key) + " must be a non-empty string");
        return null;
    }

    private static Object readPattern(Line line, String key) throws IOException {
        JsonParser json = line.json;
        String rule = quote(key) + " must be a non-empty string (a phrase) or a list of token specs";
        if (json.currentToken() == JsonToken.START_ARRAY) {
            return SpecParser.parseSpecs(line, key);
        }
        if (json.currentToken() == JsonToken.VALUE_STRING && !json.getText().isBlank()) {
            return json.getText();
        }
        line.errorGot(key, rule);
        return null;
    }

    private static void readId(Line line, Fields fields, String key) throws IOException {
        JsonParser json = line.json;
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            fields.id = json.getText();
            fields.numericId = true;
        } else if (token == JsonToken.VALUE_STRING && !json.getText().isBlank()) {
            fields.id = json.getText();
        } else if (token != JsonToken.VALUE_NULL) {
            line.errorGot(key, quote(key) + " must be a non-empty string or a number");
        }
    }

    private static Parsed.Directive readDirective(Line line, String key, long column) throws IOException {
        JsonParser json = line.json;
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            Attr attr = Attr.byName(json.getText()).orElse(null);
            if (attr != null && attr.isPhraseAttr()) {
                return new Parsed.Directive(attr, key, line.column(column));
            }
        }
        line.errorGot(key, quote(key) + " must be one of ORTH, LOWER, NORM");
        return null;
    }

    private Parsed build(Line line, Fields fields) {
        if (fields.has(DIRECTIVE)) {
            return directive(line, fields);
        }
        for (String required : List.of("label", "pattern")) {
            if (!fields.has(required)) {
                line.errorAt(0L, required, "missing key " + quote(required) + "; a pattern line needs \"label\" and"
                        + " \"pattern\"");
            }
        }
        if (line.hasErrors()) {
            return null;
        }
        PatternSource source = new PatternSource(file, line.number());
        if (fields.pattern instanceof String phrase) {
            return new Parsed.Of(new PhrasePattern(fields.label, phrase, fields.id, phraseAttr, source,
                    fields.numericId));
        }
        @SuppressWarnings("unchecked")
        List<TokenSpec> specs = (List<TokenSpec>) fields.pattern;
        return new Parsed.Of(new TokenPattern(fields.label, specs, fields.id, source, fields.numericId));
    }

    private static Parsed directive(Line line, Fields fields) {
        if (fields.firstOther != null) {
            String key = fields.directive.key();
            line.errorAtColumn(fields.directive.column(), key, quote(key) + " must be alone on its line, got it with "
                    + quote(fields.firstOther));
            return null;
        }
        return fields.directive;
    }

    private static void malformed(Line line, JsonProcessingException e, boolean objectRead) {
        JsonLocation location = e.getLocation();
        int column = location == null ? 0 : line.column(location.getCharOffset());
        line.errorAtColumn(column, null, "malformed JSON: " + MalformedJson.reason(e.getOriginalMessage(), objectRead));
    }
}
