package dev.quarry.matching;

import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Aligns a token pattern's specs with the tokens of one of its matches, by a depth-first search that lets each spec
 * take as many tokens as it can first (as a regular expression's greedy operators do). Not thread-safe: one per
 * call.
 */
final class Explainer {

    private final TokenProgram program;
    private final TokenValues values;
    private final int end;
    private final int[] specOfToken;
    private final int start;
    private final Set<Long> failed = new HashSet<>();

    Explainer(TokenProgram program, Doc doc, Language language, int start, int end) {
        this.program = program;
        this.values = new TokenValues(doc, language);
        this.start = start;
        this.end = end;
        this.specOfToken = new int[end - start];
    }

    /** The spec index of each token of the match, or null when the pattern does not match exactly those tokens. */
    int[] align() {
        return search(0, 0, start) ? specOfToken : null;
    }

    /** Whether specs s.. can take tokens k..end, spec s having taken {@code taken} tokens already. */
    private boolean search(int s, int taken, int k) {
        if (s == program.specCount()) {
            return k == end;
        }
        long width = end - start + 2L;
        long key = (s * width + Math.min(taken, width - 1)) * width + (k - start);
        if (failed.contains(key)) {
            return false;
        }
        TokenSpec spec = program.spec(s);
        if (k < end && taken < spec.quantifier().max() && TokenProgram.accepts(spec, values, k)) {
            specOfToken[k - start] = s;
            if (search(s, taken + 1, k + 1)) {
                return true;
            }
        }
        if (taken >= spec.quantifier().min() && search(s + 1, 0, k)) {
            return true;
        }
        failed.add(key);
        return false;
    }

    /** A spec as a pattern file writes it, with its operator: {@code {"LOWER": "inc", "OP": "?"}}. */
    static String describe(TokenSpec spec) {
        List<String> parts = new ArrayList<>();
        for (Constraint constraint : spec.constraints()) {
            parts.add(quote(constraint.key()) + ": " + describe(constraint.predicates()));
        }
        if (spec.quantifier().op() != null) {
            parts.add("\"OP\": " + quote(spec.quantifier().op()));
        }
        return parts.stream().collect(Collectors.joining(", ", "{", "}"));
    }

    private static String describe(List<Predicate> predicates) {
        if (predicates.size() == 1 && predicates.get(0) instanceof Predicate.Equals(Object value)) {
            return literal(value);
        }
        return predicates.stream().map(Explainer::describe).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String describe(Predicate predicate) {
        return switch (predicate) {
            case Predicate.Equals(Object value) -> "\"==\": " + literal(value);
            case Predicate.In(List<Object> values) -> "\"IN\": " + list(values);
            case Predicate.NotIn(List<Object> values) -> "\"NOT_IN\": " + list(values);
            case Predicate.Regex regex -> "\"REGEX\": " + quote(regex.regex().pattern());
            case Predicate.Compare(Predicate.Comparison op, int value) -> quote(op.symbol()) + ": " + value;
        };
    }

    private static String list(List<Object> values) {
        return values.stream().map(Explainer::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String literal(Object value) {
        return value instanceof String s ? quote(s) : String.valueOf(value);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
