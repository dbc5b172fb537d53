package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OffsetsTest {

    @Test
    void emojiCountsAsOneCodePointButTwoChars() {
        String text = "I 🍕 pizza";
        Offsets offsets = Offsets.of(text);
        int pizzaChar = text.indexOf("pizza");
        assertEquals(5, pizzaChar);
        assertEquals(4, offsets.toCodePoint(pizzaChar));
        assertEquals(pizzaChar, offsets.toChar(4));
        assertEquals(9, offsets.codePointLength());
        assertEquals(text.length(), offsets.toChar(offsets.codePointLength()));
    }

    @Test
    void accentsAreOneCharAndOneCodePoint() {
        Offsets offsets = Offsets.of("Ärzte und Café");
        assertEquals(10, offsets.toCodePoint(10));
        assertEquals(14, offsets.toChar(14));
    }

    @Test
    void roundTripsEveryCodePointBoundary() {
        String text = "a😀b👍🏽c";
        Offsets offsets = Offsets.of(text);
        for (int cp = 0; cp <= offsets.codePointLength(); cp++) {
            assertEquals(cp, offsets.toCodePoint(offsets.toChar(cp)));
        }
    }

    @Test
    void rejectsAnOffsetInsideASurrogatePair() {
        Offsets offsets = Offsets.of("a😀b");
        var e = assertThrows(IllegalArgumentException.class, () -> offsets.toCodePoint(2));
        assertEquals("char offset 2 is inside a surrogate pair (an emoji or other supplementary character)",
                e.getMessage());
        var outside = assertThrows(IllegalArgumentException.class, () -> offsets.toChar(4));
        assertEquals("offset must be within 0..3 code points, got 4", outside.getMessage());
    }
}
