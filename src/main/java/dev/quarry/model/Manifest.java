package dev.quarry.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.text.Language;
import dev.quarry.training.NerSettings;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatSettings;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contents of a package's {@code manifest.json}: what the package holds and how it was made. Written and read
 * by {@link ModelPackage} with Jackson, keys in {@code snake_case} ({@code "quarry_model": 1}, {@code
 * "quarry_version"}, ...); unknown keys and missing keys are errors when reading, except the keys format 1 gained
 * after its first packages, which read as what those packages meant: {@code settings.ner.features} as none, {@code
 * settings.ner_vote} as empty, {@code labels.textcat_thresholds} as empty, and the text classification {@code mode},
 * {@code threshold}, {@code tfidf}, {@code alpha}, {@code seed} as {@code EXCLUSIVE}, 0.5, false, 1.0, 42.
 *
 * @param quarryModel   the package format version, {@value #FORMAT_VERSION} for this Quarry
 * @param created       when the package was built
 * @param quarryVersion the Quarry that built it ({@code "development"} outside a released jar)
 * @param components    the parts present, in the order {@code patterns}, {@code ner}, {@code textcat}
 * @param language      the ISO 639-1 code of the tokenizer's language ({@code en}, {@code es}, {@code de})
 * @param labels        the labels of each model component
 * @param settings      the settings of each component, null for a component that is absent
 * @param clusters      the names of the word clusters stored under {@code clusters/}, sorted
 * @param training      the training data
 * @param metrics       the evaluation (see {@link Metrics}); an empty object when none was run; copied
 * @param seed          the seed of every random choice of the training run, or null when none was made
 */
public record Manifest(int quarryModel, Instant created, String quarryVersion, List<String> components,
                       String language, Labels labels, Settings settings, List<String> clusters,
                       TrainingData training, ObjectNode metrics, Long seed) {

    /** The package format this Quarry writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public static final String PATTERNS = "patterns";
    public static final String NER = "ner";
    public static final String TEXTCAT = "textcat";
    private static final List<String> ORDER = List.of(PATTERNS, NER, TEXTCAT);

    public Manifest {
        if (quarryModel != FORMAT_VERSION) {
            throw new IllegalArgumentException("\"quarry_model\" must be " + FORMAT_VERSION + ", got " + quarryModel);
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(quarryVersion, "quarryVersion");
        components = checkComponents(components);
        Language.of(Objects.requireNonNull(language, "language"));
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(settings, "settings");
        clusters = List.copyOf(clusters).stream().sorted().toList();
        Objects.requireNonNull(training, "training");
        metrics = metrics == null ? JsonNodeFactory.instance.objectNode() : metrics.deepCopy();
        checkAgreement(components, labels, settings);
    }

    private static List<String> checkComponents(List<String> components) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            String name = components.get(i);
            if (!ORDER.contains(name)) {
                throw new IllegalArgumentException("\"components[" + i + "]\" must be one of " + ORDER + ", got \""
                        + name + "\"");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("\"components\" lists \"" + name + "\" twice");
            }
        }
        return ORDER.stream().filter(seen::contains).toList();
    }

    private static void checkAgreement(List<String> components, Labels labels, Settings settings) {
        agree(components.contains(PATTERNS), settings.patterns() != null, "patterns", "settings.patterns");
        agree(components.contains(NER), settings.ner() != null, "ner", "settings.ner");
        agree(components.contains(NER), !labels.ner().isEmpty(), "ner", "labels.ner");
        if (!settings.nerVote().isEmpty() && settings.ner() == null) {
            throw new IllegalArgumentException("\"settings.ner_vote\" is given but \"components\" does not list "
                    + "\"ner\"");
        }
        agree(components.contains(TEXTCAT), settings.textcat() != null, "textcat", "settings.textcat");
        agree(components.contains(TEXTCAT), !labels.textcat().isEmpty(), "textcat", "labels.textcat");
        boolean multi = settings.textcat() != null && settings.textcat().mode() == TextcatMode.MULTI_LABEL;
        if (multi ? !labels.textcatThresholds().keySet().equals(Set.copyOf(labels.textcat()))
                : !labels.textcatThresholds().isEmpty()) {
            throw new IllegalArgumentException("\"labels.textcat_thresholds\" must " + (multi
                    ? "hold one threshold per label of \"labels.textcat\" " + labels.textcat()
                    : "be empty unless \"settings.textcat.mode\" is MULTI_LABEL") + ", got "
                    + labels.textcatThresholds().keySet());
        }
    }

    private static void agree(boolean listed, boolean given, String component, String field) {
        if (listed != given) {
            throw new IllegalArgumentException(listed
                    ? "\"components\" lists \"" + component + "\" but \"" + field + "\" is empty"
                    : "\"" + field + "\" is given but \"components\" does not list \"" + component + "\"");
        }
    }

    public boolean has(String component) {
        return components.contains(component);
    }

    /** The metrics (a copy). */
    @Override
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }

    /**
     * The labels of the model components.
     *
     * @param ner                the NER's entity labels, sorted; empty without an NER
     * @param textcat            the text classifier's labels, sorted; empty without one
     * @param textcatThresholds  a multi-label text classifier's decision threshold per label (a label is predicted
     *                           when its probability reaches it), sorted by label; empty for an exclusive one
     */
    public record Labels(List<String> ner, List<String> textcat, Map<String, Double> textcatThresholds) {
        public Labels {
            ner = List.copyOf(ner).stream().sorted().toList();
            textcat = List.copyOf(textcat).stream().sorted().toList();
            textcatThresholds = Collections.unmodifiableMap(new TreeMap<>(textcatThresholds));
        }
    }

    /**
     * The settings of each component, null where the component is absent.
     *
     * @param patterns how the patterns are compiled
     * @param ner      every NER training setting (the NER model holds them too; they must agree)
     * @param textcat  every text-classification setting (the only record of them: the model file lacks them)
     * @param nerVote  the settings of the further members of an NER vote, stored as {@code ner-2.bin}, {@code
     *                 ner-3.bin}, ... in this order ({@code ner} is the first member); empty for a single NER.
     *                 Manifests written before votes existed lack the key, which reads as empty
     */
    public record Settings(PatternSettings patterns, NerSettings ner, TextcatSettings textcat,
                           List<NerSettings> nerVote) {
        public Settings {
            nerVote = List.copyOf(nerVote);
        }

        /** Settings without an NER vote. */
        public Settings(PatternSettings patterns, NerSettings ner, TextcatSettings textcat) {
            this(patterns, ner, textcat, List.of());
        }
    }
}
