package dev.quarry.training;

import java.util.List;
import java.util.Objects;

/**
 * How {@link NerTrainer#train(java.util.List, java.util.List, BinaryTraining)} learns from binary answers: train a
 * first model, complete each binary example with that model's best sequence that contains every accepted span and no
 * rejected one, retrain on the completed examples, and repeat.
 *
 * @param rounds        completion-and-retraining rounds after the first model, at least 0 (0: the first model only)
 * @param beamSize      hypotheses kept per token while completing, at least 1
 * @param start         what the first model is trained on
 * @param minConfidence in [0, 1): a token outside the accepted spans is learnt from only when its completed label
 *                      holds at least this share of the constrained beam's probability (the sequences' normalised
 *                      probabilities summed over those that agree with the best one at that token); 0 learns from
 *                      every token. Skipped tokens give OpenNLP no training event (they still serve as context).
 * @param crossFit      from the second round on, complete each half of the binary documents (even and odd) with a
 *                      model that learnt that half from its answers' known tokens only and the other half from the
 *                      previous round's completions, so no model completes sentences it was taught its own guesses
 *                      on; false: one model, trained on every completion, completes them all
 * @param priorCorrection in [0, 1]: how far the completing model's outcome probabilities are moved from the label
 *                      distribution of its own training events to that of the complete examples (each outcome's
 *                      probability times (complete share / training share) to this power, renormalised). A model
 *                      that learnt accepted spans but no O from binary examples believes in too many entities; 0
 *                      leaves its probabilities alone, and so does a training without complete examples
 * @param completer     the settings of the models that complete the binary examples (the first model and every
 *                      round's but the last), from the trainer's; the last model always has the trainer's
 * @param softLabels    learn a completed example from every sequence of its constrained beam, each weighted by its
 *                      share of the beam's probability (as whole event copies, in quarters), instead of from the
 *                      best sequence alone
 * @param minConfidenceForO in [0, 1): as {@code minConfidence}, for the tokens completed as O only (the larger of the
 *                      two applies to them): a missed entity learnt as O costs recall, so O may need more confidence
 *                      than an entity label
 * @param rejectOverlaps a rejected span also rules out every span of its label that overlaps it (a sub- or
 *                      super-span), outside accepted spans; false: only the exact span is ruled out
 * @param answerPatterns whether the completing models (not the final one) also get pattern features from the
 *                      answers themselves, as a Prodigy user's patterns would be: each accepted span's words as a
 *                      phrase pattern of its label, and with {@link AnswerPatterns#ACCEPTED_AND_REJECTED} each
 *                      rejected span's words (never accepted with that label) as one of the label {@code no-LABEL},
 *                      matched on every sentence ({@link NerSettings#patternFeatures()}, with the trainer's own
 *                      patterns when it has any); none when a token of the examples is empty or holds whitespace
 *                      (pattern matching needs words)
 * @param distillation   what the final model learns from a vote's completions ({@link Distillation}); anything but
 *                      {@link Distillation#VOTE} rules out {@code softLabels}
 */
public record BinaryTraining(int rounds, int beamSize, Start start, double minConfidence, boolean crossFit,
                             double priorCorrection, Completer completer, boolean softLabels,
                             double minConfidenceForO, boolean rejectOverlaps, AnswerPatterns answerPatterns,
                             Distillation distillation) {

    /**
     * What the final model learns from a vote's completions of the binary examples. The complete examples weigh the
     * same under every choice (copied as often as a binary example), accepted spans hold in every reading and
     * rejected ones in none; masks ({@link Agreement#ALL}, {@code minConfidence}) apply to every reading of a token.
     * The soft choices are weights by event copies: maxent learns them as counts, the averaged perceptron does not
     * (it updates once per mistake, so even uniform copies change what it learns). On CoNLL-2003 none beat {@link
     * #VOTE}, the default (benchmarks/binary/README.md, section 1f).
     */
    public enum Distillation {
        /** The vote's spans: one label per token (the argmax of the members' completions). */
        VOTE,
        /**
         * Each binary example once per completing model, labelled by that model's own constrained completion (as
         * event copies: a token a vote of N splits k to N-k gives k events of one label and N-k of the other, one
         * every member agrees on N of its label), and every complete example N times; the document features follow
         * the vote's labels. With one completing model, as {@link #VOTE}.
         */
        MEMBERS,
        /**
         * The vote's labels, each token weighted by the share of the completing models whose completion has the
         * vote's label there (event copies of the vote's label only: a token a vote of N splits k to N-k gives k
         * events, one every member agrees on N), every complete example N times. Unlike {@link #MEMBERS} no token
         * teaches two labels, which a perceptron cannot weigh. With one completing model, as {@link #VOTE}.
         */
        VOTE_BY_AGREEMENT,
        /**
         * As {@link #MEMBERS}, each member's completion read as its whole constrained beam, each sequence weighted by
         * its share of the beam's probability (in quarters of a member's weight): the members' marginals. Only as
         * soft as the members' probabilities are calibrated (a perceptron's are nearly flat across a beam).
         */
        MEMBER_BEAMS
    }

    /** Which answers become pattern features of the completing models. */
    public enum AnswerPatterns {
        /** None. */
        NONE,
        /** The accepted spans' words, each with its label. */
        ACCEPTED,
        /** The accepted spans' words, and the rejected ones' with the label {@code no-LABEL}. */
        ACCEPTED_AND_REJECTED,
        /**
         * The accepted spans' words, but a training document's features come from the other documents' answers
         * only (leave one document out), so an answer's own words never give its label away in training; completion
         * uses every answer.
         */
        ACCEPTED_ELSEWHERE
    }

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

    /** The settings of the completing models, given the trainer's. */
    public sealed interface Completer {

        /** The settings for a trainer with {@code trainer} settings (a vote's first member). */
        NerSettings settingsFor(NerSettings trainer);

        /** The settings of each completing model for a trainer with {@code trainer} settings: one, or a vote's. */
        default List<NerSettings> membersFor(NerSettings trainer) {
            return List.of(settingsFor(trainer));
        }

        /** Which models leave out the completed tokens on which a vote's members differ; NONE for one model. */
        default Agreement agreement() {
            return Agreement.NONE;
        }

        /** The trainer's own settings. */
        static Completer trainers() {
            return new TrainersOwn();
        }

        /**
         * A stronger learner from the same resources: the averaged perceptron (300 iterations, cutoff 0) with the
         * trainer's features plus prefixes and suffixes of up to 4 characters, word shapes and document features.
         */
        static Completer stronger() {
            return new Stronger();
        }

        /** Fixed settings (their word clusters must be among the trainer's). */
        static Completer of(NerSettings settings) {
            return new Fixed(Objects.requireNonNull(settings, "settings"));
        }

        /**
         * Several models complete each example, {@code base}'s settings with the features of {@link
         * NerEnsemble#memberSettings}, and a span is kept where more than half of their completions have it (accepted
         * spans are in all of them, rejected ones in none). A member that needs word clusters the trainer lacks
         * gets {@link NerFeature#DOCUMENT_TOPIC} instead.
         *
         * @param size      3 or 5
         * @param agreement which models learn only the tokens on which the members' completions agree
         */
        static Completer vote(Completer base, int size, Agreement agreement) {
            return new Vote(base, size, agreement);
        }

        /**
         * As {@link #vote(Completer, int, Agreement)}, keeping a span where at least {@code minVotes} of the
         * completions have it; where kept spans overlap, the one with more votes wins (then the earlier, then the
         * longer one). Accepted spans have every vote, rejected ones none, so the answers still hold.
         *
         * @param minVotes from 1 to {@code size}; a majority is {@code size / 2 + 1}
         */
        static Completer vote(Completer base, int size, Agreement agreement, int minVotes) {
            return new Vote(base, size, agreement, minVotes);
        }

        /** See {@link #trainers()}. */
        record TrainersOwn() implements Completer {
            @Override
            public NerSettings settingsFor(NerSettings trainer) {
                return trainer;
            }
        }

        /** See {@link #stronger()}. */
        record Stronger() implements Completer {
            @Override
            public NerSettings settingsFor(NerSettings trainer) {
                return trainer.withLearner("PERCEPTRON", 300, 0)
                        .withRichFeatures(Math.max(4, trainer.affixLength()), true, true);
            }
        }

        /** See {@link #vote(Completer, int, Agreement)}. */
        record Vote(Completer base, int size, Agreement agreement, int minVotes) implements Completer {
            public Vote {
                Objects.requireNonNull(base, "base");
                Objects.requireNonNull(agreement, "agreement");
                if (base instanceof Vote) {
                    throw new IllegalArgumentException("a vote's base must be a single completer, got " + base);
                }
                if (size != 3 && size != 5) {
                    throw new IllegalArgumentException("a completer vote has 3 or 5 members, got " + size);
                }
                if (minVotes < 1 || minVotes > size) {
                    throw new IllegalArgumentException("a vote of " + size + " keeps a span with 1 to " + size
                            + " votes, got minVotes " + minVotes);
                }
            }

            /** A majority vote. */
            public Vote(Completer base, int size, Agreement agreement) {
                this(base, size, agreement, size / 2 + 1);
            }

            @Override
            public NerSettings settingsFor(NerSettings trainer) {
                return base.settingsFor(trainer);
            }

            @Override
            public List<NerSettings> membersFor(NerSettings trainer) {
                return NerEnsemble.memberSettings(base.settingsFor(trainer), size);
            }
        }

        /** See {@link #of(NerSettings)}. */
        record Fixed(NerSettings settings) implements Completer {
            @Override
            public NerSettings settingsFor(NerSettings trainer) {
                return settings;
            }
        }
    }

    /**
     * Which models learn a completed token only where the completing models' sequences agree on it (a token left
     * out still serves as context).
     */
    public enum Agreement {
        /** Every model learns every completed token. */
        NONE,
        /** The completing models of later rounds learn the agreed tokens only; the final model learns every token. */
        COMPLETERS,
        /** The completing models and the final model learn the agreed tokens only. */
        ALL,
        /**
         * Tri-training: each completing model of later rounds learns a token only where the <em>other</em>
         * members' completions agree with the vote there (so its own errors are corrected by the others, and a
         * token only it got right is not taught to it as wrong); the final model learns every token.
         */
        OTHERS
    }

    public BinaryTraining {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
        }
        if (beamSize < 1) {
            throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(completer, "completer");
        Objects.requireNonNull(answerPatterns, "answerPatterns");
        Objects.requireNonNull(distillation, "distillation");
        if (softLabels && distillation != Distillation.VOTE) {
            throw new IllegalArgumentException("softLabels and distillation " + distillation
                    + " both say what the final model learns: choose one");
        }
        if (!(minConfidence >= 0 && minConfidence < 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1), got " + minConfidence);
        }
        if (!(minConfidenceForO >= 0 && minConfidenceForO < 1)) {
            throw new IllegalArgumentException("minConfidenceForO must be in [0, 1), got " + minConfidenceForO);
        }
        if (!(priorCorrection >= 0 && priorCorrection <= 1)) {
            throw new IllegalArgumentException("priorCorrection must be in [0, 1], got " + priorCorrection);
        }
    }

    /** Learning the vote's spans ({@link Distillation#VOTE}). */
    public BinaryTraining(int rounds, int beamSize, Start start, double minConfidence, boolean crossFit,
                          double priorCorrection, Completer completer, boolean softLabels, double minConfidenceForO,
                          boolean rejectOverlaps, AnswerPatterns answerPatterns) {
        this(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer, softLabels,
                minConfidenceForO, rejectOverlaps, answerPatterns, Distillation.VOTE);
    }

    /** With the trainer's own settings for completion, no cross-fitting, prior correction or soft labels. */
    public BinaryTraining(int rounds, int beamSize, Start start, double minConfidence) {
        this(rounds, beamSize, start, minConfidence, false, 0, Completer.trainers(), false, 0, false,
                AnswerPatterns.NONE);
    }

    /** What {@link NerTrainer#train(java.util.List, java.util.List)} uses (chosen by measurement, see the README). */
    public static BinaryTraining defaults() {
        return new BinaryTraining(2, 8, Start.KNOWN_TOKENS, 0, false, 0.5,
                Completer.vote(Completer.stronger(), 5, Agreement.COMPLETERS), false, 0, false,
                AnswerPatterns.ACCEPTED_ELSEWHERE);
    }

    public BinaryTraining withRounds(int rounds) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withCrossFit(boolean crossFit) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withPriorCorrection(double priorCorrection) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withMinConfidenceForO(double minConfidenceForO) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withRejectOverlaps(boolean rejectOverlaps) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withSoftLabels(boolean softLabels) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withCompleter(Completer completer) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withAnswerPatterns(AnswerPatterns answerPatterns) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }

    public BinaryTraining withDistillation(Distillation distillation) {
        return new BinaryTraining(rounds, beamSize, start, minConfidence, crossFit, priorCorrection, completer,
                softLabels, minConfidenceForO, rejectOverlaps, answerPatterns, distillation);
    }
}
