package dev.quarry.matching;

import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import java.util.Arrays;
import java.util.List;

/**
 * One token pattern as a small NFA: a state is (spec s, tokens c taken by spec s so far), with c counted up to the
 * spec's max, or up to its min when the max is unbounded (then c == min means "min or more"). Simulating it from a
 * start token over the following tokens gives every end at which the pattern can finish, each once.
 *
 * <p>Immutable; {@link #forEachEnd} works in buffers the caller passes.
 */
final class TokenProgram {

    final int patternIndex;
    final TokenPattern pattern;
    private final TokenSpec[] specs;
    private final int[] base;
    private final int endState;

    TokenProgram(int patternIndex, TokenPattern pattern) {
        this.patternIndex = patternIndex;
        this.pattern = pattern;
        this.specs = pattern.tokens().toArray(TokenSpec[]::new);
        this.base = new int[specs.length + 1];
        for (int s = 0; s < specs.length; s++) {
            base[s + 1] = base[s] + cap(specs[s].quantifier()) + 1;
        }
        this.endState = base[specs.length];
    }

    private static int cap(Quantifier q) {
        return q.max() == Quantifier.UNBOUNDED ? q.min() : q.max();
    }

    /** The size of the buffers {@link #forEachEnd} needs. */
    int stateCount() {
        return endState + 1;
    }

    /**
     * Calls {@code sink} with every end token (exclusive, > start) at which the pattern matches from start.
     *
     * @param current scratch of at least {@link #stateCount()} elements, any content
     * @param next    the same, another array
     */
    void forEachEnd(TokenValues values, int start, int size, MatchSink sink, boolean[] current, boolean[] next) {
        Arrays.fill(current, 0, endState + 1, false);
        current[0] = true;
        boolean alive = close(current);
        for (int k = start; alive && k < size; k++) {
            Arrays.fill(next, 0, endState + 1, false);
            alive = step(current, next, values, k) && close(next);
            if (next[endState]) {
                sink.accept(patternIndex, start, k + 1);
            }
            boolean[] swap = current;
            current = next;
            next = swap;
        }
    }

    /** Adds (s + 1, 0) for every (s, c) with c >= min; returns whether any state is set. */
    private boolean close(boolean[] states) {
        boolean any = false;
        for (int s = 0; s < specs.length; s++) {
            int min = specs[s].quantifier().min();
            for (int c = 0; c <= base[s + 1] - base[s] - 1; c++) {
                if (states[base[s] + c]) {
                    any = true;
                    if (c >= min) {
                        states[base[s + 1]] = true;
                    }
                }
            }
        }
        return any || states[endState];
    }

    private boolean step(boolean[] from, boolean[] to, TokenValues values, int token) {
        boolean any = false;
        for (int s = 0; s < specs.length; s++) {
            Quantifier q = specs[s].quantifier();
            int cap = base[s + 1] - base[s] - 1;
            boolean tested = false;
            boolean passes = false;
            for (int c = 0; c <= cap; c++) {
                if (!from[base[s] + c] || (c == cap && q.max() != Quantifier.UNBOUNDED)) {
                    continue;
                }
                if (!tested) {
                    passes = accepts(specs[s], values, token);
                    tested = true;
                }
                if (passes) {
                    to[base[s] + Math.min(c + 1, cap)] = true;
                    any = true;
                }
            }
        }
        return any;
    }

    /** Whether the token is taken by the spec: all constraints hold, or for {@code !} not all hold. */
    static boolean accepts(TokenSpec spec, TokenValues values, int token) {
        return holds(spec.constraints(), values, token) != spec.quantifier().negated();
    }

    static boolean holds(List<Constraint> constraints, TokenValues values, int token) {
        for (Constraint constraint : constraints) {
            Object value = values.get(constraint.attr(), token);
            for (Predicate predicate : constraint.predicates()) {
                if (!predicate.test(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    int specCount() {
        return specs.length;
    }

    TokenSpec spec(int s) {
        return specs[s];
    }
}
