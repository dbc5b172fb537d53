package dev.quarry.service;

import dev.quarry.streams.HashKind;
import dev.quarry.streams.Reorder;
import dev.quarry.streams.Sources;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskFilters;
import dev.quarry.streams.TaskHashes;
import dev.quarry.streams.TaskSource;
import dev.quarry.streams.TaskStages;
import dev.quarry.streams.WindowedOrder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The questions of the annotation app, read lazily from the corpus in three steps: each text gets the suggestions of
 * now ({@link Suggestions}) and enters a look-ahead window ({@link WindowedOrder}) that puts pattern hits first (with
 * a model: pattern hits, then the most uncertain predictions, {@link Suggestions#priority}); the text leaving the
 * window is shaped into its question(s) for the mode ({@link AnnotationTasks}), hashed, and left out if answered or
 * repeated.
 *
 * <p>{@link #reorder} (after the model changed) takes back the texts in the window, not yet shaped or served, and
 * lets them enter a new window first, suggested again and ranked by the new model: no text is dropped or repeated.
 * Questions already shaped from a text that left the window stay as they are.
 *
 * <p>Not thread-safe: the {@link AnnotationQueue} that owns it calls it under its lock.
 */
final class AnnotationStream implements TaskSource {
    /* Texts answered are left out before the window too when tasks are keyed by input hash (manual, choice), so the
       window holds only open texts; in binary mode the key is the question's, known only after shaping. */

    private final AnnotateOptions options;
    private final Suggestions suggestions;
    private final Set<String> labels;
    private final TaskSource corpus;
    private final Deque<Task> replay = new ArrayDeque<>();
    private final TaskSource downstream;
    private boolean paused;
    private WindowedOrder window;

    private AnnotationStream(AnnotateOptions options, List<String> labels, Suggestions suggestions,
                             TaskSource corpus, LongPredicate answered) {
        this.options = options;
        this.suggestions = suggestions;
        this.labels = Set.copyOf(labels);
        this.corpus = corpus;
        this.window = newWindow();
        TaskSource current = new TaskSource() {
            @Override
            public boolean hasNext() {
                return window.hasNext();
            }

            @Override
            public Task next() {
                return window.next();
            }

            @Override
            public void close() {
                // the corpus is closed by the stream itself
            }
        };
        HashKind kind = AnnotationTasks.keyKind(options.mode());
        TaskSource stage = AnnotationTasks.shaped(current, options, labels, suggestions::matcher);
        stage = TaskStages.hashed(stage, TaskHashes.DEFAULT);
        stage = TaskFilters.exclude(stage, kind, TaskHashes.DEFAULT, answered);
        this.downstream = TaskFilters.dedup(stage, kind, TaskHashes.DEFAULT);
    }

    /**
     * Opens the corpus. {@code answered} is asked about each task's key before it is handed on.
     *
     * @throws IOException if the corpus cannot be opened
     */
    static AnnotationStream open(AnnotateOptions options, List<String> labels, Suggestions suggestions,
                                 LongPredicate answered) throws IOException {
        TaskSource corpus = Sources.open(options.source(), options.sourceOptions());
        if (AnnotationTasks.keyKind(options.mode()) == HashKind.INPUT) {
            corpus = TaskFilters.exclude(TaskStages.hashed(corpus, TaskHashes.DEFAULT), HashKind.INPUT,
                    TaskHashes.DEFAULT, answered);
        }
        return new AnnotationStream(options, labels, suggestions, corpus, answered);
    }

    private WindowedOrder newWindow() {
        TaskSource gate = new TaskSource() {
            @Override
            public boolean hasNext() {
                return !paused && (!replay.isEmpty() || corpus.hasNext());
            }

            @Override
            public Task next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return replay.isEmpty() ? corpus.next() : replay.pollFirst();
            }

            @Override
            public void close() {
                // the corpus outlives each window
            }
        };
        TaskSource suggested = TaskStages.map(gate,
                task -> AnnotationTasks.onlyLabels(suggestions.suggest(task), labels));
        long maxWait = Reorder.defaultMaxWait(options.window());
        return suggestions.withModel()
                ? Reorder.highScoreFirst(suggested, task -> Suggestions.priority(task, labels), options.window(),
                        maxWait)
                : Reorder.preferMatches(suggested, options.window(), maxWait);
    }

    /**
     * Takes back the texts waiting in the window and lets them enter a new window (suggested and ranked again) before
     * the rest of the corpus, in the order the old window would have given them. Returns how many were taken back.
     */
    int reorder() {
        paused = true;
        List<Task> held = new ArrayList<>();
        try {
            while (window.hasNext()) {
                held.add(window.next());
            }
        } finally {
            paused = false;
        }
        for (int i = held.size() - 1; i >= 0; i--) {
            replay.addFirst(held.get(i));
        }
        window = newWindow();
        return held.size();
    }

    @Override
    public boolean hasNext() {
        return downstream.hasNext();
    }

    @Override
    public Task next() {
        return downstream.next();
    }

    /** Closes the corpus. */
    @Override
    public void close() {
        corpus.close();
    }
}
