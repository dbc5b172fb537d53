package dev.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.datasets.Database;
import dev.quarry.datasets.ImportResult;
import dev.quarry.datasets.Session;
import dev.quarry.matching.Matcher;
import dev.quarry.streams.Task;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code quarry match --dataset}: each text with its matches becomes a silver example ({@code "_silver": true},
 * answer accept, Prodigy's {@code "tokens"} included), added to the dataset in batches of {@code --batch-size}, each
 * batch one transaction. Texts without matches are stored too: silver data is complete, so they say "no entity
 * here" as the patterns see it.
 */
final class SilverMatches {

    private final MatchCommand command;
    private final Matcher matcher;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Task> batch = new ArrayList<>();
    private long saved;
    private long batches;
    private long spans;

    SilverMatches(MatchCommand command, Matcher matcher) {
        this.command = command;
        this.matcher = matcher;
    }

    int store() throws IOException {
        try (Database database = command.db.open(); Writer copy = command.io.output == null ? null : command.io.openOutput();
             Progress progress = new Progress(command.spec.commandLine().getErr(), "texts")) {
            database.createDataset(command.dataset);
            Session session = database.startSession(command.dataset, command.session);
            InputRecords reader = command.io.records(json);
            try {
                for (String input : command.inputs) {
                    reader.read(input, command.main.in, record -> {
                        add(database, session, command.annotate(matcher, record), copy);
                        progress.add(1, record.text().length());
                    });
                }
                flush(database, session);
            } catch (RuntimeException e) {
                throw UserException.invalidInput(Main.describe(e) + "\n" + String.format(Locale.ROOT,
                        "%,d texts in %d batches were saved before the error", saved, batches));
            }
            command.spec.commandLine().getOut().printf(Locale.ROOT,
                    "saved %,d silver examples with %,d matches into \"%s\" (session %s, %d batch%s)%n", saved, spans,
                    command.dataset, session.name(), batches, batches == 1 ? "" : "es");
        }
        command.io.finish();
        return ExitCodes.OK;
    }

    private void add(Database database, Session session, ObjectNode task, Writer copy) throws IOException {
        task.put("_silver", true);
        task.put("answer", "accept");
        if (copy != null) {
            copy.write(json.writeValueAsString(task) + "\n");
        }
        spans += task.path("spans").size();
        batch.add(Task.of(task));
        if (batch.size() >= command.batchSize) {
            flush(database, session);
        }
    }

    private void flush(Database database, Session session) {
        if (batch.isEmpty()) {
            return;
        }
        ImportResult result = database.add(session, List.copyOf(batch));
        saved += result.examples();
        batches++;
        batch.clear();
    }
}
