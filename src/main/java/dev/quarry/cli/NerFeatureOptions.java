package dev.quarry.cli;

import dev.quarry.training.NerFeature;
import dev.quarry.training.NerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The NER feature switches of {@code quarry train --ner-features PRESET --ner-feature +NAME,-NAME}: a named preset,
 * then single features switched on ({@code +}) or off ({@code -}), in order. Names are those of {@link NerFeature}
 * in lower case with hyphens ({@code cluster-bigrams}), plus {@code affixes} (prefixes and suffixes of 1-4
 * characters), {@code shapes} (compressed word shapes) and {@code document} (how the word is written elsewhere in
 * the document), the three switches of {@code --rich-features}.
 *
 * <p>Presets: {@code default} ({@code plain-history} only), {@code rich} (default plus affixes, shapes, document)
 * and {@code f} (rich plus cluster-bigrams, cluster-shape, document-topic: the settings "f" of {@code
 * benchmarks/training}, which also take {@code --vectors} with {@code --clusters 64,256,1024}).
 */
final class NerFeatureOptions {

    /** The affix length {@code affixes} switches on (the benchmark's). */
    static final int AFFIX_LENGTH = 4;
    static final String AFFIXES = "affixes";
    static final String SHAPES = "shapes";
    static final String DOCUMENT = "document";
    private static final List<String> PRESETS = List.of("default", "rich", "f");
    private static final Set<NerFeature> CLUSTER_FEATURES = Set.of(NerFeature.CLUSTER_BIGRAMS,
            NerFeature.CLUSTER_SHAPE, NerFeature.OUTCOME_CLUSTERS);

    private NerFeatureOptions() {
    }

    /** The valid feature names, in order. */
    static List<String> names() {
        List<String> names = new ArrayList<>(List.of(AFFIXES, SHAPES, DOCUMENT));
        for (NerFeature feature : NerFeature.values()) {
            names.add(name(feature));
        }
        return names;
    }

    static String name(NerFeature feature) {
        return feature.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@code base} with the preset's features, then each switch applied.
     *
     * @param preset   a preset name, or null for {@code default}
     * @param switches {@code +NAME} or {@code -NAME} each
     * @param clusters whether the NER has word clusters (--vectors)
     * @throws UserException (usage) naming an unknown preset or feature, a switch without its sign, or a cluster
     *                       feature switched on without clusters
     */
    static NerSettings apply(NerSettings base, String preset, List<String> switches, boolean clusters) {
        Map<String, Boolean> on = presetSwitches(preset == null ? "default" : preset);
        for (String item : switches) {
            if (item.length() < 2 || (item.charAt(0) != '+' && item.charAt(0) != '-')) {
                throw new UserException(ExitCodes.USAGE, "--ner-feature must be +NAME or -NAME, got \"" + item
                        + "\"; names: " + String.join(", ", names()));
            }
            on.put(checkName(item.substring(1), "--ner-feature"), item.charAt(0) == '+');
        }
        NerSettings settings = base;
        for (NerFeature feature : NerFeature.values()) {
            settings = settings.with(feature, on.getOrDefault(name(feature), false));
        }
        if (!clusters) {
            checkNoClusterFeatures(settings, preset != null && CLUSTER_FEATURES.stream()
                    .anyMatch(f -> presetSwitches(preset).getOrDefault(name(f), false)) ? preset : null);
        }
        return settings.withRichFeatures(on.getOrDefault(AFFIXES, false) ? AFFIX_LENGTH : 0,
                on.getOrDefault(SHAPES, false), on.getOrDefault(DOCUMENT, false));
    }

    private static Map<String, Boolean> presetSwitches(String preset) {
        Map<String, Boolean> on = new LinkedHashMap<>();
        switch (preset) {
            case "f" -> {
                on.putAll(presetSwitches("rich"));
                List.of(NerFeature.CLUSTER_BIGRAMS, NerFeature.CLUSTER_SHAPE, NerFeature.DOCUMENT_TOPIC)
                        .forEach(feature -> on.put(name(feature), true));
            }
            case "rich" -> {
                on.putAll(presetSwitches("default"));
                List.of(AFFIXES, SHAPES, DOCUMENT).forEach(name -> on.put(name, true));
            }
            case "default" -> on.put(name(NerFeature.PLAIN_HISTORY), true);
            default -> throw new UserException(ExitCodes.USAGE, "--ner-features must be one of "
                    + String.join(", ", PRESETS) + ", got \"" + preset + "\"");
        }
        return on;
    }

    private static String checkName(String name, String option) {
        if (!names().contains(name)) {
            throw new UserException(ExitCodes.USAGE, option + ": unknown NER feature \"" + name + "\", expected one "
                    + "of " + String.join(", ", names()));
        }
        return name;
    }

    /** @param preset the preset that switched some of them on, or null */
    private static void checkNoClusterFeatures(NerSettings settings, String preset) {
        List<String> needing = CLUSTER_FEATURES.stream().filter(settings::has).map(NerFeatureOptions::name).sorted()
                .toList();
        if (!needing.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "the NER features " + needing + (preset == null ? ""
                    : " (of --ner-features " + preset + ")") + " work on word clusters: give --vectors, or switch "
                    + "them off with --ner-feature " + String.join(",", needing.stream().map(n -> "-" + n).toList()));
        }
    }
}
