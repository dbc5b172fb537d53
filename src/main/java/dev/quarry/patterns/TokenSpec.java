package dev.quarry.patterns;

import java.util.List;
import java.util.Objects;

/**
 * One element of a token pattern: constraints that must all hold for a token, and how many tokens in a row it
 * matches. No constraints ({@code {}}) matches any token.
 *
 * @param constraints the tests, all of which must pass
 * @param quantifier  how many consecutive tokens the spec matches; {@link Quantifier#ONE} when the file gave no
 *                    {@code OP}
 */
public record TokenSpec(List<Constraint> constraints, Quantifier quantifier) {

    public TokenSpec {
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(quantifier, "quantifier");
    }

    public static TokenSpec of(Constraint... constraints) {
        return new TokenSpec(List.of(constraints), Quantifier.ONE);
    }

    public TokenSpec with(Quantifier quantifier) {
        return new TokenSpec(constraints, quantifier);
    }
}
