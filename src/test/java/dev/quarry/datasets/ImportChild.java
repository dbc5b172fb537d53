package dev.quarry.datasets;

import dev.quarry.streams.TaskReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The importing process of {@link ImportCrashIT} and {@link TwoWritersIT}, run in a child JVM: imports a JSONL file
 * into a dataset the way {@code quarry db-in} does, printing {@code COMMITTED <batch> <total>} after each commit and
 * {@code DONE <examples>} at the end.
 *
 * <p>Arguments: database, file, dataset, batch size, session name.
 */
public final class ImportChild {

    private ImportChild() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        try (Database database = Database.open(args[0]);
             TaskReader tasks = TaskReader.strict(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                     file.toString())) {
            database.createDataset(args[2]);
            Session session = database.startSession(args[2], args[4]);
            ImportResult result = database.add(session, tasks, Integer.parseInt(args[3]), batch -> {
                System.out.println("COMMITTED " + batch.number() + " " + batch.total());
                System.out.flush();
            });
            System.out.println("DONE " + result.examples());
        }
    }
}
