package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of an import loses no reported batch and leaves no half batch. */
class ImportCrashIT {

    private static final int TASKS = 100_000;
    private static final int BATCH = 1000;

    @TempDir
    Path temp;

    @Test
    void killedImportKeepsEveryReportedBatchAndNoHalfBatch() throws Exception {
        long t0 = System.nanoTime();
        Path file = Children.writeTasks(temp.resolve("big.jsonl"), "task", TASKS);
        Path db = temp.resolve("quarry.db");
        Path stdout = temp.resolve("child.out");
        Path stderr = temp.resolve("child.err");
        Process child = Children.startImport(db, file, "big", BATCH, "crash", stdout, stderr);
        long[] firstSeenNanos = new long[4];
        for (int seen = 0; seen < 3 && child.isAlive(); ) {
            Thread.sleep(1);
            int now = reports(stdout).size();
            for (int k = seen + 1; k <= Math.min(now, 3); k++) {
                firstSeenNanos[k] = System.nanoTime();
            }
            seen = now;
        }
        // Kill in the middle of the next batch, half a batch time after the third report, so that the kill lands
        // inside a transaction (reading the next tasks takes a small part of a batch's time).
        long batchNanos = firstSeenNanos[3] - firstSeenNanos[2];
        TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000, batchNanos / 2));
        long t1 = System.nanoTime();
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        assertEquals(137, child.exitValue(), () -> "not killed by SIGKILL: " + read(stderr));
        assertFalse(read(stdout).contains("DONE"), "the import finished before it was killed; make the input bigger");
        List<Long> reported = reports(stdout);
        assertTrue(reported.size() >= 3, () -> "too few batches reported: " + reported + " " + read(stderr));

        long stored = checkStoredPrefix(db, reported.get(reported.size() - 1));
        Children.assertIntact(db);
        System.out.printf("killed after %d reported batches; %d examples stored; %d ms to kill, %d ms total%n",
                reported.size(), stored, (t1 - t0) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Checks the stored examples are exactly the first k whole batches, k at least the reported ones. */
    private static long checkStoredPrefix(Path db, long reported) {
        try (Database database = Database.open(db.toString())) {
            List<String> texts;
            try (Stream<Example> examples = database.examples("big")) {
                texts = examples.map(e -> e.task().text()).toList();
            }
            assertTrue(texts.size() >= reported, "lost a reported batch: " + texts.size() + " < " + reported);
            assertEquals(0, texts.size() % BATCH, "a half batch was stored: " + texts.size());
            for (int i = 0; i < texts.size(); i++) {
                assertTrue(texts.get(i).startsWith("task " + i + " "), texts.get(i));
            }
            database.add(database.startSession("big", "after"), DatabaseContract.answered(1));
            assertTrue(database.hasInputHash("big", TaskHashes.DEFAULT.inputHash(Task.of("text 0"))));
            return texts.size();
        }
    }

    /** The totals of the COMMITTED lines printed so far (a last line may be incomplete and is left out). */
    private static List<Long> reports(Path stdout) {
        List<Long> totals = new ArrayList<>();
        String out = read(stdout);
        for (String line : out.substring(0, out.lastIndexOf('\n') + 1).lines().toList()) {
            String[] parts = line.split(" ");
            assertEquals("COMMITTED", parts[0], line);
            totals.add(Long.parseLong(parts[2]));
        }
        return totals;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
