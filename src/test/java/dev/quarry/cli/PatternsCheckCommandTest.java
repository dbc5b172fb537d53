package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternsCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void cleanFilesPass() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"label\": \"A\", \"pattern\": \"alpha\"}\n");
        CliRun run = CliRun.of("patterns", "check", dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("checked 1 file, 1 pattern: 0 errors, 0 warnings\n", run.out());
    }

    @Test
    void errorsAreListedWithFileLineAndColumnAndFail() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"label\": \"A\", \"pattern\": \"alpha\"}\n{\"label\": 42, \"pattern\": \"b\"}\n"
                + "{\"label\": \"B\", \"pattern\": [{\"LOWER\": {\"REGEX\": \"(\"}}]}\n");
        CliRun run = CliRun.of("patterns", "check", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains(file + ":2:"), run.out());
        assertTrue(run.out().contains(file + ":3:"), run.out());
        assertTrue(run.out().endsWith(": 2 errors, 0 warnings\n"), run.out());
    }

    @Test
    void warningsPassUnlessStrict() throws IOException {
        Files.writeString(dir.resolve("dup.jsonl"),
                "{\"label\": \"A\", \"pattern\": \"alpha\"}\n{\"label\": \"B\", \"pattern\": \"alpha\"}\n");
        assertEquals(0, CliRun.of("patterns", "check", dir.toString()).exitCode());
        CliRun strict = CliRun.of("patterns", "check", "--strict", dir.toString());
        assertEquals(2, strict.exitCode());
        assertTrue(strict.out().contains("warning"), strict.out());
    }
}
