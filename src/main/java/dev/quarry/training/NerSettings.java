package dev.quarry.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting of an NER training run: the learner and its parameters (all passed to OpenNLP explicitly, never left
 * to its call-dependent defaults) and which features are generated. Stored in the model's manifest by
 * {@link #encode()} and read back by {@link #decode(String)}.
 *
 * @param algorithm       {@code PERCEPTRON} (averaged), {@code MAXENT} (GIS) or {@code MAXENT_QN} (L-BFGS logistic
 *                        regression with OpenNLP's default L1 and L2 costs, 0.1 each)
 * @param iterations      training iterations, at least 1
 * @param cutoff          features seen fewer times are dropped, at least 0
 * @param beamSize        the decoder's beam, at least 1
 * @param clusters        names of the {@link WordClusters} used as features (each given to the trainer), in order
 * @param clusterWindow   cluster features of the tokens up to this many positions left and right (0: only the token)
 * @param affixLength     prefixes and suffixes of 1 to this many characters (0: none)
 * @param shapes          compressed word shapes ({@code Xx}, {@code d-d}) of the token and its neighbours
 * @param documentFeatures how the same word is written elsewhere in the document (lower case, capitalised)
 * @param patternFeatures the token lies in a pattern match of label L (needs a matcher at training and prediction)
 * @param twoPass         a second model also sees, for each token, the labels a first model gave the same word
 *                        elsewhere in the document (the first model's labels on training data come from a 2-fold
 *                        split, so they are as noisy as on new text)
 * @param features        the optional {@link NerFeature}s switched on (a copy is kept)
 */
public record NerSettings(String algorithm, int iterations, int cutoff, int beamSize, List<String> clusters,
                          int clusterWindow, int affixLength, boolean shapes, boolean documentFeatures,
                          boolean patternFeatures, boolean twoPass, Set<NerFeature> features) {

    public NerSettings {
        if (!List.of("PERCEPTRON", "MAXENT", "MAXENT_QN").contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be PERCEPTRON, MAXENT or MAXENT_QN, got \"" + algorithm
                    + "\"");
        }
        check("iterations", iterations, 1);
        check("cutoff", cutoff, 0);
        check("beamSize", beamSize, 1);
        check("clusterWindow", clusterWindow, 0);
        check("affixLength", affixLength, 0);
        clusters = List.copyOf(clusters);
        for (String name : clusters) {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("cluster name must match [A-Za-z0-9_-]+, got \"" + name + "\"");
            }
        }
        features = enumSet(features);
    }

    private static Set<NerFeature> enumSet(Collection<NerFeature> features) {
        EnumSet<NerFeature> set = EnumSet.noneOf(NerFeature.class);
        set.addAll(features);
        return Collections.unmodifiableSet(set);
    }

    private static void check(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    /**
     * OpenNLP's own defaults as {@code TrainingParameters.defaultParams()} gives them: maxent, 100, cutoff 5; with
     * {@link NerFeature#PLAIN_HISTORY}, which changes nothing until extra features are switched on.
     */
    public static NerSettings openNlpDefaults() {
        return new NerSettings("MAXENT", 100, 5, 3, List.of(), 0, 0, false, false, false, false,
                Set.of(NerFeature.PLAIN_HISTORY));
    }

    /** Whether {@code feature} is switched on. */
    public boolean has(NerFeature feature) {
        return features.contains(feature);
    }

    /** A copy with exactly these optional features. */
    public NerSettings withFeatures(Collection<NerFeature> on) {
        return new NerSettings(algorithm, iterations, cutoff, beamSize, clusters, clusterWindow, affixLength, shapes,
                documentFeatures, patternFeatures, twoPass, enumSet(on));
    }

    /** A copy with {@code feature} switched on or off. */
    public NerSettings with(NerFeature feature, boolean on) {
        EnumSet<NerFeature> set = EnumSet.noneOf(NerFeature.class);
        set.addAll(features);
        if (on) {
            set.add(feature);
        } else {
            set.remove(feature);
        }
        return withFeatures(set);
    }

    /** A copy with another beam size for the decoder. */
    public NerSettings withBeamSize(int size) {
        return new NerSettings(algorithm, iterations, cutoff, size, clusters, clusterWindow, affixLength, shapes,
                documentFeatures, patternFeatures, twoPass, features);
    }

    /** A copy with other learner parameters. */
    public NerSettings withLearner(String algorithm, int iterations, int cutoff) {
        return new NerSettings(algorithm, iterations, cutoff, beamSize, clusters, clusterWindow, affixLength, shapes,
                documentFeatures, patternFeatures, twoPass, features);
    }

    /** A copy with cluster features. */
    public NerSettings withClusters(List<String> names, int window) {
        return new NerSettings(algorithm, iterations, cutoff, beamSize, names, window, affixLength, shapes,
                documentFeatures, patternFeatures, twoPass, features);
    }

    /** A copy with the richer token features. */
    public NerSettings withRichFeatures(int affixLength, boolean shapes, boolean documentFeatures) {
        return new NerSettings(algorithm, iterations, cutoff, beamSize, clusters, clusterWindow, affixLength, shapes,
                documentFeatures, patternFeatures, twoPass, features);
    }

    public NerSettings withPatternFeatures(boolean on) {
        return new NerSettings(algorithm, iterations, cutoff, beamSize, clusters, clusterWindow, affixLength, shapes,
                documentFeatures, on, twoPass, features);
    }

    public NerSettings withTwoPass(boolean on) {
        return new NerSettings(algorithm, iterations, cutoff, beamSize, clusters, clusterWindow, affixLength, shapes,
                documentFeatures, patternFeatures, on, features);
    }

    /** A copy without the second pass (the first-pass model of a two-pass run). */
    NerSettings firstPass() {
        return withTwoPass(false);
    }

    /** Every OpenNLP training parameter this run passes, by OpenNLP's names. */
    public Map<String, String> trainingParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        LearnerParameters.common(params, algorithm, iterations, cutoff, "TwoPass");
        params.put("BeamSize", Integer.toString(beamSize));
        LearnerParameters.learner(params, algorithm, 0.1, 0.1);
        return params;
    }

    /** One line, {@code key=value} pairs separated by {@code ;}, as stored in the model manifest. */
    public String encode() {
        return String.format(Locale.ROOT,
                "algorithm=%s;iterations=%d;cutoff=%d;beamSize=%d;clusters=%s;clusterWindow=%d;affixLength=%d;"
                        + "shapes=%b;documentFeatures=%b;patternFeatures=%b;twoPass=%b;features=%s",
                algorithm, iterations, cutoff, beamSize, String.join(",", clusters), clusterWindow, affixLength,
                shapes, documentFeatures, patternFeatures, twoPass,
                features.stream().map(Enum::name).collect(Collectors.joining(",")));
    }

    /**
     * Reads {@link #encode()}'s form. A missing {@code features} key (settings written before it existed) reads as
     * no optional features.
     *
     * @throws IllegalArgumentException naming a missing, unknown or malformed key
     */
    public static NerSettings decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : Objects.requireNonNull(encoded, "encoded").split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("NER settings: expected key=value, got \"" + pair + "\"");
            }
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Decoder d = new Decoder(values);
        NerSettings settings = new NerSettings(d.text("algorithm"), d.integer("iterations"), d.integer("cutoff"),
                d.integer("beamSize"), d.list("clusters"), d.integer("clusterWindow"), d.integer("affixLength"),
                d.bool("shapes"), d.bool("documentFeatures"), d.bool("patternFeatures"), d.bool("twoPass"),
                d.features());
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("NER settings: unknown keys " + values.keySet());
        }
        return settings;
    }

    private record Decoder(Map<String, String> values) {
        String text(String key) {
            String value = values.remove(key);
            if (value == null) {
                throw new IllegalArgumentException("NER settings: missing \"" + key + "\"");
            }
            return value;
        }

        int integer(String key) {
            String value = text(key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("NER settings: \"" + key + "\" must be an integer, got \"" + value
                        + "\"");
            }
        }

        boolean bool(String key) {
            String value = text(key);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("NER settings: \"" + key + "\" must be true or false, got \""
                        + value + "\"");
            }
            return Boolean.parseBoolean(value);
        }

        List<String> list(String key) {
            String value = text(key);
            return value.isEmpty() ? List.of() : new ArrayList<>(List.of(value.split(",")));
        }

        Set<NerFeature> features() {
            if (!values.containsKey("features")) {
                return Set.of();
            }
            Set<NerFeature> features = EnumSet.noneOf(NerFeature.class);
            for (String name : list("features")) {
                try {
                    features.add(NerFeature.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("NER settings: \"features\" has an unknown feature \"" + name
                            + "\", expected one of " + List.of(NerFeature.values()));
                }
            }
            return features;
        }
    }
}
