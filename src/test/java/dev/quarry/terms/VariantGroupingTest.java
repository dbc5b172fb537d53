package dev.quarry.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.vectors.WordVectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plurals are grouped with their base form only where the vectors agree, for the query at hand. */
class VariantGroupingTest {

    /** Axis 0 "disease", 1 "help", 2 "other". {@code aids} is a disease, {@code aid} is help; no {@code measle}. */
    private static final Map<String, float[]> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("help", new float[] {0, 1, 0.1f});
        ROWS.put("aid", new float[] {0.1f, 1, 0});
        ROWS.put("disease", new float[] {0.9f, 0, 0.3f});
        ROWS.put("assistance", new float[] {0, 1, -0.1f});
        ROWS.put("influenza", new float[] {1, 0, 0.1f});
        ROWS.put("aids", new float[] {0.9f, 0.1f, 0});
        ROWS.put("diseases", new float[] {0.85f, 0, 0.35f});
        ROWS.put("malaria", new float[] {1, 0, -0.1f});
        ROWS.put("measles", new float[] {0.95f, 0, 0.2f});
    }

    private static final WordVectors TABLE =
            WordVectors.of(new ArrayList<>(ROWS.keySet()), new ArrayList<>(ROWS.values()));

    private static List<TermEntry> expand(ExpansionSettings settings, String... seeds) {
        TermExpander expander = TermExpander.create(TABLE, settings);
        return expander.rank(expander.checkSeeds(List.of(seeds)).found(), List.of(), List.of(), 20, -1).stream()
                .map(Candidate::entry).toList();
    }

    private static TermEntry entry(List<TermEntry> entries, String term) {
        return entries.stream().filter(e -> e.term().equals(term)).findFirst()
                .orElseThrow(() -> new AssertionError(term + " not in " + entries));
    }

    @Test
    void aidsIsItsOwnEntryWhenSeedsAreDiseases() {
        List<TermEntry> entries = expand(ExpansionSettings.defaults(), "influenza", "malaria");
        assertEquals(new TermEntry("aids", List.of()), entry(entries, "aids"));
        assertEquals(new TermEntry("aid", List.of()), entry(entries, "aid"));
    }

    @Test
    void aidDoesNotListAidsWhenSeedsAreAboutHelp() {
        List<TermEntry> entries = expand(ExpansionSettings.defaults(), "help", "assistance");
        assertEquals(new TermEntry("aid", List.of()), entry(entries, "aid"));
    }

    @Test
    void diseasesStaysGroupedUnderDisease() {
        List<TermEntry> entries = expand(ExpansionSettings.defaults(), "influenza", "malaria");
        assertEquals(new TermEntry("disease", List.of("diseases")), entry(entries, "disease"));
    }

    @Test
    void measlesIsNotThePluralOfAWordTheTableDoesNotHave() {
        List<TermEntry> entries = expand(ExpansionSettings.defaults(), "influenza", "malaria");
        assertEquals(new TermEntry("measles", List.of()), entry(entries, "measles"));
        TermExpander expander = TermExpander.create(TABLE, ExpansionSettings.defaults());
        assertEquals(List.of(), expander.checkSeeds(List.of("measles", "malaria")).found().get(0).variants());
    }

    @Test
    void aSeedKeepsOnlyTheVariantsTheOtherSeedsCannotTellApart() {
        TermExpander expander = TermExpander.create(TABLE, ExpansionSettings.defaults());
        List<TermEntry> seeds = expander.checkSeeds(List.of("aids", "disease", "influenza")).found();
        assertEquals(new TermEntry("aids", List.of()), seeds.get(0));
        assertEquals(new TermEntry("disease", List.of("diseases")), seeds.get(1));
    }

    @Test
    void theLargestGapGroupsBySpellingAlone() {
        List<TermEntry> entries = expand(ExpansionSettings.defaults().withMaxVariantGap(2), "influenza", "malaria");
        assertEquals(new TermEntry("aid", List.of("aids")), entry(entries, "aid"));
        assertTrue(entries.stream().noneMatch(e -> e.term().equals("aids")), entries.toString());
    }

    @Test
    void gapOutsideItsRangeIsRejected() {
        assertEquals("maxVariantGap must be in [0, 2], got 2.5", assertThrows(IllegalArgumentException.class,
                () -> ExpansionSettings.defaults().withMaxVariantGap(2.5)).getMessage());
        assertEquals("maxVariantGap must be in [0, 2], got NaN", assertThrows(IllegalArgumentException.class,
                () -> ExpansionSettings.defaults().withMaxVariantGap(Double.NaN)).getMessage());
    }
}
