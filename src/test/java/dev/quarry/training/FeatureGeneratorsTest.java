package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;

class FeatureGeneratorsTest {

    private static final WordClusters K3 = WordClusters.of(Map.of("anna", 1, "visited", 2, "paris", 0));
    private static final String[] SENTENCE = {"Anna", "visited", "Paris", "2-1"};

    private static NerSettings settings(NerFeature... features) {
        return NerSettings.openNlpDefaults().withClusters(List.of("k3"), 0).withFeatures(List.of(features));
    }

    private static List<String> features(NerSettings settings, String[] tokens, int index) {
        AdaptiveFeatureGenerator generator = FeatureGenerators.create(settings, Map.of("k3", K3));
        List<String> features = new ArrayList<>();
        generator.createFeatures(features, tokens, index, new String[index]);
        return features;
    }

    private static List<String> withPrefix(List<String> features, String prefix) {
        return features.stream().filter(f -> f.startsWith(prefix)).toList();
    }

    @Test
    void clusterBigramsPairTheTokenWithEachNeighbourAndMarkUnknownAndEdges() {
        NerSettings settings = settings(NerFeature.CLUSTER_BIGRAMS);
        assertEquals(List.of("cbk3=^,1", "cbk3+=1,2"), withPrefix(features(settings, SENTENCE, 0), "cb"));
        assertEquals(List.of("cbk3=2,0", "cbk3+=0,_"), withPrefix(features(settings, SENTENCE, 2), "cb"));
        assertEquals(List.of("cbk3=0,_", "cbk3+=_,$"), withPrefix(features(settings, SENTENCE, 3), "cb"));
    }

    @Test
    void clusterShapeJoinsTheClusterWithTheCompressedShapeOfKnownWordsOnly() {
        NerSettings settings = settings(NerFeature.CLUSTER_SHAPE);
        assertEquals(List.of("csk3=1,Xx"), withPrefix(features(settings, SENTENCE, 0), "cs"));
        assertEquals(List.of("csk3=2,x"), withPrefix(features(settings, SENTENCE, 1), "cs"));
        assertEquals(List.of(), withPrefix(features(settings, SENTENCE, 3), "cs"));
    }

    @Test
    void optionalFeaturesAreAbsentUnlessSwitchedOn() {
        List<String> features = features(settings(), SENTENCE, 1);
        assertTrue(features.contains("ck3=2"));
        assertFalse(features.stream().anyMatch(f -> f.startsWith("cb") || f.startsWith("cs")), features::toString);
    }

    @Test
    void plainHistoryReadsTheWordWithoutItsExtraFeatures() {
        String[] tokens = {FeatureGenerators.encode("Anna", List.of("dc")), FeatureGenerators.encode("Paris",
                List.of("dc", "p=GEO"))};
        NerSettings settings = settings(NerFeature.PLAIN_HISTORY);
        var context = new PlainHistoryContextGenerator(FeatureGenerators.create(settings, Map.of("k3", K3)));
        List<String> features = List.of(context.getContext(1, tokens, new String[] {"PER-start"}, null));
        assertEquals(List.of("po=PER-start", "pow=PER-start,Paris", "powf=PER-start,ic", "ppo=other"),
                features.subList(features.size() - 4, features.size()));
        assertTrue(features.contains("x=p=GEO"), features::toString);
        assertTrue(features.contains("x-1=dc"), features::toString);
    }

    @Test
    void outcomeClustersJoinThePreviousOutcomeWithTheTokensCluster() {
        NerSettings settings = settings(NerFeature.OUTCOME_CLUSTERS);
        AdaptiveFeatureGenerator generator = FeatureGenerators.create(settings, Map.of("k3", K3));
        List<String> first = new ArrayList<>();
        generator.createFeatures(first, SENTENCE, 0, new String[0]);
        assertEquals(List.of("pock3=other,1"), withPrefix(first, "poc"));
        List<String> third = new ArrayList<>();
        generator.createFeatures(third, SENTENCE, 3, new String[] {"PER-start", "other", "LOC-start"});
        assertEquals(List.of("pock3=LOC-start,_"), withPrefix(third, "poc"));
    }

    @Test
    void documentTopicIsJoinedWithTheTokensCluster() {
        String[] tokens = {FeatureGenerators.encode("Anna", List.of("tp=soccer")),
            FeatureGenerators.encode("2-1", List.of("tp=soccer"))};
        NerSettings settings = settings(NerFeature.DOCUMENT_TOPIC);
        assertEquals(List.of("tpck3=soccer,1"), withPrefix(features(settings, tokens, 0), "tpc"));
        assertEquals(List.of("tpck3=soccer,_"), withPrefix(features(settings, tokens, 1), "tpc"));
        assertEquals(List.of(), withPrefix(features(settings(), tokens, 0), "tpc"));
    }
}
