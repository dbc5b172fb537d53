package dev.quarry.service;

import dev.quarry.datasets.Database;
import dev.quarry.datasets.Example;
import dev.quarry.model.ModelPackage;
import dev.quarry.model.TrainingData;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Retraining;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import dev.quarry.training.DatasetExamples;
import dev.quarry.training.SpanAlignment;
import dev.quarry.training.TrainingExamples;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The annotation app's model in the loop: a background thread that, once {@link AnnotateOptions#retrainEvery} new
 * answers have been stored since the last training started, trains the annotated part again on the whole dataset
 * ({@link Database#latest}, read as {@link DatasetExamples} does, spans snapped to tokens), publishes the new model in
 * the {@link ServedModel} and has the queue suggest and rank what it has not handed out yet with it.
 *
 * <p>A training that fails (too few examples, one label only, binary answers this Quarry cannot train on yet, any
 * exception) keeps the old model, is counted, logged and reported by {@link #status}; the thread goes on. Answers
 * that arrive during a training count towards the next one. Thread-safe.
 */
final class ModelLoop implements AutoCloseable {

    /**
     * What {@code /v1/annotate/progress} says about the loop.
     *
     * @param every    answers between trainings
     * @param pending  answers stored since the last training started
     * @param training whether a training runs now
     * @param ok       trainings that published a model
     * @param failed   trainings that failed (the old model kept)
     * @param last     the latest training, or null before the first
     */
    record Status(int every, long pending, boolean training, long ok, long failed, Training last) {
    }

    /**
     * One training.
     *
     * @param at       when it ended
     * @param ok       whether its model was published
     * @param version  the version published, or the one kept when it failed (null: no model)
     * @param examples what was read from the dataset, by kind and reason
     * @param millis   how long it took
     * @param error    why it failed, null when it did not
     */
    record Training(Instant at, boolean ok, String version, Map<String, Long> examples, long millis, String error) {
    }

    private final AnnotateOptions options;
    private final Database database;
    private final ServedModel model;
    private final PatternReloader patterns;
    private final Language language;
    private final Runnable reorder;
    private final Clock clock;
    private final PrintWriter log;
    private final Thread thread;
    private final String root;
    private long pending;
    private boolean training;
    private boolean closed;
    private long ok;
    private long failed;
    private Training last;

    /**
     * @param language the language of a model trained from nothing (when {@code model} holds none)
     * @param reorder  run after a new model is published (the queue suggests and ranks again)
     */
    ModelLoop(AnnotateOptions options, Database database, ServedModel model, PatternReloader patterns,
              Language language, Runnable reorder, Clock clock, PrintWriter log) {
        if (options.retrainEvery() < 1) {
            throw new IllegalArgumentException("retrainEvery must be >= 1, got " + options.retrainEvery());
        }
        this.options = options;
        this.database = database;
        this.model = model;
        this.patterns = patterns;
        this.language = language;
        this.reorder = reorder;
        this.clock = clock;
        this.log = log;
        this.root = model.current() == null ? "none" : model.current().version();
        this.thread = Thread.ofPlatform().name("quarry-retrain").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** One more answer stored; wakes the thread when enough have come. Returns at once. */
    synchronized void answered() {
        pending++;
        if (pending >= options.retrainEvery()) {
            notifyAll();
        }
    }

    synchronized Status status() {
        return new Status(options.retrainEvery(), pending, training, ok, failed, last);
    }

    private void run() {
        while (awaitTurn()) {
            Training result = trainOnce();
            synchronized (this) {
                training = false;
                last = result;
                if (result.ok()) {
                    ok++;
                } else {
                    failed++;
                }
                notifyAll();
            }
        }
    }

    /** Waits until enough answers came (true) or the loop is closed (false). */
    private synchronized boolean awaitTurn() {
        while (!closed && pending < options.retrainEvery()) {
            try {
                wait();
            } catch (InterruptedException e) {
                return false;
            }
        }
        if (closed) {
            return false;
        }
        pending = 0;
        training = true;
        return true;
    }

    private Training trainOnce() {
        long started = System.nanoTime();
        ServedModel.Current before = model.current();
        Map<String, Long> counts = Map.of();
        try {
            TrainingExamples examples = examples(before);
            counts = examples.counts();
            ServedModel.Current next = publish(before, examples);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            log.println(String.format(Locale.ROOT, "quarry: retrained the %s model on dataset \"%s\" in %.1f s: "
                    + "version %s, examples %s", options.kind().json(), options.dataset(), millis / 1000.0,
                    next.version(), counts));
            return new Training(clock.instant(), true, next.version(), counts, millis, null);
        } catch (RuntimeException e) {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            String kept = before == null ? null : before.version();
            log.println("quarry: retraining failed, keeping " + (kept == null ? "no model" : "model " + kept) + ": "
                    + error);
            return new Training(clock.instant(), false, kept, counts, millis, error);
        }
    }

    private TrainingExamples examples(ServedModel.Current before) {
        Language lang = before == null ? language : before.pipeline().model().language();
        DatasetExamples reader = new DatasetExamples(Tokenizer.forLanguage(lang), SpanAlignment.SNAP);
        try (Stream<Example> examples = database.latest(options.dataset())) {
            reader.addExamples(options.dataset(), examples);
        }
        return options.kind() == AnnotateOptions.Kind.NER ? reader.ner() : reader.textcat();
    }

    private ServedModel.Current publish(ServedModel.Current before, TrainingExamples examples) {
        boolean ner = options.kind() == AnnotateOptions.Kind.NER;
        TrainingData data = new TrainingData(ner ? List.of(options.dataset()) : List.of(),
                ner ? List.of() : List.of(options.dataset()), examples.counts(), examples.inputHashDigest());
        ModelPackage trained = Retraining.retrain(before == null ? null : before.pipeline().model(), language,
                ner ? Retraining.Part.NER : Retraining.Part.TEXTCAT, examples, patterns.current().matcher(), data,
                clock);
        long number;
        synchronized (this) {
            number = ok + 1;
        }
        ServedModel.Current next = new ServedModel.Current(Pipeline.of(trained), null, root + "+r" + number);
        model.replace(next);
        reorder.run();
        return next;
    }

    /** Stops the thread, waiting up to a few seconds for a training in progress. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
