package dev.quarry.patterns;

import static dev.quarry.patterns.JsonText.quote;

import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@link PatternFiles#check} beyond parsing, over the patterns of all files together: phrases
 * without tokens (an error), exact duplicates, one phrase under several labels, phrases that match the same
 * tokens, token patterns that can match nothing. Problems point at the later pattern's line (column 0) and name
 * the earlier one. Not thread-safe; one instance per check.
 */
final class Linter {

    private final Tokenizer tokenizer;
    private final Problems problems = new Problems();
    private final Map<Object, Pattern> exact = new HashMap<>();
    private final Map<String, List<PhrasePattern>> byTokens = new HashMap<>();

    private Linter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static Problems lint(List<Pattern> patterns, Tokenizer tokenizer) {
        Linter linter = new Linter(tokenizer);
        patterns.forEach(linter::lint);
        return linter.problems;
    }

    private void lint(Pattern pattern) {
        Pattern first = exact.putIfAbsent(exactKey(pattern), pattern);
        if (first != null) {
            warn(pattern, null, "duplicate of the pattern at " + where(first, pattern) + ": same label "
                    + quote(pattern.label()) + " and same pattern");
        }
        switch (pattern) {
            case PhrasePattern phrase -> lintPhrase(phrase, first != null);
            case TokenPattern tokens -> lintTokens(tokens);
        }
    }

    private static Object exactKey(Pattern pattern) {
        return switch (pattern) {
            case PhrasePattern p -> List.of(p.label(), p.phrase(), p.attr() == null ? Attr.ORTH : p.attr());
            case TokenPattern p -> List.of(p.label(), p.tokens().stream().map(Linter::normalized).toList());
        };
    }

    /** A spec without the spelling of its keys and operators, so that {@code lower} equals {@code LOWER}. */
    private static TokenSpec normalized(TokenSpec spec) {
        Quantifier q = spec.quantifier();
        return new TokenSpec(spec.constraints().stream().map(c -> new Constraint(c.attr(), "", c.predicates()))
                .toList(), new Quantifier(q.min(), q.max(), q.negated(), null));
    }

    private void lintPhrase(PhrasePattern phrase, boolean duplicate) {
        Doc doc = tokenizer.tokenize(phrase.phrase());
        if (doc.size() == 0) {
            problems.add(new Problem(Problem.Severity.ERROR, phrase.source().file(), phrase.source().line(), 0,
                    "pattern", "phrase " + quote(phrase.phrase()) + " has no tokens: the tokenizer finds no words,"
                    + " numbers or punctuation in it"));
            return;
        }
        List<PhrasePattern> same = byTokens.computeIfAbsent(tokenKey(doc, phrase.attr()), k -> new ArrayList<>());
        if (!duplicate) {
            compare(phrase, same);
        }
        if (same.stream().noneMatch(p -> p.label().equals(phrase.label()))) {
            same.add(phrase);
        }
    }

    private void compare(PhrasePattern phrase, List<PhrasePattern> sameTokens) {
        for (PhrasePattern other : sameTokens) {
            if (!other.label().equals(phrase.label())) {
                warn(phrase, "label", "phrase " + quote(phrase.phrase()) + " is labelled " + quote(phrase.label())
                        + " here but " + quote(other.label()) + " at " + where(other, phrase)
                        + ", and both match the same tokens");
                return;
            }
        }
        for (PhrasePattern other : sameTokens) {
            warn(phrase, "pattern", "phrase " + quote(phrase.phrase()) + " matches the same tokens as "
                    + quote(other.phrase()) + " at " + where(other, phrase) + " (same label "
                    + quote(phrase.label()) + ")");
        }
    }

    private static String tokenKey(Doc doc, Attr attr) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < doc.size(); i++) {
            String token = attr == Attr.LOWER ? doc.lower(i) : attr == Attr.NORM ? doc.norm(i) : doc.tokenText(i);
            key.append(token).append('\u0000');
        }
        return key.toString();
    }

    private void lintTokens(TokenPattern pattern) {
        if (pattern.canMatchEmpty()) {
            warn(pattern, "pattern", "token pattern can match zero tokens (every spec has OP \"?\", \"*\" or a"
                    + " minimum of 0), and a match of zero tokens is never reported");
        }
        for (int i = 0; i < pattern.tokens().size(); i++) {
            TokenSpec spec = pattern.tokens().get(i);
            if (spec.quantifier().negated() && spec.constraints().isEmpty()) {
                warn(pattern, "pattern[" + i + "]", "\"pattern[" + i + "]\" can never match: OP \"!\" on a spec"
                        + " without attributes excludes every token");
            }
        }
    }

    /** Where {@code other} is, as seen from {@code here}: {@code line 3}, or {@code file:3} in another file. */
    private static String where(Pattern other, Pattern here) {
        PatternSource source = other.source();
        return source.file().equals(here.source().file()) ? "line " + source.line() : source.toString();
    }

    private void warn(Pattern pattern, String field, String message) {
        problems.add(new Problem(Problem.Severity.WARNING, pattern.source().file(), pattern.source().line(), 0,
                field, message));
    }
}
