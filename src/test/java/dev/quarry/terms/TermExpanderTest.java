package dev.quarry.terms;

import static dev.quarry.terms.TinyTable.ROWS;
import static dev.quarry.terms.TinyTable.cos;
import static dev.quarry.terms.TinyTable.mean;
import static dev.quarry.terms.TinyTable.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermExpanderTest {

    private final TermExpander expander = TermExpander.create(TinyTable.vectors(), ExpansionSettings.defaults());
    private final List<TermEntry> fruitSeeds = List.of(TermEntry.of("apple"), TermEntry.of("pear"));

    @Test
    void ranksByCosineToTheMeanOfTheAcceptedTerms() {
        List<Candidate> ranked = expander.rank(fruitSeeds, List.of(), List.of(), 10, -1);
        assertEquals(List.of("plum", "cherry", "pie", "granny", "smith", "red", "crimson", "car"), terms(ranked));
        float[] q = mean("apple", "pear");
        for (Candidate c : ranked) {
            assertEquals(cos(ROWS.get(c.term()), q), c.score(), 1e-5, c.term());
            assertEquals(c.score(), c.similarity(), 1e-9);
            assertEquals(-1, c.frequency());
        }
    }

    @Test
    void pluralIsGroupedUnderItsBaseFormAsOneEntry() {
        Candidate plum = expander.rank(fruitSeeds, List.of(), List.of(), 1, -1).get(0);
        assertEquals(new TermEntry("plum", List.of("plums")), plum.entry());
    }

    @Test
    void stopWordsNumbersPunctuationSingleLettersAndSeedVariantsAreNeverSuggested() {
        List<String> all = terms(expander.rank(fruitSeeds, List.of(), List.of(), 100, -1));
        for (String excluded : List.of("the", ",", "42", "x", "apple", "apples", "pear")) {
            assertFalse(all.contains(excluded), excluded + " in " + all);
        }
    }

    @Test
    void aRejectedTermPushesDownWhatIsMoreLikeItThanLikeTheAccepted() {
        List<Candidate> ranked = expander.rank(fruitSeeds, List.of(TermEntry.of("red")), List.of(), 10, -1);
        float[] q = mean("apple", "pear");
        Candidate crimson = ranked.stream().filter(c -> c.term().equals("crimson")).findFirst().orElseThrow();
        double sim = cos(ROWS.get("crimson"), q);
        double expected = sim - (cos(ROWS.get("crimson"), ROWS.get("red")) - sim);
        assertEquals(expected, crimson.score(), 1e-5);
        assertEquals(sim, crimson.similarity(), 1e-5);
        Candidate plum = ranked.get(0);
        assertEquals(cos(ROWS.get("plum"), q), plum.score(), 1e-5, "plum is more like the fruits: no penalty");
        assertEquals("crimson", ranked.get(ranked.size() - 1).term(), "now below car: " + terms(ranked));
        assertFalse(terms(ranked).contains("red"));
    }

    @Test
    void topAndThresholdCutTheList() {
        List<Candidate> ranked = expander.rank(fruitSeeds, List.of(), List.of(), 10, 0.8);
        assertTrue(ranked.stream().allMatch(c -> c.score() >= 0.8));
        assertEquals(List.of("plum", "cherry", "pie", "granny"), terms(ranked));
        assertEquals(List.of("plum"), terms(expander.rank(fruitSeeds, List.of(), List.of(), 1, -1)));
    }

    @Test
    void excludedTermsAndTheirVariantsAreLeftOut() {
        List<String> all = terms(expander.rank(fruitSeeds, List.of(), List.of("Plums"), 10, -1));
        assertFalse(all.contains("plum"), all.toString());
        assertEquals("cherry", all.get(0));
    }

    @Test
    void seedsWithoutVectorsAreReportedAndTheRestKeepTheirVariants() {
        SeedCheck check = expander.checkSeeds(List.of("plum", "  durian ", "", "granny  smith"));
        assertEquals(List.of(new TermEntry("plum", List.of("plums")), TermEntry.of("granny smith")), check.found());
        assertEquals(List.of("durian"), check.missing());
    }

    @Test
    void rankingWithoutAnyAcceptedVectorIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> expander.rank(List.of(TermEntry.of("durian")), List.of(), List.of(), 5, 0));
        assertEquals("none of the 1 accepted terms has a vector", e.getMessage());
    }

    @Test
    void hnswAndExactSearchGiveTheSameRankingOnATinyTable() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("terms-hnsw");
        var vectors = TinyTable.vectors();
        try (var hnsw = dev.quarry.vectors.HnswIndex.build(vectors, dir.resolve("idx"),
                dev.quarry.vectors.HnswSettings.defaults())) {
            TermExpander approximate = TermExpander.create(vectors, hnsw, ExpansionSettings.defaults(),
                    dev.quarry.text.Tokenizer.standard(), null);
            assertEquals(terms(expander.rank(fruitSeeds, List.of(), List.of(), 5, -1)),
                    terms(approximate.rank(fruitSeeds, List.of(), List.of(), 5, -1)));
        }
    }
}
