package dev.quarry.training;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Benchmark-only access to what binary training completes in each round (package-private in the library), so the
 * benchmark can score the completions against the gold. Lives in the library's package on the benchmark's own
 * class path; not part of Quarry.
 */
public final class BinaryProbe {

    private BinaryProbe() {
    }

    /** Trains as {@link NerTrainer#train(List, List, BinaryTraining)}, giving each round's completions to observer. */
    public static NerModel train(NerTrainer trainer, List<NerExample> complete, List<BinaryNerExample> binary,
                                 BinaryTraining how, BiConsumer<Integer, List<NerExample>> observer) {
        return trainer.train(complete, binary, how, observer::accept);
    }
}
