package dev.quarry.streams;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * {@code find-with-terms}, after Prodigy's {@code find_with_terms(stream, seeds, at_least, at_most, give_up_after)}:
 * passes on the tasks with at least one term hit (a <em>find</em>) and leaves out the others (a <em>miss</em>,
 * counted), until one of these ends the search:
 * <ul>
 *   <li>{@link Outcome#FOUND_AT_MOST}: {@code atMost} finds were passed on;</li>
 *   <li>{@link Outcome#GAVE_UP}: {@code giveUpAfter} misses in a row while fewer than {@code atLeast} finds were
 *       made (once {@code atLeast} are found, misses no longer end the search);</li>
 *   <li>{@link Outcome#SOURCE_ENDED}: the source ran out.</li>
 * </ul>
 * After the search ends, {@link Then#STOP} ends the stream there (Prodigy's behaviour) and {@link Then#REST} passes on
 * every remaining task, unread so far, in order, hits or not; misses left out during the search stay left out.
 * Hits are counted by a function, usually the number of pattern spans. Memory O(1). Not thread-safe.
 */
public final class FindWithTerms implements TaskSource {

    /** What ended the search, or that it goes on. */
    public enum Outcome { SEARCHING, FOUND_AT_MOST, GAVE_UP, SOURCE_ENDED }

    /** What follows the search. */
    public enum Then { STOP, REST }

    private final TaskSource upstream;
    private final ToIntFunction<Task> hits;
    private final long atLeast;
    private final long atMost;
    private final long giveUpAfter;
    private final Then then;
    private Outcome outcome = Outcome.SEARCHING;
    private long found;
    private long missed;
    private long missesInARow;
    private Task next;

    /**
     * @throws IllegalArgumentException unless {@code 0 <= atLeast <= atMost} and {@code giveUpAfter >= 1}
     */
    public FindWithTerms(TaskSource upstream, ToIntFunction<Task> hits, long atLeast, long atMost, long giveUpAfter,
                         Then then) {
        if (atLeast < 0 || atMost < atLeast) {
            throw new IllegalArgumentException("need 0 <= at least <= at most, got at least " + atLeast
                    + " and at most " + atMost);
        }
        if (giveUpAfter < 1) {
            throw new IllegalArgumentException("give up after must be at least 1 task, got " + giveUpAfter);
        }
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.hits = Objects.requireNonNull(hits, "hits");
        this.atLeast = atLeast;
        this.atMost = atMost;
        this.giveUpAfter = giveUpAfter;
        this.then = Objects.requireNonNull(then, "then");
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (outcome != Outcome.SEARCHING) {
            return then == Then.REST && upstream.hasNext();
        }
        search();
        return next != null || hasNext();
    }

    private void search() {
        while (outcome == Outcome.SEARCHING) {
            if (found >= atMost) {
                outcome = Outcome.FOUND_AT_MOST;
            } else if (missesInARow >= giveUpAfter && found < atLeast) {
                outcome = Outcome.GAVE_UP;
            } else if (!upstream.hasNext()) {
                outcome = Outcome.SOURCE_ENDED;
            } else {
                Task task = upstream.next();
                if (hits.applyAsInt(task) > 0) {
                    found++;
                    missesInARow = 0;
                    next = task;
                    return;
                }
                missed++;
                missesInARow++;
            }
        }
    }

    @Override
    public Task next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more tasks");
        }
        if (next == null) {
            return upstream.next();
        }
        Task task = next;
        next = null;
        return task;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Tasks with hits passed on during the search. */
    public long found() {
        return found;
    }

    /** Tasks without hits left out during the search. */
    public long missed() {
        return missed;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
