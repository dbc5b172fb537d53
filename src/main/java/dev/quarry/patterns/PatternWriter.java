package dev.quarry.patterns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes patterns as pattern-file lines, losslessly: {@code PatternReader.parseLine(toJsonLine(p), p.source())}
 * equals {@code p} for every pattern the reader produced. Lossless means equal records: the same label, phrase or
 * token specs, id (a JSON number stays a number, written as it was typed), attribute keys as written
 * ({@link Constraint#key()}, so {@code "lower"} and {@code "TEXT"} survive) and {@code OP} values as written
 * ({@link Quantifier#op()}). It does not mean the same bytes: keys come in the canonical order {@code label},
 * {@code pattern}, {@code id}; the top-level keys, {@code OP} and the operator keys ({@code IN}, {@code NOT_IN},
 * {@code REGEX}) are written in their canonical case; there is no whitespace between tokens; strings are escaped
 * as JSON requires and nothing more (non-ASCII text is written as is). A {@code REGEX} is written in Python's
 * named-group syntax, as spaCy reads it.
 *
 * <p>A phrase pattern's {@link PhrasePattern#attr()} is a setting of its file, not of its line:
 * {@link PatternFiles#write} writes it as the file's {@code phrase_matcher_attr} line.
 *
 * <p>Patterns made in code that no file can express are rejected with {@link IllegalArgumentException}: a
 * literal together with other tests on one attribute, two predicates of the same operator on one attribute, a
 * regex with flags (write them inline, {@code (?i)}), a value of a type other than String, Integer or Boolean.
 * A quantifier with a null {@code op} is written in its canonical spelling. Thread-safe.
 */
public final class PatternWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PatternWriter() {
    }

    /** One pattern as one line of JSON, without a line break. */
    public static String toJsonLine(Pattern pattern) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(json, pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a String cannot fail", e);
        }
        return out.toString();
    }

    /** The {@code phrase_matcher_attr} line for an attribute. */
    static String directiveLine(Attr attr) {
        return "{\"" + LineParser.DIRECTIVE + "\":\"" + attr.name() + "\"}";
    }

    private static void write(JsonGenerator json, Pattern pattern) throws IOException {
        json.writeStartObject();
        json.writeStringField("label", pattern.label());
        json.writeFieldName("pattern");
        switch (pattern) {
            case PhrasePattern phrase -> json.writeString(phrase.phrase());
            case TokenPattern tokens -> writeSpecs(json, tokens.tokens());
        }
        if (pattern.id() != null) {
            json.writeFieldName("id");
            if (pattern.numericId()) {
                json.writeNumber(pattern.id());
            } else {
                json.writeString(pattern.id());
            }
        }
        json.writeEndObject();
    }

    private static void writeSpecs(JsonGenerator json, List<TokenSpec> specs) throws IOException {
        json.writeStartArray();
        for (TokenSpec spec : specs) {
            json.writeStartObject();
            for (Constraint constraint : spec.constraints()) {
                json.writeFieldName(constraint.key());
                writeConstraint(json, constraint);
            }
            String op = Quantifiers.opOf(spec.quantifier());
            if (op != null) {
                json.writeStringField("OP", op);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeConstraint(JsonGenerator json, Constraint constraint) throws IOException {
        List<Predicate> predicates = constraint.predicates();
        if (predicates.size() == 1 && predicates.get(0) instanceof Predicate.Equals literal) {
            writeValue(json, literal.value());
            return;
        }
        Set<String> keys = new HashSet<>();
        json.writeStartObject();
        for (Predicate predicate : predicates) {
            String key = operatorKey(predicate, constraint);
            if (!keys.add(key)) {
                throw new IllegalArgumentException("cannot write two " + key + " tests on " + constraint.key()
                        + " in one token spec: " + constraint);
            }
            json.writeFieldName(key);
            writeOperand(json, predicate);
        }
        json.writeEndObject();
    }

    private static String operatorKey(Predicate predicate, Constraint constraint) {
        return switch (predicate) {
            case Predicate.In in -> "IN";
            case Predicate.NotIn notIn -> "NOT_IN";
            case Predicate.Regex regex -> "REGEX";
            case Predicate.Compare compare -> compare.op().symbol();
            case Predicate.Equals equals -> throw new IllegalArgumentException("cannot write a literal together with"
                    + " other tests on " + constraint.key() + " in one token spec: " + constraint);
        };
    }

    private static void writeOperand(JsonGenerator json, Predicate predicate) throws IOException {
        switch (predicate) {
            case Predicate.In in -> writeValues(json, in.values());
            case Predicate.NotIn notIn -> writeValues(json, notIn.values());
            case Predicate.Regex regex -> {
                if (regex.regex().flags() != 0) {
                    throw new IllegalArgumentException("cannot write a REGEX with flags (write them inline, as (?i)),"
                            + " got flags " + regex.regex().flags() + " on " + regex.regex().pattern());
                }
                json.writeString(PythonRegex.toPython(regex.regex().pattern()));
            }
            case Predicate.Compare compare -> json.writeNumber(compare.value());
            case Predicate.Equals equals -> throw new AssertionError("rejected by operatorKey");
        }
    }

    private static void writeValues(JsonGenerator json, List<Object> values) throws IOException {
        json.writeStartArray();
        for (Object value : values) {
            writeValue(json, value);
        }
        json.writeEndArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case String text -> json.writeString(text);
            case Integer number -> json.writeNumber(number);
            case Boolean bool -> json.writeBoolean(bool);
            default -> throw new IllegalArgumentException("cannot write a value of type "
                    + value.getClass().getSimpleName() + " (a pattern value is a String, Integer or Boolean), got "
                    + value);
        }
    }
}
