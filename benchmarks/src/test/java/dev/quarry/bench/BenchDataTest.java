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
}
