package dev.quarry.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.model.ModelPackage;
import dev.quarry.model.TinyModels;
import dev.quarry.model.TrainingData;
import dev.quarry.text.Language;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TrainingExamples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
    private static final TrainingData DATA = new TrainingData(List.of("news"), List.of(), Map.of("ner_complete", 8L),
            "00ff");

    private static TrainingExamples ner(int documents) {
        return new TrainingExamples(TinyModels.nerExamples(documents, 5), List.of(), List.of(), List.of(1L), Map.of());
    }

    @Test
    void theNerIsTrainedAgainWithTheOldSettingsAndTheRestOfThePackageIsKept() {
        ModelPackage base = TinyModels.full();
        ModelPackage next = Retraining.retrain(base, null, Retraining.Part.NER, ner(4), null, DATA, CLOCK);
        assertEquals(base.ner().orElseThrow().settings(), next.ner().orElseThrow().settings());
        assertSame(base.textcat().orElseThrow(), next.textcat().orElseThrow());
        assertSame(base.matcher().orElseThrow(), next.matcher().orElseThrow());
        assertEquals(base.clusters().keySet(), next.clusters().keySet());
        assertEquals(DATA, next.manifest().training());
        assertEquals(CLOCK.instant(), next.manifest().created());
        assertEquals(List.of("LOC", "PER"), next.manifest().labels().ner());
    }

    @Test
    void retrainingTheNerOfAVoteTrainsEveryMemberWithItsOwnSettings() {
        ModelPackage base = ModelPackage.builder(Language.ENGLISH).matcher(TinyModels.matcher())
                .nerVote(TinyModels.nerVote()).clusters(Map.of("k3", TinyModels.clusters())).build();
        ModelPackage next = Retraining.retrain(base, null, Retraining.Part.NER, ner(4), null, DATA, CLOCK);
        assertEquals(3, next.nerMembers().size());
        assertEquals(base.nerMembers().stream().map(NerModel::settings).toList(),
                next.nerMembers().stream().map(NerModel::settings).toList());
        assertEquals(base.manifest().settings().nerVote(), next.manifest().settings().nerVote());
        assertNotSame(base.nerMembers().get(2), next.nerMembers().get(2));
        assertEquals("PER", Pipeline.of(next).predict("Anna visited Oslo.").spans().get(0).label());
    }

    @Test
    void withoutAModelTheDefaultsAreUsedAndTheServedPatternsJoinThePackage() {
        ModelPackage next = Retraining.retrain(null, Language.ENGLISH, Retraining.Part.NER, ner(4),
                TinyModels.matcher(), DATA, CLOCK);
        assertEquals(Retraining.DEFAULT_NER, next.ner().orElseThrow().settings());
        assertEquals(2, next.patterns().size());
        assertEquals("PER", Pipeline.of(next).predict("Anna visited Oslo.").spans().get(0).label());
    }

    @Test
    void withoutAModelATextClassifierIsMultiLabelUnlessEveryTextHasOneLabel() {
        List<TextcatExample> single = TinyModels.textcatExamples(5, 2);
        List<TextcatExample> binary = new java.util.ArrayList<>(single);
        binary.add(TextcatExample.rejected("the doctor scored", "SPORT"));
        assertEquals(TextcatMode.EXCLUSIVE, textcatMode(single));
        assertEquals(TextcatMode.MULTI_LABEL, textcatMode(binary));
    }

    private static TextcatMode textcatMode(List<TextcatExample> examples) {
        return Retraining.retrain(null, Language.ENGLISH, Retraining.Part.TEXTCAT, new TrainingExamples(List.of(),
                List.of(), examples, List.of(1L), Map.of()), null, DATA, CLOCK).textcat().orElseThrow().mode();
    }

    @Test
    void settingsThatCannotBeMetAreNarrowed() {
        NerSettings wanted = NerSettings.openNlpDefaults().withClusters(List.of("k3", "k9"), 2)
                .withPatternFeatures(true);
        NerSettings used = Retraining.nerSettings(wanted, Map.of("k3", TinyModels.clusters()), null);
        assertEquals(NerSettings.openNlpDefaults().withClusters(List.of("k3"), 2), used);
    }

    @Test
    void nothingToTrainOnIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Retraining.retrain(null,
                Language.ENGLISH, Retraining.Part.NER, new TrainingExamples(List.of(), List.of(), List.of(),
                        List.of(), Map.of()), null, DATA, CLOCK));
        assertEquals("no training examples", e.getMessage());
    }
}
