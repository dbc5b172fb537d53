package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Property tests over random streams, each from its own seed (printed in failure messages). */
class ReorderTest {

    private static final int SEEDS = 60;

    /** Task {@code i} of a random stream: text "t{i}", {@code hits} empty spans, and a score in meta. */
    private static Task task(int i, int hits, double score) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("text", "t" + i);
        for (int h = 0; h < hits; h++) {
            json.withArray("spans").addObject().put("start", 0).put("end", 1).put("label", "L");
        }
        json.putObject("meta").put("i", i).put("score", score);
        return Task.of(json);
    }

    private static List<Task> randomStream(Random random) {
        int size = random.nextInt(300);
        double hitRate = random.nextDouble();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int hits = random.nextDouble() < hitRate ? 1 + random.nextInt(4) : 0;
            tasks.add(task(i, hits, random.nextInt(11) / 10.0));
        }
        return tasks;
    }

    private static int index(Task task) {
        return task.meta().get("i").asInt();
    }

    private static List<Integer> drain(WindowedOrder order) {
        List<Integer> out = new ArrayList<>();
        order.forEachRemaining(t -> out.add(index(t)));
        return out;
    }

    /** The same rules written the slow, obvious way: a list scanned at every step. */
    private static List<Integer> reference(List<Task> input, ToDoubleFunction<Task> priority, int window,
                                           long maxWait) {
        record Held(int i, double p, long entered) {
        }
        List<Held> held = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        int read = 0;
        while (true) {
            while (held.size() < window && read < input.size()) {
                held.add(new Held(read, priority.applyAsDouble(input.get(read)), out.size()));
                read++;
            }
            if (held.isEmpty()) {
                return out;
            }
            Held chosen = out.size() - held.get(0).entered() >= maxWait ? held.get(0)
                    : held.stream().max(Comparator.comparingDouble(Held::p)
                            .thenComparing(Comparator.comparingInt(Held::i).reversed())).orElseThrow();
            held.remove(chosen);
            out.add(chosen.i());
        }
    }

    @Test
    void preferMatchesEmitsEveryTaskExactlyOnceAndFollowsTheDocumentedOrder() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<Task> input = randomStream(random);
            int window = 1 + random.nextInt(40);
            long maxWait = 1 + random.nextInt(200);
            WindowedOrder order = Reorder.preferMatches(TaskSource.of(input.iterator()), window, maxWait);
            List<Integer> out = drain(order);
            assertEquals(input.size(), out.size(), "seed " + seed);
            assertEquals(input.size(), new HashSet<>(out).size(), "seed " + seed + ": a task repeated");
            assertEquals(reference(input, t -> t.spans().size(), window, maxWait), out, "seed " + seed);
            assertTrue(order.maxHeld() <= window, "seed " + seed + ": held " + order.maxHeld() + " > " + window);
        }
    }

    @Test
    void withoutAnAgeBoundNoNonHitLeavesWhileAHitIsInTheWindow() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<Task> input = randomStream(random);
            int window = 1 + random.nextInt(40);
            WindowedOrder order = Reorder.preferMatches(TaskSource.of(input.iterator()), window, Long.MAX_VALUE);
            List<Integer> out = drain(order);
            assertEquals(0, order.emittedForAge(), "seed " + seed);
            for (int k = 0; k < out.size(); k++) {
                if (!input.get(out.get(k)).spans().isEmpty()) {
                    continue;
                }
                // task i enters the window at emission max(0, i - window + 1): it was there at emission k
                // iff i <= k + window - 1, so every hit emitted later must have arrived after that
                for (int later = k + 1; later < out.size(); later++) {
                    int i = out.get(later);
                    if (!input.get(i).spans().isEmpty()) {
                        assertTrue(i > k + window - 1, "seed " + seed + ": hit " + i + " waited behind a non-hit");
                    }
                }
            }
        }
    }

    @Test
    void noTaskWaitsLongerThanMaxWaitPlusTheWindow() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<Task> input = randomStream(random);
            int window = 1 + random.nextInt(30);
            long maxWait = 1 + random.nextInt(50);
            List<Integer> out = drain(Reorder.preferMatches(TaskSource.of(input.iterator()), window, maxWait));
            for (int k = 0; k < out.size(); k++) {
                int entered = Math.max(0, out.get(k) - window + 1);
                assertTrue(k - entered < maxWait + window, "seed " + seed + ": task " + out.get(k) + " waited "
                        + (k - entered));
            }
        }
    }

    @Test
    void theWindowNeverHoldsMoreThanItsSizeWhileStreaming() {
        Random random = new Random(7);
        List<Task> input = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            input.add(task(i, random.nextInt(3), 0.5));
        }
        WindowedOrder order = Reorder.preferMatches(TaskSource.of(input.iterator()), 64, 640);
        int seen = 0;
        while (order.hasNext()) {
            assertTrue(order.held() <= 64);
            order.next();
            seen++;
        }
        assertEquals(5000, seen);
        assertEquals(64, order.maxHeld());
    }

    @Test
    void uncertainFirstAndHighScoreFirstOrderByScoreAndDropNothing() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<Task> input = randomStream(random);
            int window = 1 + random.nextInt(40);
            ToDoubleFunction<Task> score = Scorers.field("meta.score");
            List<Integer> uncertain = drain(Reorder.uncertainFirst(TaskSource.of(input.iterator()), score, 0.5,
                    window, Long.MAX_VALUE));
            assertEquals(reference(input, t -> -Math.abs(score.applyAsDouble(t) - 0.5), window, Long.MAX_VALUE),
                    uncertain, "seed " + seed);
            List<Integer> high = drain(Reorder.highScoreFirst(TaskSource.of(input.iterator()), score, window, 50));
            assertEquals(reference(input, score, window, 50), high, "seed " + seed);
            assertEquals(input.size(), new HashSet<>(high).size());
        }
    }

    @Test
    void aWholeStreamInOneWindowIsSortedStably() {
        List<Task> input = List.of(task(0, 0, 0.75), task(1, 2, 0.25), task(2, 0, 0.5), task(3, 1, 0.45),
                task(4, 2, 0.2));
        assertEquals(List.of(1, 4, 3, 0, 2),
                drain(Reorder.preferMatches(TaskSource.of(input.iterator()), 10, Long.MAX_VALUE)));
        assertEquals(List.of(2, 3, 0, 1, 4), drain(Reorder.uncertainFirst(TaskSource.of(input.iterator()),
                Scorers.field("meta.score"), 0.5, 10, Long.MAX_VALUE)));
    }

    @Test
    void aMissingScoreNamesTheFieldAndTheTask() {
        WindowedOrder order = Reorder.highScoreFirst(TaskSource.of(List.of(Task.of("no score")).iterator()),
                Scorers.field("meta.score"), 4, 40);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, order::hasNext);
        assertEquals("\"meta.score\" must be a number, got nothing in the task \"no score\"", e.getMessage());
    }

    @Test
    void dedupKeepsTheFirstOfEachHashAndExcludeLeavesOutKnownHashes() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<Task> input = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                input.add(Task.of("text " + random.nextInt(50)));
            }
            FilteredSource dedup = TaskFilters.dedup(TaskSource.of(input.iterator()), HashKind.INPUT,
                    TaskHashes.DEFAULT);
            List<String> kept = new ArrayList<>();
            dedup.forEachRemaining(t -> kept.add(t.text()));
            assertEquals(input.stream().map(Task::text).distinct().toList(), kept, "seed " + seed);
            assertEquals(input.size() - kept.size(), dedup.dropped());

            Set<Long> known = new HashSet<>();
            for (int n = 0; n < 10; n++) {
                known.add(TaskHashes.DEFAULT.inputHash(Task.of("text " + n)));
            }
            List<String> left = new ArrayList<>();
            TaskFilters.exclude(TaskSource.of(input.iterator()), HashKind.INPUT, TaskHashes.DEFAULT, known::contains)
                    .forEachRemaining(t -> left.add(t.text()));
            assertEquals(input.stream().map(Task::text).filter(t -> Integer.parseInt(t.substring(5)) >= 10)
                    .toList(), left, "seed " + seed);
        }
    }

    @Test
    void dedupByTaskHashKeepsTheSameTextWithADifferentQuestion() {
        List<Task> input = List.of(task(0, 1, 0), task(0, 1, 0), task(0, 2, 0));
        List<Task> kept = new ArrayList<>();
        TaskFilters.dedup(TaskSource.of(input.iterator()), HashKind.TASK, TaskHashes.DEFAULT)
                .forEachRemaining(kept::add);
        assertEquals(2, kept.size());
        List<Task> byInput = new ArrayList<>();
        TaskFilters.dedup(TaskSource.of(input.iterator()), HashKind.INPUT, TaskHashes.DEFAULT)
                .forEachRemaining(byInput::add);
        assertEquals(1, byInput.size());
    }

    @Test
    void dropBelowIsExplicitAndCounted() {
        List<Task> input = List.of(task(0, 0, 0.1), task(1, 0, 0.6), task(2, 0, 0.3));
        FilteredSource kept = TaskFilters.dropBelow(TaskSource.of(input.iterator()), Scorers.field("meta.score"),
                0.3);
        List<Integer> out = new ArrayList<>();
        kept.forEachRemaining(t -> out.add(index(t)));
        assertEquals(List.of(1, 2), out);
        assertEquals(1, kept.dropped());
    }

    @Test
    void badWindowSettingsAreRejected() {
        TaskSource empty = TaskSource.of(List.<Task>of().iterator());
        assertEquals("window must be at least 1 task, got 0", assertThrows(IllegalArgumentException.class,
                () -> Reorder.preferMatches(empty, 0, 10)).getMessage());
        assertEquals("maxWait must be at least 1 emission, got 0", assertThrows(IllegalArgumentException.class,
                () -> Reorder.preferMatches(empty, 1, 0)).getMessage());
    }
}
