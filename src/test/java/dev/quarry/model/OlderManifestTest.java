package dev.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.text.Language;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package whose manifest was written by the first format-1 Quarry (resource {@code first-format/manifest.json}:
 * no {@code settings.ner.features}, no {@code labels.textcat_thresholds}, no {@code settings.ner_vote}, text
 * classification settings without mode, threshold, tf-idf, smoothing and seed) loads with the documented defaults.
 */
class OlderManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private NerModel ner;

    /** A package of the tiny models with an NER without optional features, its manifest replaced by the fixture. */
    private Path olderPackage() throws Exception {
        ner = TinyModels.nerOf(TinyModels.ner().settings().withFeatures(Set.of()), "LOC", "PER");
        Path model = dir.resolve("older");
        ModelPackage.builder(Language.ENGLISH).matcher(TinyModels.matcher()).ner(ner).textcat(TinyModels.textcat())
                .clusters(Map.of("k3", TinyModels.clusters())).build().save(model);
        try (InputStream fixture = OlderManifestTest.class.getResourceAsStream("first-format/manifest.json")) {
            Files.copy(fixture, model.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return model;
    }

    @Test
    void missingKeysReadAsTheDefaultsAndThePackagePredicts() throws Exception {
        ModelPackage loaded = ModelPackage.load(olderPackage());
        Manifest manifest = loaded.manifest();
        assertEquals(Set.of(), manifest.settings().ner().features());
        assertEquals(List.of(), manifest.settings().nerVote());
        assertEquals(Map.of(), manifest.labels().textcatThresholds());
        TextcatSettings textcat = manifest.settings().textcat();
        assertEquals(TextcatMode.EXCLUSIVE, textcat.mode());
        assertEquals(List.of(0.5, 1.0, 42.0), List.of(textcat.threshold(), textcat.alpha(), (double) textcat.seed()));
        assertEquals(false, textcat.tfidf());
        List<NerExample> test = TinyModels.nerExamples(3, 2);
        assertEquals(ner.predictExamples(test), loaded.ner().orElseThrow().predictExamples(test));
    }

    @Test
    void anOlderPackageSavedAgainGetsTheCurrentKeys() throws Exception {
        Path again = dir.resolve("again");
        ModelPackage.load(olderPackage()).save(again);
        ObjectNode manifest = (ObjectNode) JSON.readTree(again.resolve("manifest.json").toFile());
        assertEquals("[]", manifest.at("/settings/ner/features").toString());
        assertEquals("{}", manifest.at("/labels/textcat_thresholds").toString());
        assertEquals("\"EXCLUSIVE\"", manifest.at("/settings/textcat/mode").toString());
    }

    @Test
    void anotherFormatVersionIsStillAnError() throws Exception {
        Path model = olderPackage();
        Path file = model.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        manifest.put("quarry_model", 0);
        JSON.writeValue(file.toFile(), manifest);
        ModelException e = assertThrows(ModelException.class, () -> ModelPackage.load(model));
        assertEquals(file + ": \"quarry_model\" must be 1 (the model format this Quarry reads), got 0", e.getMessage());
    }

    @Test
    void aKeyThatNeverExistedIsStillUnknown() throws Exception {
        Path model = olderPackage();
        Path file = model.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) manifest.at("/settings/ner")).put("featurez", "x");
        JSON.writeValue(file.toFile(), manifest);
        String message = assertThrows(ModelException.class, () -> ModelPackage.load(model)).getMessage();
        assertEquals(file + ": \"settings.ner.featurez\": unknown key, expected one of affix_length, algorithm, "
                + "beam_size, cluster_window, clusters, cutoff, document_features, features, iterations, "
                + "pattern_features, shapes, two_pass", message);
    }
}
