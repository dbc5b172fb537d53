package dev.quarry.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model was trained on, as its manifest records it.
 *
 * @param nerDatasets     the datasets the NER was trained on, in order; copied
 * @param textcatDatasets the datasets the text classifier was trained on; copied
 * @param examples        example counts by kind (for instance {@code ner_complete}, {@code ner_binary},
 *                        {@code textcat}, {@code eval_ner}); copied, order kept
 * @param inputHashes     a digest of the sorted input hashes of every training example (hex), so two models can be
 *                        seen to share their data; empty when unknown
 */
public record TrainingData(List<String> nerDatasets, List<String> textcatDatasets, Map<String, Long> examples,
                           String inputHashes) {

    public TrainingData {
        nerDatasets = List.copyOf(nerDatasets);
        textcatDatasets = List.copyOf(textcatDatasets);
        examples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(examples));
        Objects.requireNonNull(inputHashes, "inputHashes");
        for (Map.Entry<String, Long> entry : examples.entrySet()) {
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new IllegalArgumentException("examples." + entry.getKey() + " must be >= 0, got "
                        + entry.getValue());
            }
        }
    }

    /** No recorded training data (a package assembled from parts). */
    public static TrainingData none() {
        return new TrainingData(List.of(), List.of(), Map.of(), "");
    }
}
