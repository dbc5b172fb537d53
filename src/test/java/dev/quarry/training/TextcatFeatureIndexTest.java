package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextcatFeatureIndexTest {

    private static final List<String> WORDS = List.of("goal", "match", "keeper", "striker", "dose", "vaccine", "nurse",
            "ward", "the", "a", "of", "and", "is", "Über", "naïve", "a\uD83D\uDE00b", "2024", "x-ray", "goalkeeper");
    private static final List<String> LABELS = List.of("SPORT", "MEDICINE", "OTHER");

    /** Seeded texts of 3-30 words; the label leans on the text's first word. */
    private static List<TextcatExample> texts(int count, long seed) {
        Random random = new Random(seed);
        List<TextcatExample> texts = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            int first = random.nextInt(WORDS.size());
            for (int i = 3 + random.nextInt(28); i > 0; i--) {
                text.append(WORDS.get(i == 1 ? first : random.nextInt(WORDS.size()))).append(random.nextBoolean()
                        ? " " : ", ");
            }
            texts.add(new TextcatExample(text.toString(), LABELS.get(first % LABELS.size())));
        }
        texts.add(new TextcatExample("?! ...", "OTHER"));
        texts.add(new TextcatExample("zebra quokka", "OTHER"));
        return texts;
    }

    @Test
    void indexedVectorsHaveTheNamesValuesAndOrderOfTheNamedOnes() {
        TextcatFeatures features = new TextcatFeatures(TextcatSettings.svmWithComplementNb(), Map.of())
                .fitIdf(texts(60, 1));
        for (TextcatExample text : texts(40, 2)) {
            FeatureVector indexed = features.vector(text);
            FeatureVector named = features.namedVector(text);
            assertArrayEquals(named.names(), indexed.names(), text.text());
            assertArrayEquals(named.values(), indexed.values(), text.text());
            if (indexed.ids() != null) {
                for (int i = 0; i < indexed.size(); i++) {
                    assertEquals(indexed.names()[i], features.index().name(indexed.ids()[i]));
                }
            }
        }
    }

    @Test
    void aTextWithoutKnownFeaturesIsTheEmptyFeatureByName() {
        TextcatFeatures features = new TextcatFeatures(TextcatSettings.svmWithComplementNb(), Map.of())
                .fitIdf(texts(20, 1));
        FeatureVector v = features.vector(new TextcatExample("zzzz", "A"));
        assertArrayEquals(new String[] {TextcatFeatures.EMPTY}, v.names());
        assertNull(v.ids());
    }

    @Test
    void boundClassifiersScoreExactlyAsTheyDoByName() throws IOException {
        for (TextcatSettings settings : List.of(TextcatSettings.svmWithComplementNb(),
                TextcatSettings.svmWithComplementNb().withCharNgrams(0),
                TextcatSettings.svmWithComplementNb().withLearner("LINEAR_SVM", 50, 0),
                TextcatSettings.svmWithComplementNb().withLearner("COMPLEMENT_NB", 50, 0))) {
            TextcatModel model = new TextcatTrainer(settings, Map.of()).train(texts(80, 3));
            TextcatModel loaded = TextcatModel.load(new ByteArrayInputStream(TextcatModelIo.bytes(model)), settings,
                    Map.of());
            for (TextcatModel m : List.of(model, loaded)) {
                TextcatScorer bound = m.scorers().values().iterator().next();
                TextcatScorer unbound = TextcatScorer.read(new java.io.DataInputStream(new ByteArrayInputStream(
                        scorerBytes(bound))));
                for (TextcatExample text : texts(40, 4)) {
                    FeatureVector indexed = m.features().vector(text);
                    FeatureVector named = new FeatureVector(indexed.names(), indexed.values());
                    assertArrayEquals(unbound.probabilities(named), bound.probabilities(indexed), 0,
                            settings.algorithm() + ": " + text.text());
                }
            }
        }
    }

    private static byte[] scorerBytes(TextcatScorer scorer) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        scorer.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void featureIndexNumbersNamesInOrderAndMapsAClassifiersIds() {
        FeatureIndex index = new FeatureIndex(List.of("b", "a", "ch <ab"));
        assertEquals(3, index.size());
        assertEquals(1, index.id("a"));
        assertEquals(-1, index.id("c"));
        assertSame("ch <ab", index.name(2));
        assertEquals(List.of("b", "a", "ch <ab"), index.names());
    }

    @Test
    void aClassifiersIndexBoundToTheModelsMapsItsIdsAndSharesItsNameInstances() {
        FeatureIndex shared = new FeatureIndex(List.of("b", "a", "ch <ab"));
        FeatureIndex own = FeatureIndex.lazy(List.of(new String("a"), "z", new String("b")));
        FeatureIndex.Bound bound = own.boundTo(shared);
        assertArrayEquals(new int[] {2, 0, -1}, bound.mapping());
        assertEquals(own.names(), bound.own().names());
        assertSame(shared.name(1), bound.own().name(0));
        assertSame(shared.name(0), bound.own().name(2));
        assertEquals(2, bound.own().id("b"));
        assertEquals(1, bound.own().id("z"));
    }

    @Test
    void aLazyIndexRejectsDuplicateNamesOnItsFirstLookup() {
        FeatureIndex lazy = FeatureIndex.lazy(List.of("a", "b", "a"));
        assertEquals("a", lazy.name(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lazy.id("b"));
        assertEquals("1 duplicate feature names", e.getMessage());
    }

    @Test
    void namesWithThePrefixAreFoundByTheCharsAfterIt() {
        List<String> names = new ArrayList<>(List.of("ch ", "cat", "ch <ca", "ch cat>", "ch a\uD83D\uDE00b",
                "ch <cats>", "ch \u0001at", "ch \u0000cat"));
        for (int i = 0; i < 500; i++) {
            names.add("ch " + i);
        }
        FeatureIndex index = new FeatureIndex(names, "ch ");
        char[] chars = "x<cat>a\uD83D\uDE00b".toCharArray();
        assertEquals(2, index.idAfterPrefix(chars, 1, 4));
        assertEquals(3, index.idAfterPrefix(chars, 2, 6));
        assertEquals(4, index.idAfterPrefix(chars, 6, 10));
        assertEquals(0, index.idAfterPrefix(chars, 3, 3));
        assertEquals(-1, index.idAfterPrefix(chars, 2, 5), "cat is no character n-gram");
        assertEquals(-1, index.idAfterPrefix(chars, 1, 5));
        assertEquals(5, index.idAfterPrefix("<cats>".toCharArray(), 0, 6));
        assertEquals(6, index.idAfterPrefix("\u0001at".toCharArray(), 0, 3));
        assertEquals(7, index.idAfterPrefix("\u0000cat".toCharArray(), 0, 4));
        assertEquals(-1, index.idAfterPrefix("cat".toCharArray(), 0, 3), "3 chars are not 4 starting with \\u0000");
        for (int i = 0; i < 500; i++) {
            char[] digits = String.valueOf(i).toCharArray();
            assertEquals(8 + i, index.idAfterPrefix(digits, 0, digits.length));
        }
        assertEquals(-1, new FeatureIndex(names).idAfterPrefix(chars, 1, 4), "no prefix given");
    }

    @Test
    void featureIndexRejectsDuplicateNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureIndex(List.of("a", "b", "a")));
        assertEquals("1 duplicate feature names", e.getMessage());
    }
}
