package dev.quarry.matching;

import java.util.List;
import java.util.Objects;

/**
 * Why a match matched: which element of its pattern each token was matched by.
 *
 * @param match the match explained
 * @param steps one per token of the match, in order
 */
public record Explanation(Match match, List<Step> steps) {

    public Explanation {
        Objects.requireNonNull(match, "match");
        steps = List.copyOf(steps);
    }

    /**
     * One token and the pattern element that matched it.
     *
     * @param token              the token index in the doc
     * @param tokenText          the token's text
     * @param element            for a phrase pattern the index of the phrase token; for a token pattern the index of
     *                           the token spec
     * @param elementDescription the element as a person reads it: {@code phrase token 1 "cancer" on LOWER},
     *                           {@code spec 0 {"LOWER": "apple"}} with its operator
     */
    public record Step(int token, String tokenText, int element, String elementDescription) {
    }
}
