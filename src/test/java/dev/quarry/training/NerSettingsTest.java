package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerSettingsTest {

    @Test
    void encodedSettingsDecodeToTheSameSettings() {
        NerSettings settings = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0)
                .withClusters(List.of("k64", "k256"), 2).withRichFeatures(4, true, true).withTwoPass(true);
        assertEquals(settings, NerSettings.decode(settings.encode()));
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
        assertEquals("algorithm must be PERCEPTRON or MAXENT, got \"SVM\"", e.getMessage());
    }
}
