package dev.quarry.text;

import static dev.quarry.text.TokenAttributes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenAttributesTest {

    @Test
    void shapeCutsRunsAfterFourAsSpacyDoes() {
        assertEquals("Xxxxx", shape("Wikipedia"));
        assertEquals("Xxxxx", shape("Apple"));
        assertEquals("dddd", shape("1234567"));
        assertEquals("XdXX", shape("C3PO"));
        assertEquals("xx.x", shape("ab.c"));
        assertEquals("Xxxxx", shape("Ärzte"));
    }

    @Test
    void normLowerCasesAndFoldsToAscii() {
        assertEquals("arzte", norm("Ärzte"));
        assertEquals("strasse", norm("Straße"));
        assertEquals("cafe", norm("CAFÉ"));
        assertEquals("café", lower("CAFÉ"));
    }

    @Test
    void lengthCountsCodePointsLikePython() {
        assertEquals(1, length("🍕"));
        assertEquals(5, length("Ärzte"));
    }

    @Test
    void caseTestsFollowPythonStrMethods() {
        assertTrue(isTitle("Hello"));
        assertTrue(isTitle("Hello-World"));
        assertFalse(isTitle("HeLLo"));
        assertFalse(isTitle("hello"));
        assertTrue(isUpper("NASA"));
        assertTrue(isUpper("B2B"));
        assertFalse(isUpper("123"));
        assertTrue(isLower("iphone"));
        assertFalse(isLower("iPhone"));
        assertFalse(isLower("..."));
    }

    @Test
    void characterClasses() {
        assertTrue(isAlpha("Düsseldorf"));
        assertFalse(isAlpha("R2D2"));
        assertTrue(isDigit("2024"));
        assertFalse(isDigit("3.5"));
        assertTrue(isAscii("plain"));
        assertFalse(isAscii("naïve"));
        assertTrue(isPunct("..."));
        assertTrue(isPunct("«"));
        assertFalse(isPunct("$"));
        assertFalse(isPunct(""));
        assertTrue(isSpace("\n\n"));
        assertFalse(isSpace("a"));
    }

    @Test
    void likeNumAcceptsNumeralsFractionsAndNumberWords() {
        assertTrue(likeNum("1,000.50", Language.ENGLISH));
        assertTrue(likeNum("-3", Language.ENGLISH));
        assertTrue(likeNum("3/4", Language.ENGLISH));
        assertTrue(likeNum("Ten", Language.ENGLISH));
        assertTrue(likeNum("zehn", Language.GERMAN));
        assertFalse(likeNum("zehn", Language.ENGLISH));
        assertFalse(likeNum("1.2.x", Language.ENGLISH));
    }

    @Test
    void likeUrlAndLikeEmail() {
        assertTrue(likeUrl("https://example.org/a?b=c"));
        assertTrue(likeUrl("www.example.org"));
        assertTrue(likeUrl("example.com"));
        assertTrue(likeUrl("example.com/path"));
        assertFalse(likeUrl("U.S"));
        assertFalse(likeUrl("e.g"));
        assertTrue(likeEmail("jane.doe+x@mail.example.org"));
        assertFalse(likeEmail("jane@"));
    }
}
