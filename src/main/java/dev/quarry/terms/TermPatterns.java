package dev.quarry.terms;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.TokenAttributes;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Terms as patterns: every form of a term (the term and its variants) becomes one token pattern with a {@code LOWER}
 * value per token, tokenised with the same tokenizer the matcher uses, so {@code "swine flu"} becomes
 * {@code [{"LOWER":"swine"},{"LOWER":"flu"}]} and matches "Swine Flu" in text. (A phrase pattern with the whole
 * string as one token would never match a multi-word term.) The pattern id is the term, so all forms of a term share
 * it. Forms with the same lower-cased tokens are written once.
 */
public final class TermPatterns {

    private TermPatterns() {
    }

    /**
     * The patterns for the terms, in term order.
     *
     * @throws IllegalArgumentException if the label is blank
     */
    public static List<TokenPattern> toPatterns(List<TermEntry> terms, String label, Tokenizer tokenizer) {
        List<TokenPattern> out = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (TermEntry entry : terms) {
            for (String form : entry.forms()) {
                List<String> words = tokenizer.tokenize(form).tokens().stream()
                        .map(t -> TokenAttributes.lower(t.text())).toList();
                if (!words.isEmpty() && seen.add(words)) {
                    out.add(new TokenPattern(label, specs(words), entry.term(), PatternSource.inMemory(0)));
                }
            }
        }
        return out;
    }

    private static List<TokenSpec> specs(List<String> words) {
        return words.stream().map(w -> TokenSpec.of(Constraint.equals(Attr.LOWER, w))).toList();
    }
}
