package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void invalidPatternsAreReportedAndNothingIsServed() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"label\": 42, \"pattern\": \"flu\"}\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("serve", "--patterns", file.toString(), "--port", "0");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: invalid patterns, not serving:\n" + file
                + ":1:11: error: \"label\" must be a non-empty string, got 42\n", run.err());
    }

    @Test
    void emptyTokenFileIsRefused() throws Exception {
        Path patterns = dir.resolve("p.jsonl");
        Files.writeString(patterns, "{\"label\": \"X\", \"pattern\": \"flu\"}\n", StandardCharsets.UTF_8);
        Path token = dir.resolve("token");
        Files.writeString(token, " \n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("serve", "--patterns", patterns.toString(), "--token-file", token.toString());
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --token-file: " + token + " is empty\n", run.err());
    }

    @Test
    void aTakenPortIsReportedWithTheOptionToChange() throws Exception {
        Path patterns = dir.resolve("p.jsonl");
        Files.writeString(patterns, "{\"label\": \"X\", \"pattern\": \"flu\"}\n", StandardCharsets.UTF_8);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--patterns", patterns.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(1, run.exitCode());
            assertEquals("quarry: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use (choose another --port or --host)\n", run.err());
        }
    }

    @Test
    void limitsMustBePositive() {
        CliRun run = CliRun.of("serve", "--patterns", dir.toString(), "--max-text-chars", "0");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --max-text-chars must be >= 1, got 0\n", run.err());
    }

    @Test
    void servingNeedsPatternsOrAModel() {
        CliRun run = CliRun.of("serve", "--port", "0");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: quarry serve needs --patterns FILE|DIR, --model DIR, or both\n", run.err());
    }

    @Test
    void aMissingModelIsReportedAndNothingIsServed() {
        Path model = dir.resolve("no-model");
        CliRun run = CliRun.of("serve", "--model", model.toString(), "--port", "0");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: invalid model, not serving: " + model + ": no such model package (a directory or a zip "
                + "file)\n", run.err());
    }

    @Test
    void matcherOptionsCannotOverrideTheModelsSettings() {
        CliRun run = CliRun.of("serve", "--model", dir.toString(), "--lang", "de", "--port", "0");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --lang cannot be given with --model: the patterns are compiled with the model "
                + "package's language and pattern settings\n", run.err());
    }
}
