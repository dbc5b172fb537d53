package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes writing one SQLite file: nothing lost, the file intact. (Two writers in one process, each with its
 * own connection, are in {@link DatabaseContract}, for both stores.)
 */
class TwoWritersIT {

    @TempDir
    Path temp;

    @Test
    void twoProcessesWritingOneFileLoseNoWrite() throws Exception {
        Path db = temp.resolve("quarry.db");
        Process a = Children.startImport(db, Children.writeTasks(temp.resolve("a.jsonl"), "a", 1000), "shared", 50,
                "a", temp.resolve("a.out"), temp.resolve("a.err"));
        Process b = Children.startImport(db, Children.writeTasks(temp.resolve("b.jsonl"), "b", 1000), "shared", 50,
                "b", temp.resolve("b.out"), temp.resolve("b.err"));
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS), "an importer hung");
        assertEquals(0, a.exitValue(), () -> read(temp.resolve("a.err")));
        assertEquals(0, b.exitValue(), () -> read(temp.resolve("b.err")));
        assertTrue(read(temp.resolve("a.out")).endsWith("DONE 1000\n"));
        assertTrue(read(temp.resolve("b.out")).endsWith("DONE 1000\n"));
        assertEveryTextStoredOnce(db, Set.of("a", "b"), 1000);
        Children.assertIntact(db);
    }

    private static void assertEveryTextStoredOnce(Path db, Set<String> writers, int perWriter) {
        List<String> texts;
        try (Database database = Database.open(db.toString()); Stream<Example> examples = database.examples("shared")) {
            texts = examples.map(e -> e.task().text().split(" ")[0] + " " + e.task().text().split(" ")[1]).toList();
        }
        assertEquals(writers.size() * (long) perWriter, texts.size());
        System.out.printf("%s: %d writes, the writer changed %d times%n", db, texts.size(), IntStream.range(1,
                texts.size()).filter(i -> texts.get(i).charAt(0) != texts.get(i - 1).charAt(0)).count());
        Set<String> stored = new HashSet<>(texts);
        for (String writer : writers) {
            for (int i = 0; i < perWriter; i++) {
                assertTrue(stored.contains(writer + " " + i), "lost " + writer + " " + i);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
