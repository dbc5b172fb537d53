package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NerSettingsTest {

    @Test
    void encodedSettingsDecodeToTheSameSettings() {
        NerSettings settings = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0)
                .withClusters(List.of("k64", "k256"), 2).withRichFeatures(4, true, true).withTwoPass(true);
        assertEquals(settings, NerSettings.decode(settings.encode()));
    }

    @Test
    void optionalFeaturesAreEncodedInOrderAndDecoded() {
        NerSettings settings = NerSettings.openNlpDefaults().with(NerFeature.TRUECASE_HEADLINES, true)
                .with(NerFeature.CLUSTER_BIGRAMS, true);
        assertTrue(settings.encode().endsWith(";features=PLAIN_HISTORY,CLUSTER_BIGRAMS,TRUECASE_HEADLINES"),
                settings.encode());
        assertEquals(settings, NerSettings.decode(settings.encode()));
        assertEquals(Set.of(), NerSettings.decode(settings.withFeatures(List.of()).encode()).features());
    }

    @Test
    void settingsWrittenBeforeOptionalFeaturesExistedHaveNone() {
        String old = "algorithm=PERCEPTRON;iterations=300;cutoff=0;beamSize=3;clusters=k64;clusterWindow=2;"
                + "affixLength=4;shapes=true;documentFeatures=true;patternFeatures=false;twoPass=false";
        NerSettings settings = NerSettings.decode(old);
        assertEquals(Set.of(), settings.features());
        assertFalse(settings.has(NerFeature.PLAIN_HISTORY));
    }

    @Test
    void unknownOptionalFeatureIsRejectedWithTheKnownOnes() {
        String encoded = NerSettings.openNlpDefaults().encode().replace("PLAIN_HISTORY", "COLOUR");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NerSettings.decode(encoded));
        assertEquals("NER settings: \"features\" has an unknown feature \"COLOUR\", expected one of "
                + List.of(NerFeature.values()), e.getMessage());
    }

    @Test
    void everyLearnerParameterIsExplicit() {
        var params = NerSettings.openNlpDefaults().trainingParameters();
        assertEquals("MAXENT", params.get("Algorithm"));
        assertEquals("100", params.get("Iterations"));
        assertEquals("5", params.get("Cutoff"));
        assertEquals("Event", params.get("TrainerType"));
        assertEquals("3", params.get("BeamSize"));
    }

    @Test
    void unknownKeyIsRejected() {
        String encoded = NerSettings.openNlpDefaults().encode() + ";colour=blue";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NerSettings.decode(encoded));
        assertEquals("NER settings: unknown keys [colour]", e.getMessage());
    }

    @Test
    void unknownAlgorithmIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NerSettings.openNlpDefaults().withLearner("SVM", 1, 0));
        assertEquals("algorithm must be PERCEPTRON, MAXENT or MAXENT_QN, got \"SVM\"", e.getMessage());
    }
}
