package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All token patterns of a matcher, with a prefilter: a pattern whose first spec must take a token with a literal
 * ORTH, LOWER or NORM value (or one of an {@code IN} list) is only tried where a token has that value; the others
 * are tried at every token.
 *
 * <p>Immutable; thread-safe.
 */
final class TokenEngine {

    private final List<TokenProgram> programs;
    private static final int[] NONE = {};

    private final Attr[] indexedAttrs;
    private final List<Map<String, int[]>> byFirstValue;
    private final int[] always;
    private final int maxStates;

    TokenEngine(List<TokenProgram> programs) {
        this.programs = List.copyOf(programs);
        Map<Attr, Map<String, List<Integer>>> index = new HashMap<>();
        List<Integer> unindexed = new ArrayList<>();
        for (int p = 0; p < programs.size(); p++) {
            if (!indexFirst(programs.get(p).pattern, p, index)) {
                unindexed.add(p);
            }
        }
        this.indexedAttrs = index.keySet().toArray(Attr[]::new);
        this.byFirstValue = new ArrayList<>();
        for (Attr attr : indexedAttrs) {
            Map<String, int[]> frozen = new HashMap<>();
            index.get(attr).forEach((value, list) -> frozen.put(value, toArray(list)));
            byFirstValue.add(frozen);
        }
        this.always = toArray(unindexed);
        this.maxStates = programs.stream().mapToInt(TokenProgram::stateCount).max().orElse(0);
    }

    boolean isEmpty() {
        return programs.isEmpty();
    }

    List<TokenProgram> programs() {
        return programs;
    }

    private static boolean indexFirst(TokenPattern pattern, int p, Map<Attr, Map<String, List<Integer>>> index) {
        TokenSpec first = pattern.tokens().get(0);
        if (first.quantifier().min() == 0 || first.quantifier().negated()) {
            return false;
        }
        for (Constraint constraint : first.constraints()) {
            Set<String> values = literals(constraint);
            if (values != null) {
                Map<String, List<Integer>> map = index.computeIfAbsent(constraint.attr(), a -> new HashMap<>());
                values.forEach(v -> map.computeIfAbsent(v, k -> new ArrayList<>()).add(p));
                return true;
            }
        }
        return false;
    }

    /** The values a phrase-attribute constraint requires, when one of its predicates is a string literal or IN. */
    private static Set<String> literals(Constraint constraint) {
        if (!constraint.attr().isPhraseAttr()) {
            return null;
        }
        for (Predicate predicate : constraint.predicates()) {
            if (predicate instanceof Predicate.Equals(Object value) && value instanceof String s) {
                return Set.of(s);
            }
            if (predicate instanceof Predicate.In(List<Object> values)
                    && values.stream().allMatch(v -> v instanceof String)) {
                Set<String> set = new LinkedHashSet<>();
                values.forEach(v -> set.add((String) v));
                return set;
            }
        }
        return null;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reports every (pattern, start, end) at which some token pattern matches, each once. */
    void forEachMatch(Doc doc, Language language, MatchSink sink) {
        if (programs.isEmpty()) {
            return;
        }
        TokenValues values = new TokenValues(doc, language);
        boolean[] current = new boolean[maxStates];
        boolean[] next = new boolean[maxStates];
        for (int start = 0, n = doc.size(); start < n; start++) {
            for (int p : always) {
                programs.get(p).forEachEnd(values, start, n, sink, current, next);
            }
            for (int a = 0; a < indexedAttrs.length; a++) {
                int[] candidates = byFirstValue.get(a).get((String) values.get(indexedAttrs[a], start));
                for (int p : candidates != null ? candidates : NONE) {
                    programs.get(p).forEachEnd(values, start, n, sink, current, next);
                }
            }
        }
    }
}
