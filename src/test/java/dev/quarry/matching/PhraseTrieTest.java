package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTrieTest {

    /** Builds the phrases over term numbers 0..2, renumbered {@code termIds}, and walks the tokens 0 1 2 0 1. */
    private static List<String> walk(int[] termIds, int expectedWidth) {
        PhraseTrieBuilder builder = new PhraseTrieBuilder();
        builder.add(new int[] {0, 1}, 2, 0);
        builder.add(new int[] {0, 1, 2}, 3, 1);
        builder.add(new int[] {1, 2}, 2, 2);
        builder.add(new int[] {1, 2}, 2, 3);
        builder.add(new int[] {2}, 1, 4);
        PhraseTrie trie = builder.build(termIds);
        assertEquals(expectedWidth, trie.width);
        long[] rootsByTerm = builder.roots(termIds.length);
        int[] tokens = {0, 1, 2, 0, 1};
        int[] ids = new int[tokens.length + 1];
        long[] roots = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            ids[i] = termIds[tokens[i]];
            roots[i] = rootsByTerm[tokens[i]];
        }
        List<String> matches = new ArrayList<>();
        trie.forEachMatch(ids, roots, tokens.length, (p, s, e) -> matches.add(p + "@" + s + "-" + e),
                new PhraseTrie.Walks());
        matches.sort(null);
        return matches;
    }

    private static final List<String> EXPECTED = List.of("0@0-2", "0@3-5", "1@0-3", "2@1-3", "3@1-3", "4@2-3");

    @Test
    void smallTrieTakesEightByteSlots() {
        assertEquals(EXPECTED, walk(new int[] {5, 9, 7}, 1));
    }

    @Test
    void trieWhoseKeyAndValueExceedALongTakesSixteenByteSlotsAndMatchesTheSame() {
        assertEquals(EXPECTED, walk(new int[] {5, 1 << 30, 7}, 2));
    }
}
