package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapTest {

    private static List<String> labels(List<? extends Pattern> patterns, MatchOptions options, String text) {
        Doc doc = Tokenizer.standard().tokenize(text);
        return Matcher.compile(patterns, options).match(doc).stream()
                .map(m -> m.label() + ":" + text.substring(m.start(), m.end())).toList();
    }

    private static final List<PhrasePattern> NESTED = List.of(new PhrasePattern("CITY", "New York"),
            new PhrasePattern("GPE", "York City Council"), new PhrasePattern("ORG", "City Council"));

    @Test
    void longestMatchWinsOverEarlierShorterMatch() {
        assertEquals(List.of("GPE:York City Council"),
                labels(NESTED, MatchOptions.defaults(), "the New York City Council"));
    }

    @Test
    void allKeepsOverlappingMatchesSortedByStartThenLongerFirst() {
        assertEquals(List.of("CITY:New York", "GPE:York City Council", "ORG:City Council"),
                labels(NESTED, MatchOptions.defaults().withOverlap(Overlap.ALL), "the New York City Council"));
    }

    @Test
    void longestPrefersTheEarlierOfTwoEquallyLongMatches() {
        List<PhrasePattern> patterns = List.of(new PhrasePattern("B", "b c"), new PhrasePattern("A", "a b"));
        assertEquals(List.of("A:a b"), labels(patterns, MatchOptions.defaults(), "a b c"));
    }

    @Test
    void longestPrefersTheFirstPatternForTheSameSpan() {
        List<PhrasePattern> patterns = List.of(new PhrasePattern("FIRST", "a b"), new PhrasePattern("SECOND", "a b"));
        assertEquals(List.of("FIRST:a b"), labels(patterns, MatchOptions.defaults(), "a b"));
    }

    @Test
    void priorityLabelBeatsALongerMatch() {
        MatchOptions options = MatchOptions.defaults().withOverlap(Overlap.PRIORITY).withLabelPriority(List.of("ORG"));
        assertEquals(List.of("CITY:New York", "ORG:City Council"),
                labels(NESTED, options, "the New York City Council"));
    }

    @Test
    void labelsOutsideThePriorityListRankAfterItThenLongestWins() {
        MatchOptions options = MatchOptions.defaults().withOverlap(Overlap.PRIORITY)
                .withLabelPriority(List.of("CITY", "NOT_USED"));
        assertEquals(List.of("CITY:New York", "ORG:City Council"),
                labels(NESTED, options, "the New York City Council"));
        assertEquals(List.of("GPE:York City Council"), labels(NESTED,
                MatchOptions.defaults().withOverlap(Overlap.PRIORITY), "the New York City Council"));
    }

    @Test
    void tokenAndPhrasePatternsCompeteUnderOnePolicy() {
        List<Pattern> patterns = List.of(new PhrasePattern("PHRASE", "big apple"),
                new TokenPattern("TOKENS", List.of(TokenSpec.of(Constraint.equals(Attr.LOWER, "the")),
                        TokenSpec.of(Constraint.equals(Attr.LOWER, "big")), TokenSpec.of())));
        assertEquals(List.of("TOKENS:the big apple"), labels(patterns, MatchOptions.defaults(), "the big apple"));
        assertEquals(List.of("PHRASE:big apple"), labels(patterns, MatchOptions.defaults()
                .withOverlap(Overlap.PRIORITY).withLabelPriority(List.of("PHRASE")), "the big apple"));
    }

    @Test
    void matchWithoutPolicyArgumentUsesTheOptionsPolicy() {
        Doc doc = Tokenizer.standard().tokenize("the New York City Council");
        Matcher matcher = Matcher.compile(NESTED, MatchOptions.defaults().withOverlap(Overlap.ALL));
        assertEquals(matcher.match(doc, Overlap.ALL), matcher.match(doc));
        assertEquals(1, matcher.match(doc, Overlap.LONGEST).size());
    }
}
