package dev.quarry.training;

import java.util.List;

/**
 * Benchmark-only access to what binary training completes in each round (package-private in the library), so the
 * benchmark can score the completions against the gold. Lives in the library's package on the benchmark's own
 * class path; not part of Quarry.
 */
public final class BinaryProbe {

    private BinaryProbe() {
    }

    /** What a round completed and the models that completed it (none for cross-fitted rounds). */
    public interface RoundObserver {
        void completed(int round, List<NerExample> completed, List<NerModel> completers);
    }

    /** Trains as {@link NerTrainer#train(List, List, BinaryTraining)}, giving each round's completions to observer. */
    public static NerModel train(NerTrainer trainer, List<NerExample> complete, List<BinaryNerExample> binary,
                                 BinaryTraining how, RoundObserver observer) {
        return trainer.train(complete, binary, how, observer::completed);
    }

    /** As {@link NerTrainer#trainMembers}, giving each round's completions to observer. */
    public static List<NerModel> trainMembers(NerTrainer trainer, List<NerExample> complete,
                                              List<BinaryNerExample> binary, BinaryTraining how,
                                              List<NerSettings> members, RoundObserver observer) {
        return trainer.trainMembers(complete, binary, how, members, observer::completed);
    }
}
