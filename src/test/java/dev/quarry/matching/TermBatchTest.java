package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.patterns.Attr;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermBatchTest {

    private static TermDictionary dictionary(long rootBase, String... keys) {
        TermDictionary.Builder builder = new TermDictionary.Builder();
        for (String key : keys) {
            builder.add(key.toCharArray(), 0, key.length());
        }
        long[] roots = new long[keys.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = rootBase + i;
        }
        return builder.build(roots);
    }

    /** Looks up the tokens as one doc; returns each token's id and root transition. */
    private static long[][] lookUp(TermBatch batch, TermDictionary dictionary, boolean batched, String[] tokens) {
        batch.start(dictionary, batched, Attr.ORTH);
        for (int t = 0; t < tokens.length; t++) {
            char[] chars = tokens[t].toCharArray();
            batch.lookUpPacked(TermDictionary.packFirst(chars, 0, chars.length),
                    TermDictionary.packSecond(chars, 0, chars.length), chars.length, t);
        }
        batch.resolve();
        long[] ids = Arrays.stream(batch.ids, 0, tokens.length).asLongStream().toArray();
        return new long[][] {ids, Arrays.copyOf(batch.roots, tokens.length)};
    }

    private static String word(Random random) {
        char[] chars = new char[1 + random.nextInt(16)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    @Test
    void batchedLookupsFromDocToDocAnswerAsTheDictionaryDoes() {
        Random random = new Random(11);
        String[] vocabulary = new String[30_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(random);
        }
        TermDictionary dictionary = dictionary(100, Arrays.copyOf(vocabulary, vocabulary.length / 2));
        TermBatch batched = new TermBatch();
        TermBatch direct = new TermBatch();
        for (int doc = 0; doc < 20; doc++) {
            String[] tokens = new String[2000];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = vocabulary[random.nextInt(1 + random.nextInt(vocabulary.length))];
            }
            long[][] expected = lookUp(direct, dictionary, false, tokens);
            long[][] actual = lookUp(batched, dictionary, true, tokens);
            assertArrayEquals(expected[0], actual[0], "ids in doc " + doc);
            assertArrayEquals(expected[1], actual[1], "roots in doc " + doc);
        }
    }

    @Test
    void aBatchGivenAnotherDictionaryForgetsTheAnswersOfTheLastOne() {
        TermBatch batch = new TermBatch();
        String[] tokens = {"heart", "attack", "heart"};
        long[][] first = lookUp(batch, dictionary(100, "heart", "attack"), true, tokens);
        assertArrayEquals(new long[] {100, 101, 100}, first[1]);
        long[][] second = lookUp(batch, dictionary(200, "attack"), true, tokens);
        assertArrayEquals(new long[] {0, 200, 0}, second[1]);
        assertEquals(-1, second[0][0]);
    }
}
