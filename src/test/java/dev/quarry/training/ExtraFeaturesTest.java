package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtraFeaturesTest {

    private static final List<List<String>> DOCUMENT = List.of(
            List.of("JAPAN", "GET", "LUCKY", "WIN", "OVER", "SYRIA", "."),
            List.of("AL-AIN", "1996-12-06"),
            List.of("Japan", "began", "the", "defence", "of", "their", "title", "."),
            List.of("Lucky", "Japan", "did", "not", "get", "beaten", "by", "Syria", "or", "by", "SYRIA", "."),
            List.of("Syria", "lost", "to", "Syria", "."));

    private static List<String> readAs(NerSettings settings, int sentence) {
        String[] tokens = ExtraFeatures.encode(settings, DOCUMENT, null, null).get(sentence);
        return Arrays.stream(tokens).map(FeatureGenerators::plainWord).toList();
    }

    @Test
    void headlineWordsAreReadInTheirUsualSpellingFromTheRestOfTheDocument() {
        NerSettings settings = NerSettings.openNlpDefaults().with(NerFeature.TRUECASE_HEADLINES, true);
        assertEquals(List.of("Japan", "get", "LUCKY", "WIN", "OVER", "Syria", "."), readAs(settings, 0));
        assertEquals(List.of("AL-AIN", "1996-12-06"), readAs(settings, 1));
        assertEquals(DOCUMENT.get(3), readAs(settings, 3));
    }

    @Test
    void everyTokenOfAHeadlineIsFlaggedAndOthersAreNot() {
        NerSettings settings = NerSettings.openNlpDefaults().with(NerFeature.TRUECASE_HEADLINES, true);
        List<String[]> encoded = ExtraFeatures.encode(settings, DOCUMENT, null, null);
        assertTrue(Arrays.stream(encoded.get(0)).allMatch(t -> t.endsWith(FeatureGenerators.SEPARATOR + "hl")));
        assertTrue(Arrays.stream(encoded.get(1)).allMatch(t -> t.endsWith(FeatureGenerators.SEPARATOR + "hl")));
        assertFalse(Arrays.stream(encoded.get(2)).anyMatch(t -> t.contains("hl")));
    }

    @Test
    void headlinesNeedAWordOfTwoLettersAndNoLowerCase() {
        assertTrue(ExtraFeatures.Headlines.isHeadline(List.of("NEW", "YORK", "1996-08-22")));
        assertFalse(ExtraFeatures.Headlines.isHeadline(List.of("A", "-", "1")));
        assertFalse(ExtraFeatures.Headlines.isHeadline(List.of("NEW", "York")));
    }

    @Test
    void withoutTheSwitchHeadlinesAreReadAsWritten() {
        assertEquals(DOCUMENT.get(0), readAs(NerSettings.openNlpDefaults(), 0));
    }

    @Test
    void theTopicIsTheSlugBeforeTheDashOfAHeadlineThatOpensTheDocument() {
        assertEquals("rugby_union", ExtraFeatures.topic(List.of(List.of("RUGBY", "UNION", "-", "FIJI", "WIN"),
                List.of("Fiji", "won", "."))));
        assertEquals(null, ExtraFeatures.topic(DOCUMENT));
        assertEquals(null, ExtraFeatures.topic(List.of(List.of("EU", "rejects", "-", "call"))));
        assertEquals(null, ExtraFeatures.topic(List.of(List.of("-", "SOCCER", "-"))));
        assertEquals(null, ExtraFeatures.topic(List.of(List.of("1996", "-", "SOCCER"))));
    }

    @Test
    void everyTokenOfADocumentWithATopicCarriesIt() {
        NerSettings settings = NerSettings.openNlpDefaults().with(NerFeature.DOCUMENT_TOPIC, true);
        List<String[]> encoded = ExtraFeatures.encode(settings, List.of(List.of("SOCCER", "-", "JAPAN", "WIN"),
                List.of("Japan", "won", ".")), null, null);
        String suffix = FeatureGenerators.SEPARATOR + "tp=soccer";
        assertTrue(encoded.stream().flatMap(Arrays::stream).allMatch(t -> t.endsWith(suffix)));
    }

    @Test
    void aCapitalisedWordGetsTheNeighboursOfItsOtherOccurrences() {
        NerSettings settings = NerSettings.openNlpDefaults().with(NerFeature.CONTEXT_AGGREGATION, true);
        List<String[]> encoded = ExtraFeatures.encode(settings, List.of(List.of("Rotor", "won", "."),
                List.of("He", "played", "for", "Rotor", "Volgograd"), List.of("Rotor", "won", "again")), null, null);
        List<String> first = Arrays.asList(encoded.get(0)[0].split(String.valueOf(FeatureGenerators.SEPARATOR)));
        assertEquals(List.of("Rotor", "ca-=for", "ca+=volgograd"), first);
        List<String> played = Arrays.asList(encoded.get(1)[1].split(String.valueOf(FeatureGenerators.SEPARATOR)));
        assertEquals(List.of("played"), played);
    }
}
