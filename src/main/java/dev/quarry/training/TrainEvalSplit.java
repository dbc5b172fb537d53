package dev.quarry.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded split of examples into training and evaluation parts. NER examples are split by document (a document's
 * sentences stay together), other examples one by one. The same examples, fraction and seed give the same split.
 *
 * @param train the examples to train on, in their original order
 * @param eval  the examples to evaluate on, in their original order
 */
public record TrainEvalSplit<T>(List<T> train, List<T> eval) {

    public TrainEvalSplit {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
    }

    /**
     * Splits NER examples by document: {@code round(fraction * documents)} documents, at least 1, go to eval, and at
     * least one document stays for training.
     *
     * @throws IllegalArgumentException if fraction is not in (0, 1) or there are fewer than 2 documents
     */
    public static TrainEvalSplit<NerExample> byDocument(List<NerExample> examples, double fraction, long seed) {
        List<List<NerExample>> documents = NerExample.documents(examples);
        TrainEvalSplit<List<NerExample>> split = of(documents, fraction, seed, "NER documents");
        return new TrainEvalSplit<>(split.train.stream().flatMap(List::stream).toList(),
                split.eval.stream().flatMap(List::stream).toList());
    }

    /** Splits items one by one, as {@link #byDocument} splits documents. */
    public static <T> TrainEvalSplit<T> of(List<T> items, double fraction, long seed, String what) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the evaluation fraction must be between 0 and 1, got " + fraction);
        }
        if (items.size() < 2) {
            throw new IllegalArgumentException("cannot split " + items.size() + " " + what
                    + " into training and evaluation parts");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int evalSize = (int) Math.min(items.size() - 1, Math.max(1, Math.round(fraction * items.size())));
        boolean[] inEval = new boolean[items.size()];
        order.subList(0, evalSize).forEach(i -> inEval[i] = true);
        List<T> train = new ArrayList<>();
        List<T> eval = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            (inEval[i] ? eval : train).add(items.get(i));
        }
        return new TrainEvalSplit<>(train, eval);
    }
}
