package dev.quarry.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expansion on the real GloVe 100k x 100 table from ../shared/data, if present (one load, about a second). */
class TermsGloveIT {

    /** {@code ../shared/data} beside the repository; a worktree under {@code wt/} has it one level further up. */
    static final Path GLOVE = java.util.stream.Stream.of("../shared/data", "../../shared/data")
            .map(d -> Path.of(d, "glove-6b-100d-top100k/glove.6B.100d.top100k.txt"))
            .filter(Files::isRegularFile).findFirst()
            .orElse(Path.of("../shared/data/glove-6b-100d-top100k/glove.6B.100d.top100k.txt"));

    @Test
    void diseaseSeedsExpandToOtherDiseases() throws IOException {
        assumeTrue(Files.isRegularFile(GLOVE), "skipped: " + GLOVE.toAbsolutePath() + " is absent");
        TermExpander expander = TermExpander.create(WordVectors.load(GLOVE), ExpansionSettings.defaults());
        SeedCheck seeds = expander.checkSeeds(List.of("influenza", "measles", "tuberculosis", "malaria", "cholera"));
        List<String> top = expander.rank(seeds.found(), List.of(), List.of(), 20, 0).stream()
                .map(Candidate::term).toList();
        long diseases = top.stream().filter(Set.of("smallpox", "polio", "hepatitis", "typhoid", "dengue", "leprosy",
                "meningitis", "pneumonia", "dysentery", "rabies", "ebola", "hiv", "sars", "flu")::contains).count();
        assertTrue(diseases >= 8, "only " + diseases + " known diseases in " + top);
        assertFalse(top.contains("measles"));
        assertEquals(List.of(), seeds.found().get(1).variants(), "measles has no singular");
        List<TermEntry> entries = expander.rank(seeds.found(), List.of(), List.of(), 40, 0).stream()
                .map(Candidate::entry).toList();
        assertTrue(entries.contains(new TermEntry("aids", List.of())), "aids is not aid: " + entries);
        assertTrue(entries.contains(new TermEntry("disease", List.of("diseases"))), entries.toString());
    }
}
