package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real CoNLL-2003 files from ../shared/data, if present (reading one takes well under a second). */
class ConllDataIT {

    /** {@code ../shared/data/conll2003-en} beside the repository, or one level further up from a worktree. */
    private static final Path CONLL = Stream.of("../shared/data", "../../shared/data")
            .map(p -> Path.of(p, "conll2003-en")).filter(Files::isDirectory).findFirst().orElse(null);

    private static Path file(String name) {
        assumeTrue(CONLL != null, "CoNLL-2003 data not found under ../shared/data/conll2003-en; skipping");
        return CONLL.resolve(name);
    }

    @Test
    void testbHasThePublishedSentenceDocumentAndEntityCounts() throws IOException {
        List<NerExample> testb = ConllReader.read(file("eng.testb"), IobScheme.IOB1);
        assertEquals(3453, testb.size());
        assertEquals(231, NerExample.documents(testb).size());
        Map<String, Integer> entities = new TreeMap<>();
        testb.forEach(e -> e.spans().forEach(s -> entities.merge(s.label(), 1, Integer::sum)));
        assertEquals(Map.of("LOC", 1668, "MISC", 702, "ORG", 1661, "PER", 1617), entities);
    }

    @Test
    void iob1OriginalAndIob2CopyGiveTheSameExamples() throws IOException {
        List<NerExample> iob1 = ConllReader.read(file("eng.testb"), IobScheme.IOB1);
        List<NerExample> iob2 = ConllReader.read(file("iob2/test.txt"), IobScheme.IOB2);
        assertEquals(iob1.stream().map(NerExample::spans).toList(), iob2.stream().map(NerExample::spans).toList());
        assertEquals(iob1.stream().map(NerExample::tokens).toList(), iob2.stream().map(NerExample::tokens).toList());
    }
}
