package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {

    private static List<String> steps(Explanation explanation) {
        return explanation.steps().stream()
                .map(s -> s.token() + " " + s.tokenText() + " <- " + s.element() + " " + s.elementDescription())
                .toList();
    }

    @Test
    void phraseStepsPairEachTokenWithItsPhraseToken() {
        Matcher matcher = Matcher.compile(List.of(new PhrasePattern("D", "Breast cancer")),
                MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
        Doc doc = Tokenizer.standard().tokenize("Early BREAST CANCER.");
        Match match = matcher.match(doc).get(0);
        assertEquals(List.of("1 BREAST <- 0 phrase token 0 \"Breast\" on LOWER",
                "2 CANCER <- 1 phrase token 1 \"cancer\" on LOWER"), steps(matcher.explain(doc, match)));
    }

    @Test
    void tokenStepsNameTheSpecAndItsOperator() {
        TokenPattern pattern = new TokenPattern("ORG", List.of(
                TokenSpec.of(Constraint.equals(Attr.LOWER, "apple")),
                TokenSpec.of(Constraint.of(Attr.LENGTH, new Predicate.Compare(Predicate.Comparison.GE, 2)))
                        .with(Quantifier.ZERO_OR_MORE),
                TokenSpec.of(Constraint.of(Attr.LOWER, new Predicate.In(List.of("inc", "corp"))))
                        .with(Quantifier.OPTIONAL)));
        Matcher matcher = Matcher.compile(List.of(pattern), MatchOptions.defaults());
        Doc doc = Tokenizer.standard().tokenize("Apple Computer Inc");
        Match longest = matcher.match(doc).get(0);
        assertEquals(List.of("0 Apple <- 0 spec 0 {\"LOWER\": \"apple\"}",
                "1 Computer <- 1 spec 1 {\"LENGTH\": {\">=\": 2}, \"OP\": \"*\"}",
                "2 Inc <- 1 spec 1 {\"LENGTH\": {\">=\": 2}, \"OP\": \"*\"}"), steps(matcher.explain(doc, longest)));
    }

    @Test
    void explainingAMatchThePatternCannotMakeFails() {
        Matcher matcher = Matcher.compile(List.of(new TokenPattern("X", List.of(
                TokenSpec.of(Constraint.equals(Attr.ORTH, "a"))))), MatchOptions.defaults());
        Doc doc = Tokenizer.standard().tokenize("a b");
        Match wrong = matcher.toMatch(doc, 0, 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matcher.explain(doc, wrong));
        assertEquals("pattern 0 does not match tokens 1..2", e.getMessage());
    }

    @Test
    void explainingAPhraseOverOtherTokensFails() {
        Matcher matcher = Matcher.compile(List.of(new PhrasePattern("D", "breast cancer")), MatchOptions.defaults());
        Doc doc = Tokenizer.standard().tokenize("breast cancer and lung cancer");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> matcher.explain(doc, matcher.toMatch(doc, 0, 3, 5)));
        assertEquals("pattern 0 does not match tokens 3..5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> matcher.explain(doc, matcher.toMatch(doc, 0, 0, 1)));
    }
}
