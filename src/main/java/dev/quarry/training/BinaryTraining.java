package dev.quarry.training;

/**
 * How {@link NerTrainer#train(java.util.List, java.util.List, BinaryTraining)} learns from binary answers: train a
 * first model, complete each binary example with that model's best sequence that contains every accepted span and no
 * rejected one, retrain on the completed examples, and repeat.
 *
 * @param rounds   completion-and-retraining rounds after the first model, at least 0 (0: the first model only)
 * @param beamSize hypotheses kept per token while completing, at least 1
 * @param start    what the first model is trained on
 * @param minConfidence in [0, 1): a token outside the accepted spans is learnt from only when its completed label
 *                 holds at least this share of the constrained beam's probability (the sequences' normalised
 *                 probabilities summed over those that agree with the best one at that token); 0 learns from every
 *                 token. Skipped tokens give OpenNLP no training event (they still serve as context).
 */
public record BinaryTraining(int rounds, int beamSize, Start start, double minConfidence) {

    /** The first model's training data. */
    public enum Start {
        /**
         * The complete examples and the binary examples read as complete (accepted spans, O elsewhere). Always
         * possible, but it teaches the first model that unannotated entities are O.
         */
        ANSWERS_AS_COMPLETE,
        /**
         * The complete examples alone when they hold at least one span; otherwise as {@link #ANSWERS_AS_COMPLETE}.
         * The first model then knows the accepted spans' labels only from the complete data; a label seen only in
         * binary answers is forced where accepted and learnt from the first round on.
         */
        COMPLETE_ONLY,
        /**
         * The complete examples and, from the binary examples, only the tokens of accepted spans (OpenNLP's event
         * trainer gets no event for the other, unknown tokens): every answer's entity is learnt, nothing is learnt
         * as O that no one said was O. Without complete examples nothing would teach O, so then as
         * {@link #ANSWERS_AS_COMPLETE}.
         */
        KNOWN_TOKENS
    }

    public BinaryTraining {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
        }
        if (beamSize < 1) {
            throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
        }
        java.util.Objects.requireNonNull(start, "start");
        if (!(minConfidence >= 0 && minConfidence < 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1), got " + minConfidence);
        }
    }

    /** What {@link NerTrainer#train(java.util.List, java.util.List)} uses (chosen by measurement, see the README). */
    public static BinaryTraining defaults() {
        return new BinaryTraining(1, 8, Start.KNOWN_TOKENS, 0);
    }
}
