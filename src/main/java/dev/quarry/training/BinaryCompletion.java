package dev.quarry.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Completes binary examples into complete ones with a model: each sentence gets the model's best outcome sequence
 * that contains every accepted span and no rejected one ({@link ConstrainedDecoder}), document by document.
 */
final class BinaryCompletion {

    private BinaryCompletion() {
    }

    /**
     * The binary examples completed by {@code model}, in order; each keeps its document id and tokens.
     *
     * @throws IllegalArgumentException if the model is not one {@link NerTrainer} trained
     */
    static List<NerExample> complete(NerModel model, List<BinaryNerExample> binary, int beamSize) {
        ConstrainedDecoder decoder = new ConstrainedDecoder(model.openNlp(), beamSize);
        List<NerExample> completed = new ArrayList<>(binary.size());
        for (List<BinaryNerExample> document : documents(binary)) {
            List<String[]> encoded = model.encode(document.stream().map(BinaryNerExample::tokens).toList());
            decoder.startDocument();
            for (int s = 0; s < document.size(); s++) {
                BinaryNerExample example = document.get(s);
                var constraints = decoder.constraints(example.tokens().size(), example.accepted(),
                        example.rejected());
                String[] best = decoder.decode(encoded.get(s), constraints).getFirst().outcomes();
                completed.add(new NerExample(example.documentId(), example.tokens(), ConstrainedDecoder.spans(best)));
            }
        }
        return completed;
    }

    /** Runs of consecutive examples with the same document id. */
    static List<List<BinaryNerExample>> documents(List<BinaryNerExample> examples) {
        List<List<BinaryNerExample>> documents = new ArrayList<>();
        List<BinaryNerExample> current = new ArrayList<>();
        for (BinaryNerExample example : examples) {
            if (!current.isEmpty() && !current.getFirst().documentId().equals(example.documentId())) {
                documents.add(List.copyOf(current));
                current.clear();
            }
            current.add(example);
        }
        if (!current.isEmpty()) {
            documents.add(List.copyOf(current));
        }
        return documents;
    }
}
