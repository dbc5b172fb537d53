package dev.quarry.service;

import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.datasets.Session;
import dev.quarry.matching.Matcher;
import dev.quarry.streams.Answer;
import dev.quarry.streams.HashKind;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * The annotation app's state: which task each session is looking at, what has been answered, and the rest of the
 * stream. Every answer is added to the dataset (one {@link Database#add} per answer, committed before the method
 * returns) before anything here changes, so a failed write leaves the queue as it was.
 *
 * <ul>
 *   <li><b>Keys.</b> A task is known by its {@code _task_hash} in binary mode, else its {@code _input_hash}; a key
 *       answered in the dataset (by anyone, in any run) is never handed out again.</li>
 *   <li><b>Reservations.</b> A task handed to a session is reserved for it until answered or until the reservation
 *       times out ({@link AnnotateOptions#reservation}, counted from the session's last request for it); then it
 *       goes back to the front of the queue for whoever asks next. Asking again (a page refresh) gives the same
 *       task back.</li>
 *   <li><b>Undo.</b> The store is append-only, so undo appends: a copy of the withdrawn example with
 *       {@code "answer": "ignore"} and {@code "_undo": true}, same hashes, so the newest answer per task hash (what
 *       training reads) is an ignore; the task is then reserved for the session again, first in line. A session
 *       can undo its answers of this server's run, newest first, up to {@value #UNDO_DEPTH}.</li>
 *   <li><b>Restarts.</b> Opening reads the dataset once: a key is answered when its newest example is not an
 *       undo. 16 to 32 bytes per answered key are held.</li>
 * </ul>
 *
 * <p>Thread-safe: every method takes this object's lock, database writes included (an answer is a few
 * milliseconds; annotators are not that fast).
 */
final class AnnotationQueue implements AutoCloseable {
    /* The state machine of a key: in the stream -> reserved(session) -> answered; reserved -> returned (timed out)
       -> reserved(any session); answered -> reserved(same session) by undo. The maps below hold exactly the
       reserved and returned keys; `answered` the answered ones. */

    static final int UNDO_DEPTH = 100;
    private static final java.util.regex.Pattern SESSION_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    /** A task as handed out; {@code previous} is the withdrawn answer when the task comes back by undo, else null. */
    record Served(long key, Task task, Task previous) {
    }

    /** What {@code /v1/annotate/progress} reports; {@code left} is known once the whole stream has been read. */
    record Progress(long answered, long sessionAnswered, OptionalLong left, int reserved) {
    }

    private static final class Reservation {
        final Served served;
        String session;
        Instant at;

        Reservation(Served served, String session, Instant at) {
            this.served = served;
            this.session = session;
            this.at = at;
        }
    }

    private record Answered(Served served, Task stored) {
    }

    private static final class SessionState {
        final Session stored;
        final Deque<Reservation> pending = new ArrayDeque<>();
        final Deque<Answered> history = new ArrayDeque<>();
        final Set<Long> timedOut = new HashSet<>();

        SessionState(Session stored) {
            this.stored = stored;
        }
    }

    private final AnnotateOptions options;
    private final List<String> labels;
    private final Database database;
    private final Clock clock;
    private final HashKind kind;
    private final LongHashSet answered = new LongHashSet();
    private final Map<String, Long> answeredBySession = new HashMap<>();
    private final Map<Long, Reservation> reserved = new HashMap<>();
    private final Deque<Reservation> returned = new ArrayDeque<>();
    private final Map<String, SessionState> sessions = new HashMap<>();
    private AnnotationStream upstream;
    private boolean exhausted;
    private Runnable onAnswer = () -> { };

    private AnnotationQueue(AnnotateOptions options, List<String> labels, Database database, Clock clock) {
        this.options = options;
        this.labels = labels;
        this.database = database;
        this.clock = clock;
        this.kind = AnnotationTasks.keyKind(options.mode());
    }

    /**
     * Creates the dataset if missing, reads what it holds, and opens the corpus.
     *
     * @param suggestions what each task is given to correct (the served patterns and model, asked per task)
     * @param modelLabels the NER labels of the model the app starts with (empty without one)
     * @throws IOException              if the corpus cannot be opened
     * @throws IllegalArgumentException if ner has no labels, given or from the patterns or the model
     */
    static AnnotationQueue open(AnnotateOptions options, Database database, Suggestions suggestions,
                                List<String> modelLabels, Clock clock) throws IOException {
        List<String> labels = options.labels().isEmpty() ? labels(suggestions.matcher(), modelLabels)
                : options.labels();
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("ner needs labels: give --label, or --patterns with labelled patterns, "
                    + "or --model with an NER");
        }
        AnnotationQueue queue = new AnnotationQueue(options, labels, database, clock);
        database.createDataset(options.dataset());
        queue.load();
        queue.upstream = AnnotationStream.open(options, labels, suggestions, queue::isAnswered);
        return queue;
    }

    /** The labels of the patterns and of the model, sorted. */
    private static List<String> labels(Matcher matcher, List<String> modelLabels) {
        return Stream.concat(java.util.stream.IntStream.range(0, matcher.size()).mapToObj(matcher::label),
                modelLabels.stream()).distinct().sorted().toList();
    }

    /** {@code listener} runs after each answer is stored, under this queue's lock: it must return at once. */
    synchronized void onAnswer(Runnable listener) {
        onAnswer = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * The model changed: the tasks read ahead but not handed out yet are suggested and ranked again by it. Returns
     * how many were.
     */
    synchronized int modelChanged() {
        return upstream.reorder();
    }

    private void load() {
        try (Stream<Example> examples = database.examples(options.dataset())) {
            examples.forEach(example -> {
                long key = kind == HashKind.INPUT ? example.inputHash() : example.taskHash();
                long step = isUndo(example.task()) ? -1 : 1;
                if (step < 0) {
                    answered.remove(key);
                } else {
                    answered.add(key);
                }
                answeredBySession.merge(example.session(), step, Long::sum);
            });
        }
    }

    private static boolean isUndo(Task task) {
        return task.has("_undo") && task.get("_undo").asBoolean(false);
    }

    List<String> labels() {
        return labels;
    }

    AnnotateOptions options() {
        return options;
    }

    private boolean isAnswered(long key) {
        return answered.contains(key);
    }

    /**
     * The task the session should answer now: the one it already holds (its reservation starts again), else the
     * next free one; null when none is left for it (the stream is read and the rest is reserved by others, or all
     * is answered).
     *
     * @throws ApiException {@link ErrorCode#INVALID_SESSION} for a bad name
     */
    synchronized Served next(String session) {
        checkName(session);
        SessionState state = sessions.get(session);
        if (state == null) {
            state = new SessionState(database.startSession(options.dataset(), session));
            sessions.put(session, state);
        }
        expire();
        Reservation held = state.pending.peekFirst();
        if (held != null) {
            held.at = clock.instant();
            return held.served;
        }
        Reservation taken = take(session);
        if (taken != null) {
            state.pending.addLast(taken);
        }
        return taken == null ? null : taken.served;
    }

    private Reservation take(String session) {
        Reservation reservation = returned.pollFirst();
        if (reservation == null) {
            Served served = pull();
            if (served == null) {
                return null;
            }
            reservation = new Reservation(served, session, clock.instant());
        } else {
            reservation.session = session;
            reservation.at = clock.instant();
        }
        reserved.put(reservation.served.key(), reservation);
        return reservation;
    }

    private Served pull() {
        while (upstream.hasNext()) {
            Task task = upstream.next();
            long key = kind.of(task, TaskHashes.DEFAULT);
            if (!answered.contains(key) && !reserved.containsKey(key)) {
                return new Served(key, task, null);
            }
        }
        exhausted = true;
        return null;
    }

    /** Moves the reservations older than the reservation time to the front of the queue, for anyone. */
    private void expire() {
        Instant limit = clock.instant().minus(options.reservation());
        for (SessionState state : sessions.values()) {
            for (Iterator<Reservation> it = state.pending.iterator(); it.hasNext(); ) {
                Reservation reservation = it.next();
                if (reservation.at.isBefore(limit)) {
                    it.remove();
                    reserved.remove(reservation.served.key());
                    state.timedOut.add(reservation.served.key());
                    Served plain = new Served(reservation.served.key(), reservation.served.task(), null);
                    returned.addLast(new Reservation(plain, null, reservation.at));
                }
            }
        }
    }

    /**
     * Checks the answer against the task the session holds and adds it to the dataset; returns what was stored.
     *
     * @throws ApiException for an unknown or stale session, a task not handed to it or already answered, or an
     *     answer that does not fit the task (nothing is stored then)
     */
    synchronized Task answer(AnswerRequest request) {
        SessionState state = known(request.session());
        expire();
        Reservation reservation = held(state, request.session(), request.taskId());
        Task stored = Answers.stored(reservation.served.task(), request, options, labels,
                options.dataset() + "-" + request.session(), clock.instant());
        database.add(state.stored, List.of(stored));
        reserved.remove(reservation.served.key());
        returned.remove(reservation);
        state.pending.remove(reservation);
        state.timedOut.remove(reservation.served.key());
        answered.add(reservation.served.key());
        answeredBySession.merge(request.session(), 1L, Long::sum);
        state.history.addLast(new Answered(reservation.served, stored));
        if (state.history.size() > UNDO_DEPTH) {
            state.history.removeFirst();
        }
        onAnswer.run();
        return stored;
    }

    private SessionState known(String session) {
        checkName(session);
        SessionState state = sessions.get(session);
        if (state == null) {
            throw new ApiException(ErrorCode.UNKNOWN_SESSION, "session " + JsonBodies.quote(session) + " has not "
                    + "asked this server for a task (it may have been restarted); GET /v1/annotate/next?session="
                    + session + " first");
        }
        return state;
    }

    private Reservation held(SessionState state, String session, long key) {
        Reservation reservation = reserved.get(key);
        if (reservation != null && reservation.session.equals(session)) {
            return reservation;
        }
        if (reservation == null && answered.contains(key)) {
            throw new ApiException(ErrorCode.ALREADY_ANSWERED, "task " + key + " has been answered already");
        }
        if (!state.timedOut.contains(key)) {
            throw new ApiException(ErrorCode.TASK_NOT_SERVED, "task " + key + " was not handed to session "
                    + JsonBodies.quote(session) + "; answer the task GET /v1/annotate/next gives");
        }
        if (reservation != null) {
            throw new ApiException(ErrorCode.STALE_SESSION, "task " + key + " was reserved for session "
                    + JsonBodies.quote(session) + " for " + options.reservation().toSeconds() + " s, timed out and "
                    + "is now reserved for another session; ask GET /v1/annotate/next for a new task");
        }
        return returned.stream().filter(r -> r.served.key() == key).findFirst().orElseThrow();
    }

    /**
     * Withdraws the session's newest answer of this run (appending an ignore marked {@code "_undo": true}) and
     * reserves its task for the session again, first in line; returns it, with the withdrawn answer as
     * {@code previous}.
     *
     * @throws ApiException {@link ErrorCode#NOTHING_TO_UNDO} when the session has no answer left to withdraw
     */
    synchronized Served undo(String session) {
        SessionState state = known(session);
        Answered last = state.history.peekLast();
        if (last == null) {
            throw new ApiException(ErrorCode.NOTHING_TO_UNDO, "session " + JsonBodies.quote(session)
                    + " has no answer to undo in this server's run");
        }
        Task withdrawal = last.stored().withAnswer(Answer.IGNORE)
                .with("_undo", com.fasterxml.jackson.databind.node.BooleanNode.TRUE)
                .with("_timestamp", com.fasterxml.jackson.databind.node.LongNode.valueOf(clock.instant()
                        .getEpochSecond()));
        database.add(state.stored, List.of(withdrawal));
        state.history.removeLast();
        long key = last.served().key();
        answered.remove(key);
        answeredBySession.merge(session, -1L, Long::sum);
        Served again = new Served(key, last.served().task(), last.stored());
        Reservation reservation = new Reservation(again, session, clock.instant());
        reserved.put(key, reservation);
        state.pending.addFirst(reservation);
        return again;
    }

    /** Answered keys in the dataset, the session's answers (all runs), and what is left once known. */
    synchronized Progress progress(String session) {
        long mine = 0;
        if (session != null) {
            checkName(session);
            mine = answeredBySession.getOrDefault(session, 0L);
        }
        int open = reserved.size() + returned.size();
        return new Progress(answered.size(), mine, exhausted ? OptionalLong.of(open) : OptionalLong.empty(),
                reserved.size());
    }

    private static void checkName(String session) {
        if (!SESSION_NAME.matcher(session).matches()) {
            throw new ApiException(ErrorCode.INVALID_SESSION, "session must be 1 to 64 letters, digits, '_', "
                    + "'.', '@' or '-', starting with a letter or digit, got " + JsonBodies.quote(session));
        }
    }

    /** Closes the corpus. */
    @Override
    public synchronized void close() {
        upstream.close();
    }
}
