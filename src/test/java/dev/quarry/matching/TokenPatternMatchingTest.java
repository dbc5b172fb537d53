package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.Predicate.Comparison;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPatternMatchingTest {

    private static TokenSpec spec(Attr attr, Object value) {
        return TokenSpec.of(Constraint.equals(attr, value));
    }

    private static TokenSpec specWith(Attr attr, Predicate... predicates) {
        return TokenSpec.of(Constraint.of(attr, predicates));
    }

    private static final TokenSpec ANY = new TokenSpec(List.of(), Quantifier.ONE);

    /** All matches of one pattern over the text, as "start-end:text" with token indices. */
    private static List<String> all(String text, TokenSpec... specs) {
        return all(Tokenizer.standard(), text, specs);
    }

    private static List<String> all(Tokenizer tokenizer, String text, TokenSpec... specs) {
        Matcher matcher = Matcher.compile(List.of(new TokenPattern("L", List.of(specs))),
                MatchOptions.defaults().withTokenizer(tokenizer));
        Doc doc = tokenizer.tokenize(text);
        return matcher.match(doc, Overlap.ALL).stream()
                .map(m -> m.tokenStart() + "-" + m.tokenEnd() + ":" + text.substring(m.start(), m.end())).toList();
    }

    @Test
    void stringAttributesCompareTheirOwnForms() {
        assertEquals(List.of("1-2:Apple"), all("apple Apple", spec(Attr.ORTH, "Apple")));
        assertEquals(List.of("0-1:apple", "1-2:Apple"), all("apple Apple", spec(Attr.LOWER, "apple")));
        assertEquals(List.of("0-1:Ärzte"), all("Ärzte", spec(Attr.NORM, "arzte")));
        assertEquals(List.of("0-1:Xx99"), all("Xx99 abc", spec(Attr.SHAPE, "Xxdd")));
    }

    @Test
    void lengthCountsCodePointsAndSupportsComparisons() {
        Matcher twoLong = Matcher.compile(List.of(new TokenPattern("L", List.of(spec(Attr.LENGTH, 2)))),
                MatchOptions.defaults());
        assertEquals(List.of(0, 2), twoLong.match(Doc.ofWords(List.of("😀😀", "abc", "éa")), Overlap.ALL).stream()
                .map(Match::tokenStart).toList());
        assertEquals(List.of("1-2:abc", "2-3:abcd"), all("ab abc abcd abcde",
                specWith(Attr.LENGTH, new Predicate.Compare(Comparison.GE, 3), new Predicate.Compare(Comparison.LE, 4))));
        assertEquals(List.of("0-1:ab", "2-3:abcd"), all("ab abc abcd",
                specWith(Attr.LENGTH, new Predicate.Compare(Comparison.NE, 3))));
        assertEquals(List.of("2-3:abcd"), all("ab abc abcd", specWith(Attr.LENGTH, new Predicate.Compare(Comparison.GT, 3))));
        assertEquals(List.of("0-1:ab"), all("ab abc abcd", specWith(Attr.LENGTH, new Predicate.Compare(Comparison.LT, 3))));
        assertEquals(List.of("1-2:abc"), all("ab abc abcd", specWith(Attr.LENGTH, new Predicate.Compare(Comparison.EQ, 3))));
    }

    @Test
    void booleanAttributesFollowTokenAttributes() {
        String text = "Hello WORLD 42 , café nine the http://x.io a@b.com";
        Tokenizer urls = Tokenizer.standard().keepingUrlsAndEmails();
        assertEquals(List.of("0-1:Hello", "1-2:WORLD", "4-5:café", "5-6:nine", "6-7:the"),
                all(urls, text, spec(Attr.IS_ALPHA, true)));
        assertEquals(List.of("2-3:42"), all(urls, text, spec(Attr.IS_DIGIT, true)));
        assertEquals(List.of("1-2:WORLD"), all(urls, text, spec(Attr.IS_UPPER, true)));
        assertEquals(List.of("0-1:Hello"), all(urls, text, spec(Attr.IS_TITLE, true)));
        assertEquals(List.of("3-4:,"), all(urls, text, spec(Attr.IS_PUNCT, true)));
        assertEquals(List.of("6-7:the"), all(urls, text, spec(Attr.IS_STOP, true)));
        assertEquals(List.of("2-3:42", "5-6:nine"), all(urls, text, spec(Attr.LIKE_NUM, true)));
        assertEquals(List.of("4-5:café"), all(urls, text, TokenSpec.of(Constraint.equals(Attr.IS_ASCII, false),
                Constraint.equals(Attr.IS_LOWER, true))));
        assertEquals(List.of("7-8:http://x.io"), all(urls, text, spec(Attr.LIKE_URL, true)));
        assertEquals(List.of("8-9:a@b.com"), all(urls, text, spec(Attr.LIKE_EMAIL, true)));
        assertEquals(List.of(), all(urls, text, spec(Attr.IS_SPACE, true)));
    }

    @Test
    void stopWordsAndNumberWordsFollowTheTokenizerLanguage() {
        Tokenizer german = Tokenizer.forLanguage(Language.GERMAN);
        assertEquals(List.of("0-1:der"), all(german, "der Hund zehn", spec(Attr.IS_STOP, true)));
        assertEquals(List.of("2-3:zehn"), all(german, "der Hund zehn", spec(Attr.LIKE_NUM, true)));
    }

    @Test
    void inNotInAndRegexValueForms() {
        String text = "red green blue Bluebird";
        assertEquals(List.of("0-1:red", "2-3:blue"),
                all(text, specWith(Attr.LOWER, new Predicate.In(List.of("red", "blue")))));
        assertEquals(List.of("1-2:green", "3-4:Bluebird"),
                all(text, specWith(Attr.LOWER, new Predicate.NotIn(List.of("red", "blue")))));
        assertEquals(List.of("2-3:blue", "3-4:Bluebird"), all(text, specWith(Attr.LOWER, Predicate.Regex.of("blu"))));
        assertEquals(List.of("2-3:blue"), all(text, specWith(Attr.ORTH, Predicate.Regex.of("^b"))));
    }

    @Test
    void optionalSpecMatchesWithAndWithoutTheToken() {
        assertEquals(List.of("0-2:Apple Inc", "0-1:Apple"),
                all("Apple Inc", spec(Attr.LOWER, "apple"), spec(Attr.LOWER, "inc").with(Quantifier.OPTIONAL)));
    }

    @Test
    void plusAndStarReportEveryDistinctSpanLikeSpacy() {
        assertEquals(List.of("0-3:a a a", "0-2:a a", "0-1:a", "1-3:a a", "1-2:a", "2-3:a"),
                all("a a a", spec(Attr.ORTH, "a").with(Quantifier.ONE_OR_MORE)));
        assertEquals(List.of("0-3:x a a", "0-2:x a", "0-1:x"),
                all("x a a", spec(Attr.ORTH, "x"), spec(Attr.ORTH, "a").with(Quantifier.ZERO_OR_MORE)));
    }

    @Test
    void rangeQuantifiersBoundTheRepeats() {
        TokenSpec a = spec(Attr.ORTH, "a");
        assertEquals(List.of("0-2:a a", "1-3:a a"), all("a a a", a.with(Quantifier.range(2, 2))));
        assertEquals(List.of("0-3:a a a", "0-2:a a", "1-3:a a"), all("a a a", a.with(Quantifier.range(2, 3))));
        assertEquals(List.of("0-4:a a a a", "0-3:a a a", "1-4:a a a"),
                all("a a a a", a.with(Quantifier.range(3, Quantifier.UNBOUNDED))));
        assertEquals(List.of("0-1:a", "1-2:a"), all("a a", a.with(Quantifier.range(0, 1))));
        assertEquals(List.of("0-2:b a", "0-1:b"), all("b a a", spec(Attr.ORTH, "b"), a.with(Quantifier.range(0, 1))));
    }

    @Test
    void negationConsumesExactlyOneTokenThatFailsTheSpec() {
        assertEquals(List.of("1-3:big apple"),
                all("the big apple the apple", spec(Attr.LOWER, "the").with(Quantifier.NOT), spec(Attr.LOWER, "apple")));
    }

    @Test
    void emptySpecMatchesAnyToken() {
        assertEquals(List.of("0-3:buy a car", "2-5:car , buy"),
                all("buy a car , buy", specWith(Attr.LOWER, new Predicate.In(List.of("buy", "car"))), ANY,
                        specWith(Attr.LOWER, new Predicate.In(List.of("car", "buy")))));
    }

    @Test
    void severalConstraintsMustAllHold() {
        assertEquals(List.of("2-3:Paris"), all("paris PARIS Paris",
                TokenSpec.of(Constraint.equals(Attr.LOWER, "paris"), Constraint.equals(Attr.IS_TITLE, true))));
    }

    @Test
    void allOptionalPatternNeverReportsAnEmptyMatch() {
        assertEquals(List.of("1-2:a"), all("b a", spec(Attr.ORTH, "a").with(Quantifier.OPTIONAL),
                spec(Attr.ORTH, "c").with(Quantifier.ZERO_OR_MORE)));
    }

    @Test
    void patternsWithUnindexedFirstSpecAreTriedEverywhere() {
        assertEquals(List.of("0-2:5 apples", "2-4:twenty pears"),
                all("5 apples twenty pears", spec(Attr.LIKE_NUM, true), specWith(Attr.LENGTH, new Predicate.Compare(Comparison.GE, 5))));
    }
}
