package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.matching.MatchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternReloaderTest {

    private static final String FLU = "{\"label\": \"DISEASE\", \"pattern\": \"flu\"}\n";
    private static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter log = new StringWriter();
    private Path file;
    private PatternReloader reloader;

    @BeforeEach
    void load() throws Exception {
        file = dir.resolve("diseases.jsonl");
        Files.writeString(file, FLU, StandardCharsets.UTF_8);
        reloader = PatternReloader.load(dir, MatchOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintWriter(log, true));
    }

    @Test
    void unchangedFilesAreNotLoadedAgain() throws Exception {
        PatternReloader.Loaded before = reloader.current();
        assertFalse(reloader.checkNow(0));
        assertSame(before, reloader.current());
        assertEquals(new PatternReloader.Attempt(NOW, true, List.of()), reloader.lastAttempt());
    }

    @Test
    void aChangedValidSetReplacesTheServedOneWithANewVersion() throws Exception {
        String version = reloader.current().version();
        Files.writeString(file, FLU + "{\"label\": \"DISEASE\", \"pattern\": \"cold\"}\n", StandardCharsets.UTF_8);
        assertTrue(reloader.checkNow(0));
        assertEquals(2, reloader.current().count());
        assertNotEquals(version, reloader.current().version());
        assertEquals(1, reloader.reloadsOk());
        assertEquals("quarry: reloaded 2 patterns from " + dir + " (version " + reloader.current().version() + ")\n",
                log.toString());
    }

    @Test
    void aSetWithErrorsKeepsTheOldOneAndIsNotTriedTwice() throws Exception {
        PatternReloader.Loaded before = reloader.current();
        Files.writeString(file, FLU + "{\"label\": \"\", \"pattern\": \"cold\"}\n", StandardCharsets.UTF_8);
        assertTrue(reloader.checkNow(0));
        assertSame(before, reloader.current());
        String error = file + ":2:11: error: \"label\" must be a non-empty string, got \"\"";
        assertEquals(new PatternReloader.Attempt(NOW, false, List.of(error)), reloader.lastAttempt());
        assertEquals(1, reloader.reloadsFailed());
        assertFalse(reloader.checkNow(0));
        assertEquals("quarry: pattern files changed but have errors; still serving version " + before.version()
                + ":\n  " + error + "\n", log.toString());
    }

    @Test
    void hiddenFilesDoNotCountAsChanges() throws Exception {
        Files.writeString(dir.resolve(".diseases.jsonl.swp"), "not json", StandardCharsets.UTF_8);
        assertFalse(reloader.checkNow(0));
    }

    @Test
    void theVersionIsTheSameForTheSameContent() throws Exception {
        String version = reloader.current().version();
        Files.writeString(file, FLU + FLU, StandardCharsets.UTF_8);
        reloader.checkNow(0);
        Files.writeString(file, FLU, StandardCharsets.UTF_8);
        reloader.checkNow(0);
        assertEquals(version, reloader.current().version());
        assertEquals(2, reloader.reloadsOk());
    }
}
