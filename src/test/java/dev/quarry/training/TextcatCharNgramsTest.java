package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextcatCharNgramsTest {

    private static final TextcatSettings CHARS4 = TextcatSettings.svmWithComplementNb().withCharNgrams(4);

    @Test
    void charNgramsOfAWordIncludeItsBoundaryMarks() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TextcatFeatures.charNgrams("cat", 4, counts);
        assertEquals(Map.of("ch <ca", 1, "ch cat", 1, "ch at>", 1, "ch <cat", 1, "ch cat>", 1), counts);
    }

    @Test
    void charNgramsCountEachOccurrenceOfTheirWordAndAreOffAt0() {
        TextcatExample text = new TextcatExample("Cat, cat ox!", "A");
        Map<String, Integer> counts = new TextcatFeatures(CHARS4.withCharNgrams(3), Map.of()).counts(text);
        assertEquals(Map.of("cat", 2, "ox", 1, "ch <ca", 2, "ch cat", 2, "ch at>", 2, "ch <ox", 1, "ch ox>", 1),
                counts);
        assertEquals(Map.of("cat", 2, "ox", 1),
                new TextcatFeatures(CHARS4.withCharNgrams(0), Map.of()).counts(text));
    }

    @Test
    void charNgramsCountCodePointsAndNeverSplitAnEmoji() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        TextcatFeatures.charNgrams("a\uD83D\uDE00b", 3, counts);
        assertEquals(Map.of("ch <a\uD83D\uDE00", 1, "ch a\uD83D\uDE00b", 1, "ch \uD83D\uDE00b>", 1), counts);
    }

    @Test
    void wordsAndCharNgramsAreEachScaledToUnitLength() {
        List<TextcatExample> texts = List.of(new TextcatExample("cat dog", "A"), new TextcatExample("cat bird", "B"),
                new TextcatExample("dog bird", "A"));
        TextcatFeatures features = new TextcatFeatures(CHARS4.withLearner("SVM_CNB", 10, 0), Map.of()).fitIdf(texts);
        FeatureVector v = features.vector(new TextcatExample("cat cat dog", "A"));
        double words = 0;
        double chars = 0;
        for (int i = 0; i < v.size(); i++) {
            double square = (double) v.values()[i] * v.values()[i];
            if (TextcatFeatures.isChars(v.names()[i])) {
                chars += square;
            } else {
                words += square;
            }
        }
        assertEquals(1, words, 1e-6);
        assertEquals(1, chars, 1e-6);
        assertEquals(2 + 10, v.size(), "cat and dog, 5 + 5 n-grams of lengths 3 and 4");
    }

    @Test
    void complementNbOfTheEnsembleLearnsFromTheWordsAlone() {
        FeatureVector v = new FeatureVector(new String[] {"cat", "ch <ca", "dog"}, new float[] {0.6f, 1, 0.8f});
        FeatureVector words = SvmCnbEnsemble.withoutChars(v);
        assertEquals(List.of("cat", "dog"), List.of(words.names()));
        assertEquals(0.8f, words.values()[1]);
    }

    @Test
    void charNgramsNeedTfidfAndALengthFrom3To6() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHARS4.withCharNgrams(2));
        assertEquals("charNgrams must be 0, or 3 to 6 with tfidf, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CHARS4.withTfidf(false));
        assertEquals("charNgrams must be 0, or 3 to 6 with tfidf, got 4 without tfidf", e.getMessage());
    }
}
