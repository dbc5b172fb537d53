package dev.quarry.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Language;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerModel;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.WordClusters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One model: patterns (compiled into a {@link Matcher}), an NER, a text classifier and word clusters, each
 * optional, with the {@link Manifest} that describes them. Saved as a directory:
 * <pre>
 * manifest.json        always
 * metrics.json         when the package was evaluated: the manifest's "metrics", for tools that want only them
 * patterns.jsonl       with patterns (every pattern, written losslessly, one phrase_matcher_attr)
 * ner.bin              with an NER (and ner.bin.pass1 for a two-pass NER)
 * ner-2.bin ...        with an NER vote, the further members (ner-N.bin.pass1 for a two-pass one)
 * textcat.bin          with a text classifier
 * clusters/NAME.txt    each word-cluster dictionary (one "word cluster" pair per line)
 * </pre>
 *
 * <p>{@link #load} checks the package whole and throws a {@link ModelException} naming the file and what is wrong:
 * no manifest, a format version this Quarry does not read, a listed component whose file is missing or unreadable,
 * labels or settings that do not agree with the component (every member of an NER vote must have the NER's labels),
 * word clusters named by the settings but absent.
 * Patterns loaded from a package name {@code patterns.jsonl} and its line as their source.
 *
 * <p>Immutable and thread-safe (its parts are).
 */
public final class ModelPackage {

    private final Manifest manifest;
    private final Matcher matcher;
    private final List<NerModel> ner;
    private final TextcatModel textcat;
    private final Map<String, WordClusters> clusters;

    /** {@code ner}: every member of the NER, the first is the NER; empty without. */
    ModelPackage(Manifest manifest, Matcher matcher, List<NerModel> ner, TextcatModel textcat,
                 Map<String, WordClusters> clusters) {
        this.manifest = manifest;
        this.matcher = matcher;
        this.ner = List.copyOf(ner);
        this.textcat = textcat;
        this.clusters = Map.copyOf(clusters);
    }

    /** A builder of a package in {@code language} (the tokenizer's language for patterns and models). */
    public static Builder builder(Language language) {
        return new Builder(language);
    }

    /**
     * Loads and checks a package: a directory, or a zip file of one (any regular file is read as a zip).
     *
     * @throws ModelException naming the file and what is wrong with it
     * @throws IOException    if a file exists but cannot be read
     */
    public static ModelPackage load(Path directory) throws IOException, ModelException {
        return PackageFiles.load(directory);
    }

    /**
     * Writes the package to {@code directory}: into a new sibling directory first, then moved into place, so a
     * failure leaves no half-written package. An existing package there is replaced; any other existing non-empty
     * directory is refused. A name ending in {@code .zip} writes one zip file instead (a temporary file beside it,
     * then moved into place), replacing only a zip that holds a manifest.
     *
     * @throws ModelException if {@code directory} is a non-empty directory without a manifest, or a file (for a zip:
     *                        a directory, or a file that is not a zip package)
     */
    public void save(Path directory) throws IOException, ModelException {
        PackageFiles.save(this, directory);
    }

    public Manifest manifest() {
        return manifest;
    }

    public Language language() {
        return Language.of(manifest.language());
    }

    public Optional<Matcher> matcher() {
        return Optional.ofNullable(matcher);
    }

    /** Every pattern of the matcher, in order; empty without patterns. */
    public List<Pattern> patterns() {
        return matcher == null ? List.of() : IntStream.range(0, matcher.size()).mapToObj(matcher::pattern).toList();
    }

    /** The NER; for an NER vote its first member. */
    public Optional<NerModel> ner() {
        return ner.stream().findFirst();
    }

    /**
     * Every member of the NER, the first being {@link #ner()}: one model for a single NER, several for a vote,
     * none without an NER.
     */
    public List<NerModel> nerMembers() {
        return ner;
    }

    /** The NER vote, when the package holds more than one NER model. */
    public Optional<NerEnsemble> nerEnsemble() {
        return ner.size() > 1 ? Optional.of(new NerEnsemble(ner)) : Optional.empty();
    }

    public Optional<TextcatModel> textcat() {
        return Optional.ofNullable(textcat);
    }

    /** The word clusters by name. */
    public Map<String, WordClusters> clusters() {
        return clusters;
    }

    /** The patterns as one file can hold them: a phrase pattern without its own attr gets the matcher's. */
    static List<Pattern> forOneFile(Matcher matcher) {
        List<Pattern> patterns = new ArrayList<>(matcher.size());
        for (int i = 0; i < matcher.size(); i++) {
            Pattern pattern = matcher.pattern(i);
            if (pattern instanceof PhrasePattern p && p.attr() == null) {
                pattern = new PhrasePattern(p.label(), p.phrase(), p.id(), matcher.options().phraseAttr(),
                        p.source(), p.numericId());
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    /** Assembles a package from parts. Not thread-safe. */
    public static final class Builder {
        private final Language language;
        private Matcher matcher;
        private List<NerModel> ner = List.of();
        private TextcatModel textcat;
        private final Map<String, WordClusters> clusters = new TreeMap<>();
        private TrainingData training = TrainingData.none();
        private ObjectNode metrics;
        private Long seed;
        private Clock clock = Clock.systemUTC();

        private Builder(Language language) {
            this.language = Objects.requireNonNull(language, "language");
        }

        /** The patterns, compiled; the package keeps this matcher and writes its patterns and options. */
        public Builder matcher(Matcher matcher) {
            this.matcher = matcher;
            return this;
        }

        /** A single NER (null: none). */
        public Builder ner(NerModel ner) {
            this.ner = ner == null ? List.of() : List.of(ner);
            return this;
        }

        /** An NER vote of these models (one model: a single NER; none: no NER). */
        public Builder nerVote(List<NerModel> members) {
            this.ner = List.copyOf(members);
            return this;
        }

        public Builder textcat(TextcatModel textcat) {
            this.textcat = textcat;
            return this;
        }

        /** Adds word clusters by name (those the text classifier's settings name must be among them). */
        public Builder clusters(Map<String, WordClusters> clusters) {
            this.clusters.putAll(clusters);
            return this;
        }

        public Builder training(TrainingData training) {
            this.training = Objects.requireNonNull(training, "training");
            return this;
        }

        /** The evaluation, as {@link Metrics} writes it. */
        public Builder metrics(ObjectNode metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /** The clock of the manifest's {@code created} time (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The package.
         *
         * @throws IllegalArgumentException if the NER uses pattern features but there are no patterns, if the
         *                                  members of an NER vote have different labels, if the text classifier's settings name clusters not given, or if the patterns
         *                                  compare phrases on more than one attribute (one file cannot say so)
         */
        public ModelPackage build() {
            checkNer();
            if (textcat != null) {
                for (String name : textcat.settings().clusters()) {
                    if (!clusters.containsKey(name)) {
                        throw new IllegalArgumentException("the text classifier's settings name word clusters \""
                                + name + "\" but none were given");
                    }
                }
            }
            if (matcher != null) {
                checkOneAttr(forOneFile(matcher));
            }
            return new ModelPackage(manifest(), matcher, ner, textcat, new HashMap<>(clusters));
        }

        private void checkNer() {
            for (int i = 0; i < ner.size(); i++) {
                if (ner.get(i).settings().patternFeatures() && matcher == null) {
                    throw new IllegalArgumentException("the NER" + (i == 0 ? "" : " vote's member " + (i + 1))
                            + " uses pattern features, so the package needs its patterns");
                }
                if (!ner.get(i).labels().equals(ner.get(0).labels())) {
                    throw new IllegalArgumentException("the NER vote's member " + (i + 1) + " has the labels "
                            + sorted(ner.get(i)) + " but the first has " + sorted(ner.get(0)));
                }
            }
        }

        private static List<String> sorted(NerModel model) {
            return model.labels().stream().sorted().toList();
        }

        private Manifest manifest() {
            List<String> components = new ArrayList<>();
            if (matcher != null) {
                components.add(Manifest.PATTERNS);
            }
            if (!ner.isEmpty()) {
                components.add(Manifest.NER);
            }
            if (textcat != null) {
                components.add(Manifest.TEXTCAT);
            }
            Manifest.Labels labels = new Manifest.Labels(ner.isEmpty() ? List.of() : sorted(ner.get(0)),
                    textcat == null ? List.of() : textcat.labels(), textcat == null ? Map.of() : textcat.thresholds());
            Manifest.Settings settings = new Manifest.Settings(
                    matcher == null ? null : PatternSettings.of(matcher.options()),
                    ner.isEmpty() ? null : ner.get(0).settings(), textcat == null ? null : textcat.settings(),
                    ner.stream().skip(1).map(NerModel::settings).toList());
            return new Manifest(Manifest.FORMAT_VERSION, clock.instant(), quarryVersion(), components,
                    language.code(), labels, settings, List.copyOf(clusters.keySet()), training, metrics, seed);
        }

        private static void checkOneAttr(List<Pattern> patterns) {
            PhrasePattern first = null;
            for (Pattern pattern : patterns) {
                if (pattern instanceof PhrasePattern phrase) {
                    if (first != null && phrase.attr() != first.attr()) {
                        throw new IllegalArgumentException("a package holds one patterns.jsonl with one "
                                + "phrase_matcher_attr, but the patterns compare phrases on " + first.attr() + " ("
                                + first.source() + ") and " + phrase.attr() + " (" + phrase.source() + ")");
                    }
                    first = first == null ? phrase : first;
                }
            }
        }
    }

    static String quarryVersion() {
        String version = ModelPackage.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
