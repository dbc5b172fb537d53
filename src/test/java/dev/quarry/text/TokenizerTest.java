package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(Doc doc) {
        return doc.tokens().stream().map(Token::text).toList();
    }

    @Test
    void keepsPunctuationThatTheStandardTokenizerDrops() {
        Doc doc = Tokenizer.standard().tokenize("Hello, world! (Really?)");
        assertEquals(List.of("Hello", ",", "world", "!", "(", "Really", "?", ")"), words(doc));
    }

    @Test
    void offsetsCoverTheTokenText() {
        String text = "  Breast cancer -- a review...\n";
        Doc doc = Tokenizer.standard().tokenize(text);
        assertEquals(List.of("Breast", "cancer", "--", "a", "review", "..."), words(doc));
        for (int i = 0; i < doc.size(); i++) {
            assertEquals(doc.tokenText(i), text.substring(doc.start(i), doc.end(i)));
        }
        assertEquals(2, doc.start(0));
        assertEquals(30, doc.end(5));
    }

    @Test
    void emojiIsOneTokenOfTwoChars() {
        Doc doc = Tokenizer.standard().tokenize("I ❤️ 🍕 pizza");
        assertEquals("🍕", doc.tokenText(2));
        assertEquals(2, doc.end(2) - doc.start(2));
        assertEquals("pizza", doc.tokenText(3));
    }

    @Test
    void englishSplitsCliticsAsSpacyDoes() {
        Doc doc = Tokenizer.standard().tokenize("Apple's CEO doesn't say we're done");
        assertEquals(List.of("Apple", "'s", "CEO", "does", "n't", "say", "we", "'re", "done"), words(doc));
    }

    @Test
    void otherLanguagesKeepApostrophesInWords() {
        Doc doc = Tokenizer.forLanguage(Language.GERMAN).tokenize("Peter's Haus");
        assertEquals(List.of("Peter's", "Haus"), words(doc));
    }

    @Test
    void urlsAndEmailsStayWholeOnlyWhenAsked() {
        String text = "mail jane@example.com or see https://example.com/a";
        assertEquals(List.of("mail", "jane", "@", "example.com", "or", "see", "https", ":", "/", "/",
                "example.com", "/", "a"), words(Tokenizer.standard().tokenize(text)));
        Doc whole = Tokenizer.standard().keepingUrlsAndEmails().tokenize(text);
        assertEquals(List.of("mail", "jane@example.com", "or", "see", "https://example.com/a"), words(whole));
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertEquals(0, Tokenizer.standard().tokenize("").size());
        assertEquals(0, Tokenizer.standard().tokenize(" \n\t ").size());
    }

    @Test
    void accentedWordsStayWhole() {
        Doc doc = Tokenizer.forLanguage(Language.SPANISH).tokenize("¿Qué pasó en Düsseldorf?");
        assertEquals(List.of("¿", "Qué", "pasó", "en", "Düsseldorf", "?"), words(doc));
    }

    @Test
    void docFromWordsJoinsWithSpaces() {
        Doc doc = Doc.ofWords(List.of("EU", "rejects", "German", "call"));
        assertEquals("EU rejects German call", doc.text());
        assertEquals(3, doc.start(1));
        assertEquals(2, doc.tokenAtOrAfter(11));
        assertEquals(2, doc.tokenStartingAt(11));
        assertEquals(-1, doc.tokenStartingAt(12));
        assertEquals(1, doc.tokenEndingAt(10));
    }
}
