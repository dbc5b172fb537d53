package dev.quarry.terms;

import static dev.quarry.terms.TinyTable.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.text.Tokenizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorpusExpansionTest {

    private final List<TermEntry> seeds = List.of(TermEntry.of("apple"), TermEntry.of("pear"));

    private TermExpander expander(Map<String, Long> words, Map<String, Long> ngrams) {
        MapCorpus corpus = new MapCorpus(words, ngrams, List.of("We picked Granny Smith apples.", "A red car."));
        return TermExpander.create(TinyTable.vectors(), TinyTable.vectors().exactSearch(),
                ExpansionSettings.defaults(), Tokenizer.standard(), corpus);
    }

    private static Map<String, Long> counts(Object... wordCount) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < wordCount.length; i += 2) {
            map.put((String) wordCount[i], ((Integer) wordCount[i + 1]).longValue());
        }
        return map;
    }

    @Test
    void onlyWordsThatOccurInTheCorpusAreSuggestedWithTheirFrequencySummedOverVariants() {
        TermExpander e = expander(counts("plum", 3, "plums", 4, "car", 2, "apple", 9), Map.of());
        List<Candidate> ranked = e.rank(seeds, List.of(), List.of(), 10, -1);
        assertEquals(List.of("plum", "car"), terms(ranked));
        assertEquals(7, ranked.get(0).frequency());
        assertEquals(List.of("plums"), ranked.get(0).variants());
        assertEquals(2, ranked.get(1).frequency());
    }

    @Test
    void frequentNgramsNearTheSeedsAreMultiWordCandidates() {
        TermExpander e = expander(counts("granny", 5, "smith", 6, "red", 1),
                counts("granny smith", 5, "red car", 4, "granny smiths", 3, "the granny", 9, "pie", 7));
        List<Candidate> ranked = e.rank(seeds, List.of(), List.of(), 10, -1);
        Candidate granny = ranked.stream().filter(Candidate::isMultiWord).findFirst().orElseThrow();
        assertEquals(new TermEntry("granny smith", List.of("granny smiths")), granny.entry());
        assertEquals(8, granny.frequency());
        assertTrue(terms(ranked).contains("red car"), terms(ranked).toString());
        assertFalse(terms(ranked).contains("the granny"), "starts with a stop word");
        assertEquals(Optional.of("We picked Granny Smith apples."), e.example(granny.entry()));
    }

    @Test
    void ngramScoreIsTheMeanOfThePhraseCosineAndItsWeakestWordsCosine() {
        TermExpander e = expander(counts("granny", 5, "smith", 6), counts("granny smith", 5));
        Candidate phrase = e.rank(seeds, List.of(), List.of(), 10, -1).stream()
                .filter(Candidate::isMultiWord).findFirst().orElseThrow();
        float[] q = TinyTable.mean("apple", "pear");
        float[] granny = TinyTable.ROWS.get("granny");
        float[] smith = TinyTable.ROWS.get("smith");
        float[] sum = new float[4];
        for (int i = 0; i < 4; i++) {
            sum[i] = (float) (granny[i] / Math.sqrt(dot(granny, granny)) + smith[i] / Math.sqrt(dot(smith, smith)));
        }
        double expected = (TinyTable.cos(sum, q) + Math.min(TinyTable.cos(granny, q), TinyTable.cos(smith, q))) / 2;
        assertEquals(expected, phrase.score(), 1e-5);
    }

    @Test
    void ngramsTooRareOrContainingAnAcceptedWordAreNotCandidates() {
        TermExpander e = expander(counts("pie", 5), counts("apple pie", 50, "granny smith", 2));
        List<String> ranked = terms(e.rank(seeds, List.of(), List.of(), 10, -1));
        assertFalse(ranked.contains("apple pie"), "contains the seed apple: " + ranked);
        assertFalse(ranked.contains("granny smith"), "seen twice, fewer than the default 3: " + ranked);
        assertEquals(List.of("pie"), ranked);
    }

    @Test
    void anAcceptedPhraseDoesNotExcludeOtherPhrasesWithItsWords() {
        TermExpander e = expander(counts("granny", 5, "smith", 6), counts("granny smith", 5, "smith granny", 4));
        List<TermEntry> accepted = List.of(TermEntry.of("apple"), TermEntry.of("granny smith"));
        assertEquals(List.of("smith granny"), terms(e.rank(accepted, List.of(), List.of(), 10, -1)).stream()
                .filter(t -> t.contains(" ")).toList());
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
