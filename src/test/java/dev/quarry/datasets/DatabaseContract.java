package dev.quarry.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import dev.quarry.streams.TaskReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store must have, run against SQLite ({@link SqliteDatabaseIT}) and a real PostgreSQL server
 * ({@link PostgresDatabaseIT}).
 */
abstract class DatabaseContract {

    static final Instant START = Instant.parse("2026-11-20T23:50:12Z");

    final TestClock clock = new TestClock(START);
    String location;
    Database db;

    /** A location of a new, empty database. */
    abstract String freshLocation() throws Exception;

    @BeforeEach
    void openFreshDatabase() throws Exception {
        location = freshLocation();
        db = Database.open(location, clock);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void importThenExportGivesBackProdigyLinesUnchanged() throws IOException {
        List<String> lines = prodigyLines();
        db.createDataset("news");
        ImportResult result = db.add(db.startSession("news", "import"), readTasks());
        assertEquals(lines.size(), result.examples());
        assertEquals(0, result.hashesAdded());
        try (Stream<Example> examples = db.examples("news")) {
            assertEquals(lines, examples.map(e -> e.task().toJson()).toList());
        }
    }

    @Test
    void storedExamplesCarryTheirHashesAnswerSessionAndTime() throws IOException {
        db.createDataset("news");
        clock.advance(Duration.ofSeconds(5));
        db.add(db.startSession("news", null), readTasks());
        try (Stream<Example> examples = db.examples("news")) {
            Example first = examples.findFirst().orElseThrow();
            assertEquals(-1470183472L, first.inputHash());
            assertEquals(1854399124L, first.taskHash());
            assertEquals(Answer.ACCEPT, first.answer());
            assertEquals("2026-11-20_23-50-17", first.session());
            assertEquals(START.plusSeconds(5), first.created());
            assertEquals("news", first.dataset());
        }
    }

    @Test
    void missingHashesAreAddedWithTheContractValues() {
        db.createDataset("d");
        Task bare = Task.parse("{\"text\":\"Apple bought a startup\",\"answer\":\"accept\"}");
        ImportResult result = db.add(db.startSession("d", "s"), List.of(bare));
        assertEquals(1, result.hashesAdded());
        try (Stream<Example> examples = db.examples("d")) {
            Example example = examples.findFirst().orElseThrow();
            assertEquals(4772176238239877L, example.inputHash());
            assertEquals(TaskHashes.DEFAULT.taskHash(bare), example.taskHash());
            assertEquals("{\"text\":\"Apple bought a startup\",\"answer\":\"accept\",\"_input_hash\":4772176238239877,"
                    + "\"_task_hash\":228349264220243}", example.task().toJson());
        }
    }

    @Test
    void everyDecisionIsKeptAndLatestGivesTheNewestPerTaskHash() {
        db.createDataset("d");
        Task question = Task.parse("{\"text\":\"Is this spam?\",\"label\":\"SPAM\"}");
        Task other = Task.parse("{\"text\":\"Is this spam?\",\"label\":\"HAM\"}");
        db.add(db.startSession("d", "monday"), List.of(question.withAnswer(Answer.ACCEPT), other.withAnswer(Answer.ACCEPT)));
        db.add(db.startSession("d", "tuesday"), List.of(question.withAnswer(Answer.REJECT)));
        try (Stream<Example> all = db.examples("d")) {
            assertEquals(List.of("accept", "accept", "reject"), all.map(e -> e.answer().json()).toList());
        }
        try (Stream<Example> latest = db.latest("d")) {
            assertEquals(List.of("HAM accept", "SPAM reject"),
                    latest.map(e -> e.task().label().orElseThrow() + " " + e.answer().json()).sorted().toList());
        }
    }

    @Test
    void eachBatchIsReportedOnlyAfterItIsCommitted() {
        db.createDataset("d");
        List<Long> visibleElsewhere = new ArrayList<>();
        List<CommittedBatch> reported = new ArrayList<>();
        try (Database other = Database.open(location, clock)) {
            ImportResult result = db.add(db.startSession("d", "s"), answered(7).iterator(), 3, batch -> {
                reported.add(batch);
                visibleElsewhere.add(other.datasets().get(0).examples());
            });
            assertEquals(3, result.batches());
        }
        assertEquals(List.of(new CommittedBatch(1, 3, 3, 0), new CommittedBatch(2, 3, 6, 3),
                new CommittedBatch(3, 1, 7, 6)), reported);
        assertEquals(List.of(3L, 6L, 7L), visibleElsewhere);
    }

    @Test
    void aTaskWithoutAnswerStopsTheImportAndKeepsEarlierBatches() {
        db.createDataset("d");
        List<Task> tasks = new ArrayList<>(answered(5));
        tasks.set(3, Task.of("no answer here"));
        Session session = db.startSession("d", "s");
        DatasetException e = assertThrows(DatasetException.class,
                () -> db.add(session, tasks.iterator(), 2, batch -> { }));
        assertEquals("task 4 of the input has no \"answer\": an example must be answered accept, reject or ignore",
                e.getMessage());
        try (Stream<Example> examples = db.examples("d")) {
            assertEquals(List.of("text 0", "text 1"), examples.map(x -> x.task().text()).toList());
        }
    }

    @Test
    void unknownDatasetErrorListsTheDatasetsThatExist() {
        assertEquals("unknown dataset \"ner\" in " + db.location() + "; it has no datasets yet",
                assertThrows(DatasetException.class, () -> db.examples("ner")).getMessage());
        db.createDataset("textcat");
        db.createDataset("ner_news");
        db.createDataset("Zeta");
        String expected = "unknown dataset \"ner\" in " + db.location() + "; its datasets are: Zeta, ner_news, textcat";
        assertEquals(expected, assertThrows(DatasetException.class, () -> db.latest("ner")).getMessage());
        assertEquals(expected, assertThrows(DatasetException.class, () -> db.stats("ner")).getMessage());
        assertEquals(expected, assertThrows(DatasetException.class, () -> db.drop("ner")).getMessage());
        assertEquals(expected, assertThrows(DatasetException.class, () -> db.hasInputHash("ner", 1)).getMessage());
        assertEquals(expected, assertThrows(DatasetException.class, () -> db.startSession("ner", null)).getMessage());
    }

    @Test
    void datasetsAreCreatedOnceAndListedByNameWithCounts() {
        assertTrue(db.createDataset("b"));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(db.createDataset("a"));
        assertFalse(db.createDataset("b"));
        db.add(db.startSession("b", "s"), answered(2));
        assertEquals(List.of(new DatasetInfo("a", START.plusSeconds(60), 0), new DatasetInfo("b", START, 2)),
                db.datasets());
    }

    @Test
    void dropRemovesTheDatasetWithItsExamplesAndLeavesOthers() {
        db.createDataset("gone");
        db.createDataset("kept");
        db.add(db.startSession("gone", "s"), answered(3));
        db.add(db.startSession("kept", "s"), answered(2));
        assertEquals(3, db.drop("gone"));
        assertEquals(List.of("kept"), db.datasets().stream().map(DatasetInfo::name).toList());
        assertTrue(db.createDataset("gone"));
        try (Stream<Example> examples = db.examples("gone")) {
            assertEquals(0, examples.count());
        }
    }

    @Test
    void statsCountByAnswerLabelAndSession() throws IOException {
        db.createDataset("news");
        db.add(db.startSession("news", "alex"), readTasks());
        Task again = Task.parse(prodigyLines().get(1)).withAnswer(Answer.ACCEPT);
        db.add(db.startSession("news", "sam"), List.of(again));
        DatasetStats stats = db.stats("news");
        assertEquals(6, stats.examples());
        assertEquals(5, stats.tasks());
        assertEquals(5, stats.inputs());
        assertEquals(Map.of(Answer.ACCEPT, 4L, Answer.REJECT, 1L, Answer.IGNORE, 1L), stats.byAnswer());
        assertEquals(Map.of("FOOD", 2L, "GPE", 1L, "ORG", 1L, "SUPPORT", 1L), stats.byLabel());
        assertEquals(Map.of("alex", 5L, "sam", 1L), stats.bySession());
    }

    @Test
    void hashLookupsFindWhatWasStoredForExclusion() {
        db.createDataset("d");
        db.add(db.startSession("d", "s"), List.of(Task.parse(
                "{\"text\":\"x\",\"answer\":\"accept\",\"_input_hash\":11,\"_task_hash\":22}")));
        assertTrue(db.hasInputHash("d", 11));
        assertTrue(db.hasTaskHash("d", 22));
        assertFalse(db.hasInputHash("d", 22));
        assertFalse(db.hasTaskHash("d", 11));
    }

    @Test
    void mergeCombinesEntitiesAndCategoriesOnTheSameInput() {
        db.createDataset("ner");
        db.createDataset("cats");
        Task text = Task.parse("{\"text\":\"Apple hires in Berlin\",\"meta\":{\"id\":3}}");
        Task org = text.with("spans", Task.parse("{\"text\":\"s\",\"s\":[{\"start\":0,\"end\":5,\"label\":\"ORG\"}]}")
                .get("s"));
        Task gpe = text.with("spans", Task.parse(
                "{\"text\":\"s\",\"s\":[{\"start\":15,\"end\":21,\"label\":\"GPE\"},{\"start\":0,\"end\":5,\"label\":\"ORG\"}]}")
                .get("s"));
        db.add(db.startSession("ner", "s"), List.of(org.withAnswer(Answer.ACCEPT), gpe.withAnswer(Answer.ACCEPT),
                Task.of("Only rejected").with("label", JsonNodeFactory.instance.textNode("X"))
                        .withAnswer(Answer.IGNORE)));
        Task jobs = text.with("label", JsonNodeFactory.instance.textNode("JOBS"));
        Task sport = text.with("label", JsonNodeFactory.instance.textNode("SPORT"));
        db.add(db.startSession("cats", "s"), List.of(jobs.withAnswer(Answer.ACCEPT), sport.withAnswer(Answer.REJECT)));

        ImportResult result = db.merge(List.of("ner", "cats"), "joint", 10);
        assertEquals(1, result.examples());
        try (Stream<Example> merged = db.examples("joint")) {
            Task task = merged.findFirst().orElseThrow().task();
            String expectedPrefix = "{\"text\":\"Apple hires in Berlin\",\"meta\":{\"id\":3},\"spans\":[{\"start\":0,"
                    + "\"end\":5,\"label\":\"ORG\"},{\"start\":15,\"end\":21,\"label\":\"GPE\"}],\"cats\":{\"JOBS\":1.0,"
                    + "\"SPORT\":0.0},\"answer\":\"accept\",\"_input_hash\":" + TaskHashes.DEFAULT.inputHash(text)
                    + ",\"_task_hash\":";
            assertTrue(task.toJson().startsWith(expectedPrefix), task.toJson());
        }
        assertEquals("the merge output \"ner\" must not be one of its inputs [ner, cats]",
                assertThrows(DatasetException.class, () -> db.merge(List.of("ner", "cats"), "ner", 10)).getMessage());
    }

    @Test
    void dataSurvivesClosingAndReopening() {
        db.createDataset("d");
        db.add(db.startSession("d", "s"), answered(4));
        db.close();
        db = Database.open(location, clock);
        try (Stream<Example> examples = db.latest("d")) {
            assertEquals(4, examples.count());
        }
    }

    @Test
    void namesAreChecked() {
        assertEquals("dataset name must be 1 to 200 characters without control characters or surrounding spaces,"
                + " got \" padded\"", assertThrows(DatasetException.class, () -> db.createDataset(" padded")).getMessage());
        db.createDataset("d");
        assertEquals("session name must be 1 to 200 characters without control characters or surrounding spaces,"
                + " got \"\"", assertThrows(DatasetException.class, () -> db.startSession("d", "")).getMessage());
    }

    @Test
    void aNamedSessionIsResumedNotDuplicated() {
        db.createDataset("d");
        Session first = db.startSession("d", "alex");
        clock.advance(Duration.ofHours(1));
        Session again = db.startSession("d", "alex");
        assertEquals(first, again);
    }

    @Test
    void twoWritersWithTheirOwnConnectionsLoseNoWrite() throws Exception {
        db.createDataset("shared");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ImportResult>> writers = new ArrayList<>();
            for (String writer : List.of("a", "b")) {
                writers.add(pool.submit(() -> {
                    try (Database own = Database.open(location, clock)) {
                        List<Task> tasks = IntStream.range(0, 500)
                                .mapToObj(i -> Task.of(writer + " " + i).withAnswer(Answer.ACCEPT)).toList();
                        return own.add(own.startSession("shared", writer), tasks.iterator(), 20, batch -> { });
                    }
                }));
            }
            for (Future<ImportResult> writer : writers) {
                assertEquals(25, writer.get(60, TimeUnit.SECONDS).batches());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Example> examples = db.examples("shared")) {
            assertEquals(IntStream.range(0, 500).boxed().flatMap(i -> Stream.of("a " + i, "b " + i)).sorted().toList(),
                    examples.map(e -> e.task().text()).sorted().toList());
        }
        assertEquals(Map.of("a", 500L, "b", 500L), db.stats("shared").bySession());
    }

    static List<Task> answered(int n) {
        return IntStream.range(0, n).mapToObj(i -> Task.of("text " + i).withAnswer(Answer.ACCEPT)).toList();
    }

    static List<String> prodigyLines() throws IOException {
        try (InputStream in = DatabaseContract.class.getResourceAsStream("prodigy.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static List<Task> readTasks() {
        InputStream in = DatabaseContract.class.getResourceAsStream("prodigy.jsonl");
        try (TaskReader reader = TaskReader.strict(new InputStreamReader(in, StandardCharsets.UTF_8), "prodigy.jsonl")) {
            return reader.stream().toList();
        }
    }
}
