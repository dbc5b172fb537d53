package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry train}, {@code evaluate} and {@code predict} end to end on a tiny dataset made here. */
class ModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void datasets() {
        db = dir.resolve("q.db").toString();
        TinyDatasets.importNewsAndTopics(db);
    }

    private Path patterns() throws IOException {
        return Files.writeString(dir.resolve("cities.jsonl"),
                "{\"label\":\"CITY\",\"pattern\":\"paris\",\"id\":\"Q90\"}\n");
    }

    private Path trained() throws IOException {
        Path model = dir.resolve("model");
        CliRun train = CliRun.of("train", "--db", db, "--ner", "news", "--textcat", "topics", "--patterns",
                patterns().toString(), "--attr", "LOWER", "--eval-split", "0.25", "--seed", "3", "--iterations", "20",
                "-o", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("NER (model) on "), train.out());
        assertTrue(train.out().endsWith("wrote " + model + " (patterns, ner, textcat)\n"), train.out());
        return model;
    }

    @Test
    void trainWritesOnePackageWithMetricsThatPredictAndEvaluateUse() throws IOException {
        Path model = trained();
        JsonNode manifest = JSON.readTree(model.resolve("manifest.json").toFile());
        assertEquals("[\"news\"]", manifest.at("/training/ner_datasets").toString());
        assertEquals(27, manifest.at("/training/examples/ner_complete").intValue(), "36 sentences, 9 set aside");
        assertEquals(1.0, manifest.at("/metrics/ner/micro/f").doubleValue());
        assertEquals(1.0, manifest.at("/metrics/textcat/accuracy").doubleValue());
        assertEquals(manifest.get("metrics"), JSON.readTree(model.resolve("metrics.json").toFile()));

        CliRun predict = CliRun.withInput("{\"text\":\"Anna visited Paris.\",\"meta\":{\"n\":1}}\nBoris visited Oslo.\n",
                "predict", model.toString(), "-", "--format", "jsonl");
        assertEquals(2, predict.exitCode(), "the second line is not JSON: " + predict.err());
        predict = CliRun.withInput("{\"text\":\"Anna visited Paris.\",\"meta\":{\"n\":1}}\n", "predict",
                model.toString(), "-");
        assertEquals(0, predict.exitCode(), predict.err());
        JsonNode line = JSON.readTree(predict.out());
        assertEquals("{\"n\":1}", line.get("meta").toString());
        double score = line.at("/spans/0/score").doubleValue();
        assertTrue(score > 0 && score <= 1, "a model span's score is a probability: " + line);
        ((com.fasterxml.jackson.databind.node.ObjectNode) line.at("/spans/0")).remove("score");
        assertEquals("[{\"start\":0,\"end\":4,\"token_start\":0,\"token_end\":0,\"label\":\"PER\",\"origin\":\"model\"},"
                + "{\"start\":13,\"end\":18,\"token_start\":2,\"token_end\":2,\"label\":\"CITY\",\"pattern_id\":\"Q90\","
                + "\"source\":\"patterns.jsonl:2\",\"origin\":\"pattern\"}]", line.get("spans").toString());
        assertTrue(line.get("cats").has("SPORT"), predict.out());

        CliRun evaluate = CliRun.of("evaluate", model.toString(), "news", "--db", db, "--only", "model", "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode scores = JSON.readTree(evaluate.out());
        assertEquals(72, scores.at("/ner/micro/tp").intValue());
        assertEquals(1.0, scores.at("/ner/micro/f").doubleValue());
    }

    @Test
    void predictCanRunPatternsOrTheModelAlone() throws IOException {
        Path model = trained();
        CliRun patterns = CliRun.withInput("Anna visited Paris.\n", "predict", model.toString(), "-", "--only",
                "patterns");
        assertEquals(0, patterns.exitCode(), patterns.err());
        JsonNode line = JSON.readTree(patterns.out());
        assertEquals(1, line.get("spans").size());
        assertTrue(!line.has("cats"));
        CliRun models = CliRun.withInput("Anna visited Paris.\n", "predict", model.toString(), "-", "--only", "model");
        assertEquals("[\"PER\",\"LOC\"]", JSON.valueToTree(JSON.readTree(models.out()).get("spans")
                .findValuesAsText("label")).toString());
    }


    @Test
    void aBadInputLineStopsPredictNamingItUnlessSkipped() throws IOException {
        Path model = trained();
        String input = "{\"text\":\"Anna visited Paris.\"}\n{\"text\":7}\n{\"text\":\"Boris visited Oslo.\"}\n";
        CliRun strict = CliRun.withInput(input, "predict", model.toString(), "-", "--format", "jsonl");
        assertEquals(2, strict.exitCode());
        assertEquals("quarry: -:2: \"text\" must be a string, got number (--skip-bad skips such lines)\n",
                strict.err());
        assertEquals(1, strict.out().lines().count(), "the line before the bad one is written");
        CliRun skipping = CliRun.withInput(input, "predict", model.toString(), "-", "--format", "jsonl",
                "--skip-bad");
        assertEquals(0, skipping.exitCode(), skipping.err());
        assertEquals(2, skipping.out().lines().count());
        assertEquals("quarry: warning: skipped -:2: \"text\" must be a string, got number\n"
                + "quarry: skipped 1 bad input line\n", skipping.err());
    }
    @Test
    void aMissingOrDamagedModelIsAUsageErrorNamingThePath() throws IOException {
        Path missing = dir.resolve("nope");
        CliRun run = CliRun.withInput("a\n", "predict", missing.toString(), "-");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: " + missing + ": no such model package (a directory or a zip file)\n", run.err());
        Path model = trained();
        Files.delete(model.resolve("ner.bin"));
        run = CliRun.of("evaluate", model.toString(), "news", "--db", db);
        assertEquals(2, run.exitCode());
        assertEquals("quarry: " + model.resolve("ner.bin") + ": missing, but manifest.json lists the \"ner\" "
                + "component\n", run.err());
    }

    @Test
    void binaryAnswersTrainAndBinaryReadsUnmarkedAnswersAsBinary() throws IOException {
        String answer = "{\"text\":\"Dmitri flew to Rome.\",\"spans\":[{\"start\":0,\"end\":6,\"label\":\"PER\"}],"
                + "\"answer\":\"accept\"}\n";
        assertEquals(0, CliRun.withInput(answer.replace("\"answer\"", "\"_view_id\":\"ner\",\"answer\""), "db-in",
                "marked", "-", "--db", db).exitCode());
        assertEquals(0, CliRun.withInput(answer, "db-in", "unmarked", "-", "--db", db).exitCode());
        assertEquals(List.of(36L, 1L), examples("news,marked"));
        assertEquals(List.of(37L, 0L), examples("news,unmarked"), "an accepted answer with spans is complete");
        assertEquals(List.of(0L, 37L), examples("news,unmarked", "--binary"));
    }

    @Test
    void binaryAnswersWithANerVoteTrainEveryMember() throws IOException {
        String answer = "{\"text\":\"Dmitri flew to Rome.\",\"spans\":[{\"start\":0,\"end\":6,\"label\":\"PER\"}],"
                + "\"answer\":\"accept\"}\n";
        assertEquals(0, CliRun.withInput(answer, "db-in", "answers", "-", "--db", db).exitCode());
        assertEquals(List.of(0L, 37L), examples("news,answers", "--binary", "--ner-vote", "3"));
        Path model = dir.resolve("m-news-answers3");
        assertTrue(Files.isRegularFile(model.resolve("ner-2.bin")) && Files.isRegularFile(model.resolve("ner-3.bin")));
        CliRun predict = CliRun.withInput("Carla visited Rome.\n", "predict", model.toString(), "-");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(List.of(0L, 37L), examples("news,answers", "--binary", "--ner-vote", "3", "--vote-completion",
                "once"));
        assertTrue(Files.isRegularFile(dir.resolve("m-news-answers5").resolve("ner-3.bin")));
        CliRun bad = CliRun.of("train", "--db", db, "--ner", "news", "--ner-vote", "3", "--vote-completion", "twice",
                "-o", dir.resolve("m-bad").toString());
        assertEquals(2, bad.exitCode());
        assertEquals("quarry: --vote-completion must be one of each, once, got \"twice\"\n", bad.err());
    }

    @Test
    void theBinaryAnswersAboutOneTextTrainAsOneExampleAndConflictsAreReported() throws IOException {
        String text = "{\"text\":\"Dmitri flew to Rome.\",\"_view_id\":\"binary\",";
        String answers = text + "\"spans\":[{\"start\":0,\"end\":11,\"label\":\"PER\"}],\"answer\":\"accept\"}\n"
                + text + "\"spans\":[{\"start\":15,\"end\":19,\"label\":\"PER\"}],\"answer\":\"reject\"}\n"
                + text + "\"spans\":[{\"start\":0,\"end\":6,\"label\":\"PER\"}],\"answer\":\"accept\"}\n";
        assertEquals(0, CliRun.withInput(answers, "db-in", "teach", "-", "--db", db).exitCode());
        Path model = dir.resolve("m-teach");
        CliRun train = CliRun.of("train", "--db", db, "--ner", "news,teach", "--iterations", "5", "-o",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals("quarry: warning: --ner [news, teach]: 1 binary answers overridden by a later answer about the "
                + "same text that contradicts them (a reject of a span accepted before, or the reverse, or an accept "
                + "overlapping an accepted span)\n", train.err(), "\"Dmitri flew\" then \"Dmitri\"");
        JsonNode counts = JSON.readTree(model.resolve("manifest.json").toFile()).at("/training/examples");
        assertEquals(1, counts.get("ner_binary").asLong(), "three answers about one text: " + counts);
    }

    /** Trains on the datasets; the manifest's counts of complete and binary NER examples. */
    private List<Long> examples(String datasets, String... more) throws IOException {
        Path model = dir.resolve("m-" + datasets.replace(',', '-') + more.length);
        List<String> args = new java.util.ArrayList<>(List.of("train", "--db", db, "--ner", datasets, "--iterations",
                "5", "-o", model.toString()));
        args.addAll(List.of(more));
        CliRun train = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, train.exitCode(), train.err());
        JsonNode counts = JSON.readTree(model.resolve("manifest.json").toFile()).at("/training/examples");
        return List.of(counts.get("ner_complete").asLong(), counts.get("ner_binary").asLong());
    }

    @Test
    void unusableAnnotationsNameTheDatasetExampleAndSpan() {
        CliRun in = CliRun.withInput("{\"text\":\"Anna visited Paris.\",\"_input_hash\":5,\"spans\":[{\"start\":0,"
                + "\"end\":3,\"label\":\"PER\"}],\"answer\":\"accept\"}\n", "db-in", "bad", "-", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
        CliRun train = CliRun.of("train", "--db", db, "--ner", "bad", "-o", dir.resolve("m").toString());
        assertEquals(2, train.exitCode());
        assertTrue(train.err().matches("quarry: dataset \"bad\", example \\d+ \\(_input_hash 5\\): spans\\[0] 0\\.\\.3 "
                + "\"Ann\" \\(PER\\) does not start and end on token boundaries; the tokens it touches span 0\\.\\.4 "
                + "\\(--snap-spans widens such spans\\)\n"), train.err());
    }

    @Test
    void trainWithoutAnythingToTrainOrWithAMissingDatasetIsAUsageError() {
        CliRun nothing = CliRun.of("train", "--db", db, "-o", dir.resolve("m").toString());
        assertEquals(2, nothing.exitCode());
        assertEquals("quarry: nothing to train: give --ner, --textcat or --patterns\n", nothing.err());
        CliRun missing = CliRun.of("train", "--db", db, "--ner", "nope", "-o", dir.resolve("m").toString());
        assertEquals(2, missing.exitCode(), missing.err());
    }

    @Test
    void trainNerVoteWritesEveryMemberAndPredictsWithTheVote() throws IOException {
        Path model = dir.resolve("vote");
        CliRun train = CliRun.of("train", "--db", db, "--ner", "news", "--ner-vote", "3", "--iterations", "20",
                "-o", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.isRegularFile(model.resolve("ner-2.bin")) && Files.isRegularFile(model.resolve("ner-3.bin")));
        JsonNode manifest = JSON.readTree(model.resolve("manifest.json").toFile());
        assertEquals(List.of("PLAIN_HISTORY", "OUTCOME_CLUSTERS"),
                JSON.convertValue(manifest.at("/settings/ner_vote/0/features"), List.class));
        CliRun predict = CliRun.withInput("Carla visited Rome.\n", "predict", model.toString(), "-");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals("[\"PER\",\"LOC\"]", JSON.valueToTree(JSON.readTree(predict.out()).get("spans")
                .findValuesAsText("label")).toString());
    }

    @Test
    void trainWritesAZipThatPredictAndEvaluateRead() throws IOException {
        Path zip = dir.resolve("model.zip");
        CliRun train = CliRun.of("train", "--db", db, "--ner", "news", "--iterations", "10", "-o", zip.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().endsWith("wrote " + zip + " (ner)\n"), train.out());
        assertTrue(Files.isRegularFile(zip));
        CliRun predict = CliRun.withInput("Carla visited Rome.\n", "predict", zip.toString(), "-");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals("[\"PER\",\"LOC\"]", JSON.valueToTree(JSON.readTree(predict.out()).get("spans")
                .findValuesAsText("label")).toString());
        CliRun evaluate = CliRun.of("evaluate", zip.toString(), "news", "--db", db, "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals(72, JSON.readTree(evaluate.out()).at("/ner/micro/tp").intValue());

        Files.write(zip, java.util.Arrays.copyOf(Files.readAllBytes(zip), 100));
        CliRun corrupt = CliRun.withInput("Carla visited Rome.\n", "predict", zip.toString(), "-");
        assertEquals(2, corrupt.exitCode());
        assertTrue(corrupt.err().startsWith("quarry: " + zip + ": not a readable zip file ("), corrupt.err());
    }

    @Test
    void nerFeaturePresetAndSwitchesReachTheManifest() throws IOException {
        Path model = dir.resolve("features");
        CliRun train = CliRun.of("train", "--db", db, "--ner", "news", "--iterations", "10", "--ner-features", "rich",
                "--ner-feature", "+document-topic,-shapes", "--ner-feature", "+truecase-headlines", "-o",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        JsonNode ner = JSON.readTree(model.resolve("manifest.json").toFile()).at("/settings/ner");
        assertEquals(List.of("PLAIN_HISTORY", "TRUECASE_HEADLINES", "DOCUMENT_TOPIC"),
                JSON.convertValue(ner.get("features"), List.class));
        assertEquals(4, ner.get("affix_length").intValue());
        assertEquals(false, ner.get("shapes").booleanValue());
        assertEquals(true, ner.get("document_features").booleanValue());
        CliRun predict = CliRun.withInput("Carla visited Rome.\n", "predict", model.toString(), "-");
        assertEquals(0, predict.exitCode(), predict.err());
    }

    @Test
    void presetFWithoutVectorsOrAnUnknownFeatureIsAUsageError() {
        String out = dir.resolve("m").toString();
        CliRun unknown = CliRun.of("train", "--db", db, "--ner", "news", "--ner-feature", "+topic", "-o", out);
        assertEquals(2, unknown.exitCode());
        assertEquals("quarry: --ner-feature: unknown NER feature \"topic\", expected one of affixes, shapes, "
                + "document, plain-history, cluster-bigrams, cluster-shape, truecase-headlines, outcome-clusters, "
                + "document-topic, context-aggregation\n", unknown.err());
        CliRun unsigned = CliRun.of("train", "--db", db, "--ner", "news", "--ner-feature", "shapes", "-o", out);
        assertEquals(2, unsigned.exitCode());
        assertTrue(unsigned.err().startsWith("quarry: --ner-feature must be +NAME or -NAME, got \"shapes\"; "),
                unsigned.err());
        CliRun preset = CliRun.of("train", "--db", db, "--ner", "news", "--ner-features", "g", "-o", out);
        assertEquals("quarry: --ner-features must be one of default, rich, f, got \"g\"\n", preset.err());
        CliRun noVectors = CliRun.of("train", "--db", db, "--ner", "news", "--ner-features", "f", "-o", out);
        assertEquals(2, noVectors.exitCode());
        assertEquals("quarry: the NER features [cluster-bigrams, cluster-shape] (of --ner-features f) work on word "
                + "clusters: give --vectors, or switch them off with --ner-feature -cluster-bigrams,-cluster-shape\n",
                noVectors.err());
        assertTrue(Files.notExists(dir.resolve("m")));
    }

    @Test
    void anEvenNerVoteIsAUsageError() {
        CliRun run = CliRun.of("train", "--db", db, "--ner", "news", "--ner-vote", "2", "-o",
                dir.resolve("m").toString());
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --ner-vote must be 3 or 5 (an odd number of voters, each with its own feature set), "
                + "got 2\n", run.err());
    }
}
