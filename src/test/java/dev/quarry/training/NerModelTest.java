package dev.quarry.training;

import static dev.quarry.model.TinyModels.CITIES;
import static dev.quarry.model.TinyModels.PEOPLE;
import static dev.quarry.model.TinyModels.clusters;
import static dev.quarry.model.TinyModels.nerExamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PhrasePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerModelTest {

    private static NerSettings rich() {
        return NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0).withClusters(List.of("k3"), 1)
                .withRichFeatures(3, true, true);
    }

    /** Sentences of random words from both lists and fillers, labelled by list, so a short training run errs. */
    private static List<NerExample> noisy(int documents, long seed) {
        Random random = new Random(seed);
        List<String> fillers = List.of("visited", "met", "and", "in", "the", "Rome", "Anna");
        List<NerExample> examples = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            for (int s = 0; s < 3; s++) {
                List<String> tokens = new ArrayList<>();
                List<EntitySpan> spans = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int pick = random.nextInt(3);
                    List<String> from = pick == 0 ? PEOPLE : pick == 1 ? CITIES : fillers;
                    tokens.add(from.get(random.nextInt(from.size())));
                    if (pick < 2 && random.nextInt(4) > 0) {
                        spans.add(new EntitySpan(i, i + 1, pick == 0 ? "PER" : "LOC"));
                    }
                }
                examples.add(new NerExample("doc" + d, tokens, spans));
            }
        }
        return examples;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"PERCEPTRON", "MAXENT"})
    void predictionsAreThoseOfOpenNlpsOwnNameFinder(String algorithm) {
        NerSettings settings = rich().withLearner(algorithm, 3, 0);
        NerModel model = new NerTrainer(settings, Map.of("k3", clusters()), null).train(noisy(30, 1));
        List<NerExample> test = noisy(20, 2);
        List<List<EntitySpan>> openNlp = new ArrayList<>();
        for (List<NerExample> document : NerExample.documents(test)) {
            var finder = new opennlp.tools.namefind.NameFinderME(model.openNlpModel());
            for (String[] tokens : ExtraFeatures.encode(settings, document.stream().map(NerExample::tokens).toList(),
                    null, null)) {
                openNlp.add(java.util.Arrays.stream(finder.find(tokens))
                        .map(s -> new EntitySpan(s.getStart(), s.getEnd(), s.getType())).toList());
            }
        }
        assertEquals(openNlp, model.predictExamples(test));
        assertTrue(model.evaluate(test).micro().f1() < 1.0, "the test should have errors to be telling");
    }

    @Test
    void aWiderBeamIsUsedWithoutRetraining() {
        NerModel model = new NerTrainer(rich(), Map.of("k3", clusters()), null).train(nerExamples(20, 1));
        NerModel wide = model.withBeamSize(7);
        assertEquals(7, wide.settings().beamSize());
        assertEquals(model.predictExamples(nerExamples(5, 2)), wide.predictExamples(nerExamples(5, 2)));
    }

    @Test
    void learnsTinyDataAndFindsBothLabels() {
        NerModel model = new NerTrainer(rich(), Map.of("k3", clusters()), null).train(nerExamples(20, 1));
        NerEvaluation evaluation = model.evaluate(nerExamples(5, 2));
        assertEquals(1.0, evaluation.micro().f1());
        assertEquals(java.util.Set.of("LOC", "PER"), model.labels());
    }

    @Test
    void modelWithClustersSavesAndLoadsWithTheSamePredictions(@TempDir Path dir) throws IOException {
        NerModel model = new NerTrainer(rich(), Map.of("k3", clusters()), null).train(nerExamples(20, 1));
        Path file = dir.resolve("ner.bin");
        model.save(file);
        NerModel loaded = NerModel.load(file, null);
        assertEquals(model.settings(), loaded.settings());
        List<NerExample> test = nerExamples(5, 3);
        assertEquals(model.predictExamples(test), loaded.predictExamples(test));
    }

    @Test
    void twoPassModelSavesItsFirstPassBesideIt(@TempDir Path dir) throws IOException {
        NerSettings settings = rich().withTwoPass(true);
        NerModel model = new NerTrainer(settings, Map.of("k3", clusters()), null).train(nerExamples(20, 1));
        Path file = dir.resolve("ner.bin");
        model.save(file);
        assertTrue(Files.exists(dir.resolve("ner.bin.pass1")));
        List<NerExample> test = nerExamples(5, 3);
        assertEquals(model.predictExamples(test), NerModel.load(file, null).predictExamples(test));
    }

    @Test
    void patternFeaturesComeFromTheMatcher() {
        Matcher matcher = Matcher.compile(CITIES.stream().map(c -> new PhrasePattern("CITY", c)).toList(),
                MatchOptions.defaults());
        NerSettings settings = NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0).withPatternFeatures(true);
        NerModel model = new NerTrainer(settings, Map.of(), matcher).train(nerExamples(20, 1));
        // an unseen city name in the gazetteer context is found through its pattern feature
        List<NerExample> test = List.of(new NerExample("t", List.of("Anna", "visited", "Paris", "."), List.of()));
        assertTrue(model.predictExamples(test).getFirst().contains(new EntitySpan(2, 3, "LOC")));
        assertThrows(IllegalArgumentException.class, () -> new NerTrainer(settings, Map.of(), null));
    }

    @Test
    void trainingWithoutAnySpanIsRejected() {
        NerTrainer trainer = new NerTrainer(NerSettings.openNlpDefaults(), Map.of(), null);
        List<NerExample> empty = List.of(new NerExample("d", List.of("a", "b"), List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(empty));
        assertEquals("no entity spans in 1 training examples", e.getMessage());
    }

    @Test
    void aFileThatIsNotAModelIsRejectedNamingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("junk.bin"), "not a zip");
        IOException e = assertThrows(IOException.class, () -> NerModel.load(file, null));
        assertTrue(e.getMessage().startsWith(file + ": not a readable NER model"), e.getMessage());
    }
}
