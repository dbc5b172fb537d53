package dev.quarry.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VariantsTest {

    private static final Set<String> KNOWN = Set.of("virus", "berry", "dog", "box", "house", "flu", "hive", "new",
            "glas", "aide", "church");

    private static String key(String term) {
        return Variants.key(term, (base, word) -> KNOWN.contains(base));
    }

    @Test
    void caseAccentsPluralsAndPossessivesShareAKey() {
        assertEquals("virus", key("Viruses"));
        assertEquals("virus", key("virus"));
        assertEquals("berry", key("berries"));
        assertEquals("dog", key("Dog's"));
        assertEquals("dog", key("dogs'"));
        assertEquals("dog", key("dogs"));
        assertEquals("box", key("boxes"));
        assertEquals("church", key("churches"));
        assertEquals("house", key("houses"));
        assertEquals("cafe", key("Café"));
    }

    @Test
    void esIsOnlyAPluralEndingAfterSibilants() {
        assertEquals("hive", key("hives"));
        assertEquals("aide", key("aides"));
    }

    @Test
    void wordsThatOnlyLookPluralKeepTheirForm() {
        assertEquals("news", key("news"));
        assertEquals("glass", key("glass"));
        assertEquals("analysis", key("analysis"));
        assertEquals("physics", key("physics"));
        assertEquals("cats", key("cats"), "cat is not a known word");
        assertEquals("measles", key("measles"), "measle is not a known word");
    }

    @Test
    void onlyTheLastWordOfAPhraseIsInflected() {
        assertEquals("avian virus", key("Avian Viruses"));
        assertEquals("dogs house", key("dogs houses"));
    }
}
