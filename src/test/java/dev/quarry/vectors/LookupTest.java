package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LookupTest {

    static final WordVectors VECTORS = WordVectors.of(
            List.of("café", "cafe", "Paris", "berlin", "new", "york"),
            List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 2},
                    new float[] {1, 1, 0}, new float[] {2, 0, 0}, new float[] {0, 3, 0}));

    @Test
    void exactLookupIsCaseAndAccentSensitive() {
        assertEquals(OptionalInt.of(0), VECTORS.indexOf("café"));
        assertEquals(OptionalInt.of(2), VECTORS.indexOf("Paris"));
        assertEquals(OptionalInt.empty(), VECTORS.indexOf("paris"));
        assertEquals(OptionalInt.empty(), VECTORS.indexOf("Café"));
    }

    @Test
    void normalisedLookupFoldsCaseAndAccentsAndPrefersTheEarlierRow() {
        assertEquals(OptionalInt.of(0), VECTORS.indexOfNormalised("CAFÉ"));
        assertEquals(OptionalInt.of(0), VECTORS.indexOfNormalised("Cafe"));
        assertEquals(OptionalInt.of(2), VECTORS.indexOfNormalised("PARIS"));
        assertEquals(OptionalInt.of(3), VECTORS.lookup("Berlin"));
        assertEquals(OptionalInt.of(1), VECTORS.lookup("cafe"));
        assertEquals(OptionalInt.empty(), VECTORS.lookup("london"));
    }

    @Test
    void phraseVectorIsTheNormalisedMeanAndNamesMissingTokens() {
        PhraseVector phrase = VECTORS.phraseVector(List.of("New", "zork", "York", "zork"));
        float s = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {s, s, 0}, phrase.vector(), 1e-6f);
        assertEquals(2, phrase.found());
        assertEquals(List.of("zork", "zork"), phrase.missing());
    }

    @Test
    void phraseWithNoKnownTokenIsEmpty() {
        PhraseVector phrase = VECTORS.phraseVector(List.of("zork"));
        assertTrue(phrase.isEmpty());
        assertArrayEquals(new float[3], phrase.vector());
    }

    @Test
    void tablesFromListsRejectDuplicatesAndMixedDimensions() {
        assertEquals("duplicate word \"a\"", assertThrows(IllegalArgumentException.class,
                () -> WordVectors.of(List.of("a", "a"), List.of(new float[] {1}, new float[] {2}))).getMessage());
        assertEquals("vector 1 (\"b\") has dimension 2, expected 1", assertThrows(IllegalArgumentException.class,
                () -> WordVectors.of(List.of("a", "b"), List.of(new float[] {1}, new float[] {2, 3}))).getMessage());
    }
}
