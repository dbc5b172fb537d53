package dev.quarry.service;

import dev.quarry.streams.SourceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the annotation app asks about (see {@link Service#annotate}). Build with {@link #of} and the {@code with...}
 * methods.
 *
 * @param dataset     the dataset every answer is added to (created if missing)
 * @param source      the corpus: a file or directory {@link dev.quarry.streams.Sources} reads, lazily
 * @param sourceOptions how the corpus is read (format, text column, paragraphs)
 * @param kind        entities ({@code ner}) or text categories ({@code textcat})
 * @param mode        how each task is answered; {@code ner} takes manual or binary, {@code textcat} binary or choice
 * @param labels      the labels an annotator may give, in the order of the number keys 1..9; may be empty for
 *                    {@code ner}, then the labels of the pattern files are used
 * @param exclusive   choice mode: exactly one label per accepted text (else any number)
 * @param window      how many tasks are looked ahead to put pattern hits first (memory grows with it)
 * @param reservation how long a task handed to one session is kept from the others before it goes back to the queue
 * @param retrainEvery train a model from the dataset in the background after every this many new answers, and
 *                    suggest and rank with it ({@code --retrain-every}); 0 never retrains
 */
public record AnnotateOptions(String dataset, Path source, SourceOptions sourceOptions, Kind kind, Mode mode,
                              List<String> labels, boolean exclusive, int window, Duration reservation,
                              int retrainEvery) {

    /** What is annotated. */
    public enum Kind {
        NER, TEXTCAT;

        /** {@code ner} or {@code textcat}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a task is answered, each stored with its {@code _view_id}. */
    public enum Mode {
        /** Entities: correct the suggested spans, select new ones; {@code "_view_id": "ner_manual"}. */
        MANUAL("ner_manual"),
        /** One suggested span (ner) or label (textcat): accept, reject or ignore; {@code "_view_id": "binary"}. */
        BINARY("binary"),
        /** Text categories: pick the labels that apply; {@code "_view_id": "choice"}. */
        CHOICE("choice");

        private final String viewId;

        Mode(String viewId) {
            this.viewId = viewId;
        }

        /** The {@code _view_id} stored with each answer. */
        public String viewId() {
            return viewId;
        }

        /** {@code manual}, {@code binary} or {@code choice}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The default look-ahead window, in tasks. */
    public static final int DEFAULT_WINDOW = 1000;
    /** The default reservation: ten minutes. */
    public static final Duration DEFAULT_RESERVATION = Duration.ofMinutes(10);

    public AnnotateOptions {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceOptions, "sourceOptions");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reservation, "reservation");
        labels = List.copyOf(labels);
        checkMode(kind, mode);
        checkLabels(kind, labels);
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        if (reservation.isNegative() || reservation.isZero()) {
            throw new IllegalArgumentException("reservation must be > 0, got " + reservation);
        }
        if (retrainEvery < 0) {
            throw new IllegalArgumentException("retrainEvery must be >= 0 (0: never), got " + retrainEvery);
        }
    }

    /**
     * The default mode of the kind (ner: manual, textcat: choice), not exclusive, default window and reservation,
     * no retraining.
     */
    public static AnnotateOptions of(String dataset, Path source, Kind kind, List<String> labels) {
        return new AnnotateOptions(dataset, source, SourceOptions.defaults(), kind,
                kind == Kind.NER ? Mode.MANUAL : Mode.CHOICE, labels, false, DEFAULT_WINDOW, DEFAULT_RESERVATION, 0);
    }

    public AnnotateOptions withMode(Mode value) {
        return new AnnotateOptions(dataset, source, sourceOptions, kind, value, labels, exclusive, window,
                reservation, retrainEvery);
    }

    public AnnotateOptions withSourceOptions(SourceOptions value) {
        return new AnnotateOptions(dataset, source, value, kind, mode, labels, exclusive, window, reservation,
                retrainEvery);
    }

    public AnnotateOptions withExclusive(boolean value) {
        return new AnnotateOptions(dataset, source, sourceOptions, kind, mode, labels, value, window, reservation,
                retrainEvery);
    }

    public AnnotateOptions withWindow(int value) {
        return new AnnotateOptions(dataset, source, sourceOptions, kind, mode, labels, exclusive, value, reservation,
                retrainEvery);
    }

    public AnnotateOptions withReservation(Duration value) {
        return new AnnotateOptions(dataset, source, sourceOptions, kind, mode, labels, exclusive, window, value,
                retrainEvery);
    }

    public AnnotateOptions withRetrainEvery(int answers) {
        return new AnnotateOptions(dataset, source, sourceOptions, kind, mode, labels, exclusive, window, reservation,
                answers);
    }

    private static void checkMode(Kind kind, Mode mode) {
        if (kind == Kind.NER && mode == Mode.CHOICE || kind == Kind.TEXTCAT && mode == Mode.MANUAL) {
            throw new IllegalArgumentException(kind.json() + " takes mode " + (kind == Kind.NER ? "manual or binary"
                    : "binary or choice") + ", got " + mode.json());
        }
    }

    private static void checkLabels(Kind kind, List<String> labels) {
        if (kind == Kind.TEXTCAT && labels.isEmpty()) {
            throw new IllegalArgumentException("textcat needs at least one label");
        }
        HashSet<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label.isBlank() || !label.strip().equals(label)) {
                throw new IllegalArgumentException(
                        "a label must be non-blank without surrounding spaces, got \"" + label + "\"");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("label \"" + label + "\" is given twice");
            }
        }
    }
}
