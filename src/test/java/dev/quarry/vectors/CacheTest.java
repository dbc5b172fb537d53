package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheTest {

    @TempDir
    Path dir;

    Path text(String content) throws IOException {
        return Files.writeString(dir.resolve("in.txt"), content, StandardCharsets.UTF_8);
    }

    static void assertSameTable(WordVectors expected, WordVectors actual) {
        assertEquals(expected.words(), actual.words());
        assertEquals(expected.dimension(), actual.dimension());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.vector(i), actual.vector(i), "row " + i);
        }
    }

    @Test
    void cacheRoundTripEqualsTheTextLoad() throws IOException {
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            text.append(i % 7 == 0 ? "ünï" + i : "w" + i);
            for (int d = 0; d < 37; d++) {
                text.append(' ').append(random.nextGaussian());
            }
            text.append('\n');
        }
        WordVectors loaded = WordVectors.load(text(text.toString()));
        Path cache = dir.resolve("v.qvec");
        loaded.writeCache(cache);
        WordVectors reopened = WordVectors.openCache(cache);
        assertSameTable(loaded, reopened);
        assertEquals(loaded.fingerprint(), reopened.fingerprint());
        assertSameTable(loaded, WordVectors.load(cache));
    }

    @Test
    void convertOfBadInputLeavesNoCacheAndNoTemporaryFile() throws IOException {
        Path in = text("a 1 2\nb 1 x\n");
        Path out = dir.resolve("out.qvec");
        assertThrows(VectorsFormatException.class, () -> WordVectors.convert(in, out, LoadProgress.NONE));
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(in), files.toList());
        }
    }

    @Test
    void failedWriteLeavesTheOldCacheAndNoTemporaryFile() throws IOException {
        WordVectors v = WordVectors.load(text("a 1 2\n"));
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("child"));
        assertThrows(IOException.class, () -> v.writeCache(target));
        assertEquals(List.of(target.resolve("child")), Files.list(target).toList());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void truncatedCacheIsAnError() throws IOException {
        WordVectors v = WordVectors.load(text("a 1 2\nb 3 4\n"));
        Path cache = dir.resolve("v.qvec");
        v.writeCache(cache);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.openCache(cache));
        assertEquals(cache + ": truncated cache: expected " + bytes.length + " bytes, found " + (bytes.length - 3),
                e.getMessage());
    }

    @Test
    void otherVersionsAndOtherFilesAreRejected() throws IOException {
        WordVectors v = WordVectors.load(text("a 1 2\n"));
        Path cache = dir.resolve("v.qvec");
        v.writeCache(cache);
        byte[] bytes = Files.readAllBytes(cache);
        bytes[8] = 9;
        Files.write(cache, bytes);
        assertEquals(cache + ": cache version 9 is not supported, this build reads version 1",
                assertThrows(VectorsFormatException.class, () -> WordVectors.openCache(cache)).getMessage());
        Path notCache = Files.write(dir.resolve("x"), new byte[100]);
        assertEquals(notCache + ": not a Quarry vectors cache (no \"QVECTORS\" magic)",
                assertThrows(VectorsFormatException.class, () -> WordVectors.openCache(notCache)).getMessage());
    }
}
