package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "Alpha", "BETA", "épsilon", "zeta"};

    private static String randomText(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10) == 0 ? ", " : " ");
        }
        return text.toString();
    }

    @Test
    void threadsSharingOneMatcherGetTheSameResultsAsOneThread() throws Exception {
        Random random = new Random(42);
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            patterns.add(new PhrasePattern("P" + i % 7, randomText(random, 1 + random.nextInt(3)).trim()));
        }
        patterns.add(new TokenPattern("T", List.of(TokenSpec.of(Constraint.equals(Attr.LOWER, "alpha")),
                TokenSpec.of(Constraint.equals(Attr.IS_PUNCT, false)).with(Quantifier.ONE_OR_MORE))));
        Matcher matcher = Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(Tokenizer.standard().tokenize(randomText(random, 50)));
        }
        List<List<Match>> expected = docs.stream().map(d -> matcher.match(d, Overlap.ALL)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Match>>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> docs.stream().map(d -> matcher.match(d, Overlap.ALL)).toList()));
            }
            for (Future<List<List<Match>>> future : futures) {
                assertEquals(expected, future.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(true, expected.stream().mapToInt(List::size).sum() > 100);
    }
}
