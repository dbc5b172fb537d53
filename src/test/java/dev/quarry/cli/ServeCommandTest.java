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
    void limitsMustBePositive() {
        CliRun run = CliRun.of("serve", "--patterns", dir.toString(), "--max-text-chars", "0");
        assertEquals(2, run.exitCode());
        assertEquals("quarry: --max-text-chars must be >= 1, got 0\n", run.err());
    }
}
