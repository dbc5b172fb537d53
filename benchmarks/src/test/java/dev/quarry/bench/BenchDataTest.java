package dev.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchDataTest {

    @Test
    void wordsAreLowercaseLatinLettersOrDigits() {
        assertTrue(BenchData.isWord("café"));
        assertTrue(BenchData.isWord("mp3"));
        assertFalse(BenchData.isWord("don't"));
        assertFalse(BenchData.isWord("e-mail"));
        assertFalse(BenchData.isWord("Paris"));
        assertFalse(BenchData.isWord("東京"));
        assertFalse(BenchData.isWord(""));
    }

    @Test
    void sizeNamesUseKAndM() {
        assertEquals("1k", Report.sizeName(1_000));
        assertEquals("1M", Report.sizeName(1_000_000));
        assertEquals("250", Report.sizeName(250));
        assertEquals("-", Report.sizeName(0));
    }

    @Test
    void accentedTextIsTheSameTextWithSomeVowelsAccentedAndEmojiAfterSomeSentences() {
        String text = "The quick brown fox. It jumps over the lazy dog. Again and again. ".repeat(20);
        String accented = BenchData.accented(text);
        assertEquals(accented, BenchData.accented(text));
        assertTrue(accented.chars().anyMatch(c -> "áéíóúÁÉÍÓÚ".indexOf(c) >= 0), accented);
        assertTrue(accented.contains("\uD83D\uDE42"), accented);
        String plain = accented.replace(" \uD83D\uDE42", "").replace('á', 'a').replace('é', 'e').replace('í', 'i')
                .replace('ó', 'o').replace('ú', 'u').replace('É', 'E').replace('Í', 'I').replace('Á', 'A');
        assertEquals(text, plain);
    }
}
