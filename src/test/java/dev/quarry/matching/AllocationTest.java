package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static final String[] WORDS = {"Ärzte", "heart", "attack", "ΟΔΟΙ", "😀", "𐐀", "Straße", "the", "x1", "déjà", "vu"};

    @Test
    void phrasePathAllocatesNothingPerTokenOnceWarmFromADocOrFromText() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random random = new Random(9);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 7 == 0 ? ". " : " ");
        }
        Doc doc = Tokenizer.standard().tokenize(text.toString());
        List<PhrasePattern> patterns = new ArrayList<>();
        for (Attr attr : new Attr[] {Attr.ORTH, Attr.LOWER, Attr.NORM}) {
            patterns.add(new PhrasePattern("A", "heart attack", null, attr, PatternSource.inMemory(1)));
            patterns.add(new PhrasePattern("B", "arzte deja vu", null, attr, PatternSource.inMemory(2)));
        }
        Matcher matcher = Matcher.compile(patterns, MatchOptions.defaults());
        long[] count = new long[1];
        MatchSink sink = (p, s, e) -> count[0]++;
        matcher.forEachMatch(doc, sink);
        long before = threads.getCurrentThreadAllocatedBytes();
        matcher.forEachMatch(doc, sink);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated matching " + doc.size() + " tokens");
        assertTrue(count[0] > 300, count[0] + " matches");
        matcher.forEachMatch(doc.text(), sink);
        before = threads.getCurrentThreadAllocatedBytes();
        matcher.forEachMatch(doc.text(), sink);
        allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated tokenizing and matching " + doc.size() + " tokens");
    }
}
