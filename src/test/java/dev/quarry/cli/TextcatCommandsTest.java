package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text classification through {@code quarry train}, {@code predict} and {@code evaluate}: modes, metrics, errors. */
class TextcatCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> WORDS = Map.of("SPORT", "team goal match", "HEALTH",
            "doctor patient clinic", "MONEY", "bank price market");
    private static final List<List<String>> COMBINATIONS = List.of(List.of("SPORT"), List.of("HEALTH"),
            List.of("MONEY"), List.of("SPORT", "HEALTH"), List.of("HEALTH", "MONEY"), List.of("SPORT", "MONEY"));

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void database() {
        db = dir.resolve("q.db").toString();
    }

    private void dbIn(String dataset, List<String> lines) {
        CliRun in = CliRun.withInput(String.join("\n", lines) + "\n", "db-in", dataset, "-", "--db", db);
        assertEquals(0, in.exitCode(), in.err());
    }

    private static String text(List<String> labels, int i) {
        StringBuilder text = new StringBuilder("story " + i + ":");
        labels.forEach(label -> text.append(' ').append(WORDS.get(label)));
        return text.toString();
    }

    /** Choice answers with one or two of three labels shown, and binary answers on single labels. */
    private static List<String> multiLabel(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> labels = COMBINATIONS.get(i % COMBINATIONS.size());
            lines.add("{\"text\":\"" + text(labels, i) + "\",\"options\":[{\"id\":\"SPORT\",\"text\":\"sport\"},"
                    + "{\"id\":\"HEALTH\",\"text\":\"health\"},{\"id\":\"MONEY\",\"text\":\"money\"}],\"accept\":"
                    + JSON.valueToTree(labels) + ",\"_view_id\":\"choice\",\"answer\":\"accept\"}");
        }
        lines.add("{\"text\":\"" + text(List.of("SPORT"), 900) + "\",\"label\":\"MONEY\",\"answer\":\"reject\"}");
        lines.add("{\"text\":\"" + text(List.of("MONEY"), 901) + "\",\"label\":\"MONEY\",\"answer\":\"accept\"}");
        return lines;
    }

    private static List<String> exclusive(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = List.of("SPORT", "HEALTH").get(i % 2);
            lines.add("{\"text\":\"" + text(List.of(label), i) + "\",\"label\":\"" + label + "\",\"answer\":\"accept\"}");
        }
        return lines;
    }

    @Test
    void multiLabelTrainsPackagesAndPredictsLabelsAboveTheirThresholds() throws IOException {
        dbIn("topics", multiLabel(48));
        Path model = dir.resolve("model");
        CliRun train = CliRun.of("train", "--db", db, "--textcat", "topics", "--textcat-mode", "multi-label",
                "--eval-split", "0.25", "--seed", "3", "-o", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals("", train.err());
        assertTrue(train.out().contains("Text classification (multi-label) on 13 texts:"), train.out());

        JsonNode manifest = JSON.readTree(model.resolve("manifest.json").toFile());
        assertEquals("MULTI_LABEL", manifest.at("/settings/textcat/mode").asText());
        assertEquals("SVM_CNB", manifest.at("/settings/textcat/algorithm").asText(), "the default learner");
        assertTrue(manifest.at("/settings/textcat/tfidf").booleanValue(), "the SVMs learn from tf-idf values");
        assertEquals("[\"HEALTH\",\"MONEY\",\"SPORT\"]", manifest.at("/labels/textcat").toString());
        JsonNode thresholds = manifest.at("/labels/textcat_thresholds");
        assertEquals(List.of("HEALTH", "MONEY", "SPORT"), iterable(thresholds.fieldNames()));
        thresholds.forEach(t -> assertTrue(t.doubleValue() > 0 && t.doubleValue() < 1, thresholds.toString()));
        assertEquals("MULTI_LABEL", manifest.at("/metrics/textcat/mode").asText());
        assertEquals(1.0, manifest.at("/metrics/textcat/micro/f").doubleValue(), manifest.toString());

        CliRun predict = CliRun.withInput("story: team goal match bank price market\nstory: doctor patient clinic\n",
                "predict", model.toString(), "-");
        assertEquals(0, predict.exitCode(), predict.err());
        String[] lines = predict.outLines();
        JsonNode both = JSON.readTree(lines[0]);
        assertEquals("[\"MONEY\",\"SPORT\"]", both.get("labels").toString(), lines[0]);
        assertEquals(List.of("HEALTH", "MONEY", "SPORT"), iterable(both.get("cats").fieldNames()));
        assertTrue(both.at("/cats/SPORT").doubleValue() > both.at("/cats/HEALTH").doubleValue(), lines[0]);
        assertEquals("[\"HEALTH\"]", JSON.readTree(lines[1]).get("labels").toString(), lines[1]);

        CliRun evaluate = CliRun.of("evaluate", model.toString(), "topics", "--db", db, "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode textcat = JSON.readTree(evaluate.out()).get("textcat");
        assertEquals(List.of("mode", "accuracy", "correct", "total", "micro", "macro_f", "macro_auc", "per_label"),
                iterable(textcat.fieldNames()), "no confusion matrix for multi-label");
        assertEquals(48, textcat.get("total").intValue(), "the choices showed every label; the binary answers did not");
        assertEquals(List.of("HEALTH", "MONEY", "SPORT"), iterable(textcat.get("per_label").fieldNames()));
        assertEquals(25, textcat.at("/per_label/MONEY/tp").intValue() + textcat.at("/per_label/MONEY/fn").intValue(),
                "24 choices with MONEY and 1 binary accept are its gold positives");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void withoutAModeTextsWithSeveralLabelsAskForOne() {
        dbIn("topics", multiLabel(12));
        CliRun train = CliRun.of("train", "--db", db, "--textcat", "topics", "-o", dir.resolve("m").toString());
        assertEquals(2, train.exitCode(), train.err());
        assertEquals("quarry: --textcat [topics]: 7 of 14 texts do not have exactly one label (6 with several, 1 with "
                + "none: answers that only reject labels); train with --textcat-mode multi-label (one-vs-rest)\n",
                train.err());
        CliRun exclusive = CliRun.of("train", "--db", db, "--textcat", "topics", "--textcat-mode", "exclusive", "-o",
                dir.resolve("m").toString());
        assertEquals(2, exclusive.exitCode(), exclusive.err());
        assertEquals("quarry: --textcat-mode exclusive: 6 texts of [topics] have several labels, such as \"story 3: "
                + "team goal match doctor patie...\" [HEALTH, SPORT]; train with --textcat-mode multi-label\n",
                exclusive.err());
    }

    @Test
    void aDatasetWithoutExamplesForARequestedComponentIsAnError() {
        dbIn("ner", List.of("{\"text\":\"Anna visited Paris.\",\"spans\":[],\"answer\":\"accept\"}"));
        CliRun train = CliRun.of("train", "--db", db, "--textcat", "ner", "-o", dir.resolve("m").toString());
        assertEquals(2, train.exitCode(), train.err());
        assertEquals("quarry: --textcat [ner]: no text classification examples (a \"label\" answered accept or "
                + "reject, or an accepted choice); read {no_label=1}\n", train.err());
        dbIn("topics", exclusive(4));
        CliRun ner = CliRun.of("train", "--db", db, "--ner", "topics", "-o", dir.resolve("m").toString());
        assertEquals(2, ner.exitCode(), ner.err());
        assertEquals("quarry: --ner [topics]: no NER examples (accepted tasks with \"spans\", or binary answers); "
                + "read {no_spans=4}\n", ner.err());
    }

    @Test
    void aLabelOnlyTheEvaluationDataHasIsWarnedAboutWithCounts() {
        dbIn("topics", exclusive(20));
        dbIn("gold", List.of("{\"text\":\"story: bank price\",\"label\":\"MONEY\",\"answer\":\"accept\"}",
                "{\"text\":\"story: market\",\"label\":\"MONEY\",\"answer\":\"accept\"}",
                "{\"text\":\"story: goal\",\"label\":\"SPORT\",\"answer\":\"accept\"}"));
        CliRun train = CliRun.of("train", "--db", db, "--textcat", "topics", "--eval", "gold", "-o",
                dir.resolve("m").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals("quarry: warning: text classification labels in the evaluation data only (the model cannot "
                + "predict them): MONEY (2 texts)\n", train.err());
    }

    @Test
    void evaluateScoresExclusiveLabelsWithAucAndAConfusionMatrix() throws IOException {
        dbIn("topics", exclusive(24));
        Path model = dir.resolve("model");
        assertEquals(0, CliRun.of("train", "--db", db, "--textcat", "topics", "-o", model.toString()).exitCode());
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), String.join("\n",
                "{\"text\":\"team goal\",\"label\":\"SPORT\",\"answer\":\"accept\"}",
                "{\"text\":\"doctor clinic\",\"label\":\"HEALTH\",\"answer\":\"accept\"}",
                "{\"text\":\"patient at the match\",\"label\":\"SPORT\",\"answer\":\"accept\"}",
                "{\"text\":\"team doctor\",\"label\":\"SPORT\",\"answer\":\"reject\"}",
                "{\"text\":\"bank price\",\"label\":\"MONEY\",\"answer\":\"accept\"}") + "\n");
        CliRun evaluate = CliRun.of("evaluate", model.toString(), gold.toString(), "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals("quarry: warning: text classification labels in the evaluation data only (the model cannot "
                + "predict them): MONEY (1 text)\n", evaluate.err());
        JsonNode textcat = JSON.readTree(evaluate.out()).get("textcat");
        assertEquals(List.of("mode", "accuracy", "correct", "total", "micro", "macro_f", "macro_auc", "per_label",
                "confusion"), iterable(textcat.fieldNames()));
        assertEquals("EXCLUSIVE", textcat.get("mode").asText());
        assertEquals(4, textcat.get("total").intValue(), "the reject says nothing an exclusive model is scored on");
        assertEquals(List.of("p", "r", "f", "tp", "fp", "fn", "auc"),
                iterable(textcat.at("/per_label/SPORT").fieldNames()));
        assertEquals("[\"HEALTH\",\"MONEY\",\"SPORT\"]", textcat.at("/confusion/labels").toString());
        assertEquals(1, textcat.at("/per_label/MONEY/fn").intValue());
        long counted = 0;
        for (JsonNode row : textcat.at("/confusion/counts")) {
            for (JsonNode cell : row) {
                counted += cell.longValue();
            }
        }
        assertEquals(4, counted);
        CliRun table = CliRun.of("evaluate", model.toString(), gold.toString());
        assertTrue(table.out().startsWith("Text classification (exclusive) on 5 texts:\nlabel"), table.out());
        assertTrue(table.out().contains("macro AUC"), table.out());
    }
}
