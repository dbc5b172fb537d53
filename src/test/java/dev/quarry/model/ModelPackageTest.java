package dev.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Language;
import dev.quarry.training.NerExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path saved(Path dir) throws Exception {
        Path model = dir.resolve("model");
        TinyModels.full().save(model);
        return model;
    }

    private static void editManifest(Path model, Consumer<ObjectNode> edit) throws IOException {
        Path file = model.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(manifest);
        JSON.writeValue(file.toFile(), manifest);
    }

    private static String loadError(Path model) {
        return assertThrows(ModelException.class, () -> ModelPackage.load(model)).getMessage();
    }

    @Test
    void everyComponentComesBackWithTheSameManifestAndPredictions(@TempDir Path dir) throws Exception {
        ModelPackage original = TinyModels.full();
        Path model = saved(dir);
        ModelPackage loaded = ModelPackage.load(model);
        assertEquals(original.manifest(), loaded.manifest());
        assertEquals(List.of("patterns", "ner", "textcat"), loaded.manifest().components());
        assertEquals(List.of("LOC", "PER"), loaded.manifest().labels().ner());
        assertEquals(List.of("MEDICINE", "SPORT"), loaded.manifest().labels().textcat());
        TinyModels.assertSamePredictions(original, loaded);
    }

    @Test
    void patternsComeBackNamingTheirLineInThePackage(@TempDir Path dir) throws Exception {
        ModelPackage loaded = ModelPackage.load(saved(dir));
        assertEquals(List.of(
                new PhrasePattern("CITY", "Paris", "Q90", Attr.LOWER, new PatternSource("patterns.jsonl", 2)),
                new PhrasePattern("CITY", "Rome", "Q220", Attr.LOWER, new PatternSource("patterns.jsonl", 3))),
                loaded.patterns());
        assertEquals(Attr.LOWER, loaded.matcher().orElseThrow().options().phraseAttr());
    }

    @Test
    void manifestIsSnakeCaseJsonWithFormatVersionOne(@TempDir Path dir) throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(saved(dir).resolve("manifest.json").toFile());
        assertEquals(1, manifest.get("quarry_model").intValue());
        assertEquals("2025-01-31T12:00:00Z", manifest.get("created").asText());
        assertEquals("PERCEPTRON", manifest.at("/settings/ner/algorithm").asText());
        assertEquals(1, manifest.at("/settings/ner/cluster_window").intValue());
        assertEquals("LOWER", manifest.at("/settings/patterns/attr").asText());
        assertEquals(40, manifest.at("/training/examples/ner_complete").intValue());
        assertEquals(7, manifest.get("seed").intValue());
        assertEquals("[\"k3\"]", manifest.get("clusters").toString());
    }

    @Test
    void aPackageOfPatternsAloneNeedsNoModels(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("patterns-only");
        ModelPackage.builder(Language.ENGLISH).matcher(TinyModels.matcher()).build().save(model);
        ModelPackage loaded = ModelPackage.load(model);
        assertEquals(List.of("patterns"), loaded.manifest().components());
        assertTrue(loaded.ner().isEmpty());
        assertFalse(Files.exists(model.resolve("ner.bin")));
    }

    @Test
    void aMissingDirectoryOrManifestIsNamed(@TempDir Path dir) throws IOException {
        assertEquals(dir.resolve("nope") + ": no such model package (a directory or a zip file)",
                loadError(dir.resolve("nope")));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(empty + ": not a model package: no manifest.json", loadError(empty));
    }

    @Test
    void anUnknownFormatVersionIsRefused(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        editManifest(model, m -> m.put("quarry_model", 2));
        assertEquals(model.resolve("manifest.json") + ": \"quarry_model\" must be 1 (the model format this Quarry "
                + "reads), got 2; the package was written by a newer Quarry", loadError(model));
    }

    @Test
    void aComponentListedButMissingIsNamed(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        Files.delete(model.resolve("ner.bin"));
        assertEquals(model.resolve("ner.bin") + ": missing, but manifest.json lists the \"ner\" component",
                loadError(model));
    }

    @Test
    void labelsThatDoNotMatchTheModelAreNamed(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        editManifest(model, m -> ((ObjectNode) m.get("labels")).putArray("ner").add("LOC").add("ORG"));
        assertEquals(model.resolve("ner.bin") + ": the model's labels [LOC, PER] differ from manifest.json's "
                + "\"labels.ner\" [LOC, ORG]", loadError(model));
    }

    @Test
    void aMultiLabelClassifiersModeAndThresholdsAreInTheManifestAndMustAgree(@TempDir Path dir) throws Exception {
        TextcatModel multi = new TextcatTrainer(TextcatSettings.naiveBayesBagOfWords()
                .withMode(TextcatMode.MULTI_LABEL, 0.5), Map.of()).train(TinyModels.textcatExamples(10, 1))
                .withThresholds(Map.of("SPORT", 0.25));
        Path model = dir.resolve("multi");
        ModelPackage.builder(Language.ENGLISH).textcat(multi).build().save(model);
        ModelPackage loaded = ModelPackage.load(model);
        assertEquals(Map.of("MEDICINE", 0.5, "SPORT", 0.25), loaded.manifest().labels().textcatThresholds());
        assertEquals(TextcatMode.MULTI_LABEL, loaded.manifest().settings().textcat().mode());
        ObjectNode manifest = (ObjectNode) JSON.readTree(model.resolve("manifest.json").toFile());
        assertEquals("{\"MEDICINE\":0.5,\"SPORT\":0.25}", manifest.at("/labels/textcat_thresholds").toString());
        editManifest(model, m -> ((ObjectNode) m.at("/labels/textcat_thresholds")).put("SPORT", 0.5));
        assertEquals(model.resolve("textcat.bin") + ": the model's thresholds {MEDICINE=0.5, SPORT=0.25} differ from "
                + "manifest.json's \"labels.textcat_thresholds\" {MEDICINE=0.5, SPORT=0.5}", loadError(model));
        editManifest(model, m -> ((ObjectNode) m.at("/labels/textcat_thresholds")).remove("SPORT"));
        assertEquals(model.resolve("manifest.json") + ": \"labels.textcat_thresholds\" must hold one threshold per "
                + "label of \"labels.textcat\" [MEDICINE, SPORT], got [MEDICINE]", loadError(model));
    }

    @Test
    void clustersNamedBySettingsButAbsentAreNamed(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        Files.delete(model.resolve("clusters/k3.txt"));
        assertEquals(model.resolve("clusters/k3.txt") + ": missing, but manifest.json lists word clusters \"k3\"",
                loadError(model));
        editManifest(model, m -> m.putArray("clusters"));
        assertEquals(model.resolve("manifest.json") + ": \"settings.textcat.clusters\" names \"k3\" but "
                + "\"clusters\" does not list it", loadError(model));
    }

    @Test
    void unknownAndMissingManifestKeysAreErrorsWithTheirPath(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        editManifest(model, m -> ((ObjectNode) m.at("/settings/ner")).put("colour", "red"));
        assertEquals(model.resolve("manifest.json") + ": \"settings.ner.colour\": unknown key, expected one of "
                + "affix_length, algorithm, beam_size, cluster_window, clusters, cutoff, document_features, "
                + "features, iterations, pattern_features, shapes, two_pass", loadError(model));
        editManifest(model, m -> ((ObjectNode) m.at("/settings/ner")).remove(List.of("colour", "iterations")));
        assertEquals(model.resolve("manifest.json") + ": \"settings.ner.iterations\": is missing",
                loadError(model));
        editManifest(model, m -> ((ObjectNode) m.at("/settings/ner")).put("iterations", 0));
        assertEquals(model.resolve("manifest.json") + ": \"settings.ner\": iterations must be >= 1, got 0",
                loadError(model));
    }

    @Test
    void aCorruptModelFileIsNamed(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        Files.writeString(model.resolve("textcat.bin"), "not a zip");
        assertTrue(loadError(model).startsWith(model.resolve("textcat.bin") + ": not a Quarry "
                + "text-classification model"), loadError(model));
    }

    @Test
    void savingReplacesAPackageButNotAnyOtherDirectory(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        ModelPackage.builder(Language.ENGLISH).matcher(TinyModels.matcher()).build().save(model);
        assertEquals(List.of("patterns"), ModelPackage.load(model).manifest().components());
        assertFalse(Files.exists(model.resolve("ner.bin")));
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        ModelException e = assertThrows(ModelException.class, () -> TinyModels.full().save(other));
        assertEquals(other + ": is a non-empty directory without manifest.json; not replacing it with a model "
                + "package", e.getMessage());
        try (var entries = Files.list(dir)) {
            assertEquals(2, entries.count(), "no temporary directory left behind");
        }
    }

    @Test
    void anNerVoteComesBackWithEveryMemberInOrder(@TempDir Path dir) throws Exception {
        ModelPackage original = TinyModels.vote();
        Path model = dir.resolve("model");
        original.save(model);
        ModelPackage loaded = ModelPackage.load(model);
        assertEquals(original.manifest(), loaded.manifest());
        assertTrue(Files.isRegularFile(model.resolve("ner-2.bin")) && Files.isRegularFile(model.resolve("ner-3.bin")));
        ObjectNode manifest = (ObjectNode) JSON.readTree(model.resolve("manifest.json").toFile());
        assertEquals(2, manifest.at("/settings/ner_vote").size());
        assertEquals(3, loaded.nerMembers().size());
        List<NerExample> test = TinyModels.nerExamples(5, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(original.nerMembers().get(i).settings(), loaded.nerMembers().get(i).settings());
            assertEquals(original.nerMembers().get(i).predictExamples(test),
                    loaded.nerMembers().get(i).predictExamples(test));
        }
        assertEquals(original.nerEnsemble().orElseThrow().predictExamples(test),
                loaded.nerEnsemble().orElseThrow().predictExamples(test));
    }

    @Test
    void aMissingVoteMemberIsNamed(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        TinyModels.vote().save(model);
        Files.delete(model.resolve("ner-3.bin"));
        assertEquals(model.resolve("ner-3.bin") + ": missing, but manifest.json lists member 3 of the NER vote "
                + "(\"settings.ner_vote[1]\")", loadError(model));
    }

    @Test
    void aVoteMemberWithOtherLabelsIsNamed(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        TinyModels.vote().save(model);
        Path other = dir.resolve("other");
        ModelPackage.builder(Language.ENGLISH).ner(TinyModels.nerOf(TinyModels.nerVote().get(1).settings(), "PER"))
                .build().save(other);
        Files.copy(other.resolve("ner.bin"), model.resolve("ner-2.bin"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(model.resolve("ner-2.bin") + ": the model's labels [PER] differ from manifest.json's "
                + "\"labels.ner\" [LOC, PER]", loadError(model));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelPackage
                .builder(Language.ENGLISH).nerVote(List.of(TinyModels.ner(), TinyModels.nerOf(TinyModels.ner()
                        .settings(), "PER"))).build());
        assertEquals("the NER vote's member 2 has the labels [PER] but the first has [LOC, PER]", e.getMessage());
    }

    @Test
    void aManifestWrittenBeforeVotesLoadsAsASingleNer(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        editManifest(model, manifest -> ((ObjectNode) manifest.get("settings")).remove("ner_vote"));
        ModelPackage loaded = ModelPackage.load(model);
        assertEquals(1, loaded.nerMembers().size());
        assertTrue(loaded.nerEnsemble().isEmpty());
        assertEquals(List.of(), loaded.manifest().settings().nerVote());
    }

    @Test
    void aManifestWrittenBeforeCharacterNgramsLoadsWithoutThem(@TempDir Path dir) throws Exception {
        Path model = saved(dir);
        editManifest(model, manifest -> ((ObjectNode) manifest.at("/settings/textcat")).remove("char_ngrams"));
        assertEquals(0, ModelPackage.load(model).manifest().settings().textcat().charNgrams());
    }
}
