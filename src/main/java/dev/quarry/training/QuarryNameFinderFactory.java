package dev.quarry.training;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * The OpenNLP name-finder factory of Quarry's NER models: builds the feature generators in code from the
 * {@link NerSettings} kept in the model's manifest, and keeps the {@link WordClusters} as model entries
 * ({@code <name>.clusters}). Public only because OpenNLP instantiates it by name when loading a model (see
 * {@link NerModel}, which allow-lists this package first); not part of Quarry's API.
 */
public final class QuarryNameFinderFactory extends TokenNameFinderFactory {

    static final String SETTINGS_ENTRY = "quarry-ner-settings";
    static final String CLUSTERS_SUFFIX = ".clusters";

    private NerSettings settings;
    private Map<String, WordClusters> clusters;

    /** For OpenNLP's loader; the settings and clusters then come from the model. */
    public QuarryNameFinderFactory() {
    }

    QuarryNameFinderFactory(NerSettings settings, Map<String, WordClusters> clusters) {
        super(null, Map.of(), new BioCodec());
        this.settings = settings;
        this.clusters = Map.copyOf(clusters);
    }

    NerSettings settings() {
        if (settings == null) {
            settings = NerSettings.decode(artifactProvider.getManifestProperty(SETTINGS_ENTRY));
        }
        return settings;
    }

    private Map<String, WordClusters> clusters() {
        if (clusters == null) {
            Map<String, WordClusters> loaded = new HashMap<>();
            for (String name : settings().clusters()) {
                loaded.put(name, artifactProvider.getArtifact(name + CLUSTERS_SUFFIX));
            }
            clusters = loaded;
        }
        return clusters;
    }

    /** What {@code NameFinderME.train} hands a new model: the factory's descriptor, resources and codec. */
    byte[] featureGeneratorBytes() {
        return getFeatureGenerator();
    }

    Map<String, Object> resourceMap() {
        return getResources();
    }

    opennlp.tools.util.SequenceCodec<String> codec() {
        return getSequenceCodec();
    }

    @Override
    public NameContextGenerator createContextGenerator() {
        return settings().has(NerFeature.PLAIN_HISTORY)
                ? new PlainHistoryContextGenerator(createFeatureGenerators()) : super.createContextGenerator();
    }

    @Override
    public AdaptiveFeatureGenerator createFeatureGenerators() {
        return FeatureGenerators.create(settings(), clusters());
    }

    @Override
    public Map<String, Object> createArtifactMap() {
        Map<String, Object> artifacts = new LinkedHashMap<>(super.createArtifactMap());
        clusters().forEach((name, dictionary) -> artifacts.put(name + CLUSTERS_SUFFIX, dictionary));
        return artifacts;
    }

    @Override
    public Map<String, String> createManifestEntries() {
        Map<String, String> entries = new LinkedHashMap<>(super.createManifestEntries());
        entries.put(SETTINGS_ENTRY, settings().encode());
        return entries;
    }

    @Override
    public Map<String, ArtifactSerializer<?>> createArtifactSerializersMap() {
        Map<String, ArtifactSerializer<?>> serializers = new HashMap<>(super.createArtifactSerializersMap());
        serializers.put(CLUSTERS_SUFFIX.substring(1), new WordClustersSerializer());
        return serializers;
    }

    @Override
    public void validateArtifactMap() throws InvalidFormatException {
        String encoded = artifactProvider.getManifestProperty(SETTINGS_ENTRY);
        if (encoded == null) {
            throw new InvalidFormatException("NER model has no \"" + SETTINGS_ENTRY + "\" manifest entry");
        }
        try {
            for (String name : NerSettings.decode(encoded).clusters()) {
                if (!(artifactProvider.getArtifact(name + CLUSTERS_SUFFIX) instanceof WordClusters)) {
                    throw new InvalidFormatException("NER model lacks the word clusters entry \"" + name
                            + CLUSTERS_SUFFIX + "\"");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFormatException(e.getMessage());
        }
    }
}
