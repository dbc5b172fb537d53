package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotateCommandTest {

    @TempDir
    Path dir;

    private String corpus;
    private String db;

    @BeforeEach
    void corpus() throws Exception {
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, "{\"text\": \"Flu again.\"}\n", StandardCharsets.UTF_8);
        corpus = file.toString();
        db = dir.resolve("quarry.db").toString();
    }

    private static void assertUsage(CliRun run, String message) {
        assertEquals("quarry: " + message + "\n", run.err());
        assertEquals(ExitCodes.USAGE, run.exitCode());
    }

    @Test
    void textcatNeedsLabels() {
        assertUsage(CliRun.of("annotate", "textcat", "--dataset", "d", "--source", corpus, "--db", db),
                "textcat needs at least one label");
    }

    @Test
    void eachKindTakesItsOwnModes() {
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "--mode", "choice",
                "--label", "DISEASE", "--db", db), "ner takes mode manual or binary, got choice");
        assertUsage(CliRun.of("annotate", "textcat", "--dataset", "d", "--source", corpus, "--mode", "manual",
                "--label", "HEALTH", "--db", db), "textcat takes mode binary or choice, got manual");
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "--mode", "teach",
                "--db", db), "--mode must be one of manual, binary, choice, got \"teach\"");
        assertUsage(CliRun.of("annotate", "spans", "--dataset", "d", "--source", corpus, "--db", db),
                "KIND must be one of ner, textcat, got \"spans\"");
    }

    @Test
    void labelsAreCheckedForRepeats() {
        assertUsage(CliRun.of("annotate", "textcat", "--dataset", "d", "--source", corpus, "-l", "A,B,A", "--db",
                db), "label \"A\" is given twice");
    }

    @Test
    void nerWithoutLabelsOrPatternsIsRefusedBeforeServing() {
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "--port", "0", "--db", db),
                "ner needs labels: give --label, or --patterns with labelled patterns, or --model with an NER");
    }

    @Test
    void aMissingCorpusOrPatternFileIsNamed() {
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", dir.resolve("none.jsonl").toString(),
                "--db", db), "--source: " + dir.resolve("none.jsonl") + ": no such file or directory");
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "-p",
                dir.resolve("p").toString(), "--db", db), "--patterns: " + dir.resolve("p")
                + ": no such file or directory");
    }

    @Test
    void modelOptionsAreChecked() {
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "-l", "X",
                "--retrain-every", "-1", "--db", db), "--retrain-every must be >= 0 (0: never), got -1");
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "-l", "X",
                "--model", dir.resolve("none").toString(), "--db", db),
                "--model: " + dir.resolve("none") + ": no such directory");
        assertUsage(CliRun.of("annotate", "ner", "--dataset", "d", "--source", corpus, "-l", "X",
                "--model", dir.toString(), "--lang", "de", "--db", db),
                "--lang cannot be given with --model: the model package's language is used");
    }
}
