package dev.quarry.patterns;

import java.util.List;
import java.util.Objects;

/**
 * A token pattern, {@code {"label":"ORG","pattern":[{"LOWER":"apple"},{"LOWER":"inc","OP":"?"}]}}: a sequence of
 * {@link TokenSpec}s, each matching a number of consecutive tokens.
 *
 * @param label     the label, non-blank
 * @param tokens    the token specs, at least one
 * @param id        the pattern id, or null
 * @param source    where the pattern was written
 * @param numericId whether the file gave the id as a JSON number, see {@link PhrasePattern#numericId()}
 */
public record TokenPattern(String label, List<TokenSpec> tokens, String id, PatternSource source, boolean numericId)
        implements Pattern {

    public TokenPattern {
        PhrasePattern.requireLabel(label);
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("token pattern must have at least one token spec");
        }
        Objects.requireNonNull(source, "source");
        PhrasePattern.requireNumericId(id, numericId);
    }

    /** A pattern whose id (if any) is a string. */
    public TokenPattern(String label, List<TokenSpec> tokens, String id, PatternSource source) {
        this(label, tokens, id, source, false);
    }

    public TokenPattern(String label, List<TokenSpec> tokens) {
        this(label, tokens, null, PatternSource.inMemory(0));
    }

    /** Whether the pattern can match zero tokens (every spec optional), which a matcher cannot report. */
    public boolean canMatchEmpty() {
        return tokens.stream().allMatch(spec -> spec.quantifier().min() == 0);
    }
}
