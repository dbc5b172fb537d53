package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.datasets.Example;
import dev.quarry.streams.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation app end to end: a real server on loopback, Debian's Chromium driven by Playwright
 * ({@code e2e/annotate.mjs}) with the keyboard only, then the dataset checked row by row. Skips, saying what is
 * missing, without node, {@code /usr/bin/chromium} or {@code e2e/node_modules}, unless {@code QUARRY_E2E_REQUIRED=1}
 * (as {@code .ci/run} sets it), when that is a failure.
 */
class AnnotateBrowserIT {

    private static final Path SCRIPT = Path.of("e2e", "annotate.mjs");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    /** Text that would run script if it were parsed as HTML; the page must show it as it is. */
    private static final String HOSTILE = "Flu and <script>window.__quarryXss=true</script> measles "
            + "<img src=x onerror=\"window.__quarryXss=true\"> again.";
    /** Pattern hits first (more first, ties in corpus order): HOSTILE, WHO, Measles, then the three without hits. */
    private static final List<Object> TEXTS = List.of("Nothing to report today.", HOSTILE,
            "The WHO warned about flu.", "Quiet week in the region.", "Measles cases rose again.",
            "Another plain sentence.");

    @TempDir
    Path dir;

    private Annotating app;

    @BeforeAll
    static void needsNodeChromiumAndPlaywright() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        if ("1".equals(System.getenv("QUARRY_E2E_REQUIRED"))) {
            fail("browser tests cannot run: " + missing + " (QUARRY_E2E_REQUIRED=1)");
        }
        Assumptions.abort("browser tests skipped: " + missing + "; .ci/run installs it (set QUARRY_E2E_REQUIRED=1 to "
                + "make this a failure)");
    }

    private static String missing() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            return "no Chromium at " + CHROMIUM + " (apt-get install chromium)";
        }
        if (!Files.isDirectory(Path.of("e2e", "node_modules", "playwright-core"))) {
            return "no e2e/node_modules/playwright-core (npm ci --prefix e2e)";
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0 ? null : "node --version failed";
        } catch (IOException e) {
            return "no node on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Starts the app, runs the browser script on it, returns its report. */
    private JsonNode drive(AnnotateOptions.Kind kind, List<String> labels, UnaryOperator<AnnotateOptions> tweak)
            throws Exception {
        app = Annotating.start(dir, TEXTS, true, kind, labels, tweak);
        Path out = dir.resolve("node.out");
        Path err = dir.resolve("node.err");
        Process node = new ProcessBuilder("node", SCRIPT.toString(), app.running.service.uri().toString(), "alice")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!node.waitFor(180, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the browser script took over 180 s; its errors: " + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), "browser script failed: " + Files.readString(err) + stdout);
        return RunningService.JSON.readTree(stdout);
    }

    private List<Answer> answers() {
        return app.examples().stream().map(Example::answer).toList();
    }

    private void assertCommon(JsonNode report, String viewId, List<String> texts) {
        List<Example> stored = app.examples();
        for (Example example : stored) {
            assertEquals(viewId, example.task().get("_view_id").asText());
            assertEquals("news-alice", example.task().get("_session_id").asText());
            assertEquals("alice", example.session());
        }
        assertEquals(texts, stored.stream().map(e -> e.task().text()).toList());
        assertTrue(stored.get(4).task().get("_undo").asBoolean(), "the fifth example is the undo");
        for (int i = 0; i < 4; i++) {
            assertEquals(texts.get(i), report.get("steps").get(i).get("text").asText(),
                    "the page showed step " + i + "'s text as it is");
        }
        JsonNode after = report.get("after_refresh");
        assertEquals("ready", after.get("state").asText());
        assertEquals(4, after.get("answered").asInt());
        assertFalse(texts.contains(after.get("text").asText()),
                "an answered text came back: " + after);
    }

    @Test
    void manualModeWithTheKeyboardSavesEachAnswerAndNeverAsksAgainAfterARefresh() throws Exception {
        JsonNode report = drive(AnnotateOptions.Kind.NER, List.of("DISEASE", "ORG"), options -> options);
        String who = "The WHO warned about flu.";
        String measles = "Measles cases rose again.";
        String nothing = "Nothing to report today.";
        assertCommon(report, "ner_manual", List.of(HOSTILE, who, measles, nothing, nothing, nothing));
        assertEquals(List.of(Answer.ACCEPT, Answer.ACCEPT, Answer.IGNORE, Answer.REJECT, Answer.IGNORE,
                Answer.ACCEPT), answers());
        List<Example> stored = app.examples();
        assertEquals("[{0,3,DISEASE}, {49,56,DISEASE}]", spans(stored.get(0)), "suggestions accepted as shown");
        assertEquals("[{4,14,ORG}, {21,24,DISEASE}]", spans(stored.get(1)),
                "tokens 1-2 labelled with key 2 replaced the overlapping suggestion");
        assertEquals("{\"start\":4,\"end\":14,\"token_start\":1,\"token_end\":2,\"label\":\"ORG\"}",
                stored.get(1).task().get("spans").get(0).toString());
        assertEquals("Quiet week in the region.", report.get("after_refresh").get("text").asText());
    }

    @Test
    void binaryModeWithTheKeyboardAnswersEachSuggestedSpanAndANumberKeyNamesTheRightLabel() throws Exception {
        JsonNode report = drive(AnnotateOptions.Kind.NER, List.of("DISEASE", "ORG"),
                options -> options.withMode(AnnotateOptions.Mode.BINARY));
        String who = "The WHO warned about flu.";
        assertCommon(report, "binary", List.of(HOSTILE, HOSTILE, who, who, who, who));
        assertEquals(List.of(Answer.ACCEPT, Answer.REJECT, Answer.IGNORE, Answer.ACCEPT, Answer.IGNORE,
                Answer.ACCEPT), answers());
        List<Example> stored = app.examples();
        assertEquals(List.of("[{0,3,DISEASE}]", "[{49,56,DISEASE}]", "[{4,7,ORG}]", "[{21,24,DISEASE}]",
                "[{21,24,DISEASE}]", "[{21,24,ORG}]"), stored.stream().map(AnnotateBrowserIT::spans).toList());
        assertEquals(stored.get(3).taskHash(), stored.get(5).taskHash());
        assertNotEquals(stored.get(2).taskHash(), stored.get(3).taskHash());
        JsonNode relabelled = report.get("steps").get(3);
        assertEquals("[\"2\"]", relabelled.get("keys").toString(), "key 2 = ORG, the label not asked about");
        assertEquals("ORG", relabelled.get("relabel").asText());
        assertEquals("DISEASE", stored.get(5).task().get("_suggested_label").asText());
        assertEquals("{\"start\":21,\"end\":24,\"token_start\":4,\"token_end\":4,\"label\":\"ORG\"}",
                stored.get(5).task().get("spans").get(0).toString());
        assertEquals("Measles cases rose again.", report.get("after_refresh").get("text").asText());
    }

    @Test
    void choiceModeWithTheKeyboardStoresThePickedLabels() throws Exception {
        JsonNode report = drive(AnnotateOptions.Kind.TEXTCAT, List.of("DISEASE", "ORG", "OTHER"),
                options -> options);
        String who = "The WHO warned about flu.";
        String measles = "Measles cases rose again.";
        String nothing = "Nothing to report today.";
        assertCommon(report, "choice", List.of(HOSTILE, who, measles, nothing, nothing, nothing));
        assertEquals(List.of(Answer.ACCEPT, Answer.ACCEPT, Answer.REJECT, Answer.IGNORE, Answer.IGNORE,
                Answer.ACCEPT), answers());
        assertEquals(List.of("[\"DISEASE\"]", "[\"ORG\",\"OTHER\"]", "[]", "[]", "[]", "[\"DISEASE\"]"),
                app.examples().stream().map(e -> e.task().get("accept").toString()).toList());
        assertEquals("Quiet week in the region.", report.get("after_refresh").get("text").asText());
    }

    private static String spans(Example example) {
        return example.task().spans().stream().map(s -> "{" + s.start() + "," + s.end() + "," + s.label() + "}")
                .toList().toString();
    }
}
