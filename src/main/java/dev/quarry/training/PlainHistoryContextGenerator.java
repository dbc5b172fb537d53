package dev.quarry.training;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * OpenNLP's name context (the feature generators, then the previous-outcome features {@code po}, {@code pow},
 * {@code powf}, {@code ppo} with the same names and values) except that the outcome-and-word features read the plain
 * word of an encoded token ({@link NerFeature#PLAIN_HISTORY}). Not thread-safe, like its generators.
 */
final class PlainHistoryContextGenerator extends DefaultNameContextGenerator {

    private static final String OTHER = "other";

    PlainHistoryContextGenerator(AdaptiveFeatureGenerator generator) {
        super(generator);
    }

    @Override
    public String[] getContext(int index, String[] tokens, String[] preds, Object[] additionalContext) {
        List<String> features = new ArrayList<>(128);
        for (AdaptiveFeatureGenerator generator : featureGenerators) {
            generator.createFeatures(features, tokens, index, preds);
        }
        String po = index > 0 ? preds[index - 1] : OTHER;
        String ppo = index > 1 ? preds[index - 2] : OTHER;
        String word = FeatureGenerators.plainWord(tokens[index]);
        features.add("po=" + po);
        features.add("pow=" + po + "," + word);
        features.add("powf=" + po + "," + FeatureGeneratorUtil.tokenFeature(word));
        features.add("ppo=" + ppo);
        return features.toArray(String[]::new);
    }
}
