package dev.quarry.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Beam search over an OpenNLP name-finder model's outcome probabilities (BIO: {@code L-start}, {@code L-cont},
 * {@code other}), restricted by what binary answers say about a sentence: every accepted span must be in the
 * sequence exactly, no rejected span may be. Everything else is left to the model, so a token no answer covers gets
 * whatever the model's best consistent sequence gives it (an entity or O), never O by decree.
 *
 * <p>Probabilities are the model's own, computed with the previous outcomes of each hypothesis (the name finder's
 * {@code po=} features) and with document-level adaptive data fed the chosen sequences, as {@code NameFinderME} does.
 * Scores are sums of log probabilities, each floored at {@value #FLOOR_LOG} (an outcome the model never saw, such as
 * O for a model trained on entity tokens only, gets the floor); ties keep the earlier hypothesis and the
 * model's outcome order, so decoding is deterministic. Not thread-safe (the context generator keeps document state):
 * one decoder per thread.
 */
final class ConstrainedDecoder {

    static final String START = "-start";
    static final String CONT = "-cont";
    static final String OTHER = "other";
    private static final double FLOOR_LOG = -50;

    private final MaxentModel model;
    private final NameContextGenerator contexts;
    private final int beamSize;
    private final String[] outcomes;
    private final double[] weights;

    /**
     * @param model    a model trained through OpenNLP's event trainer (as {@link NerTrainer} trains)
     * @param beamSize hypotheses kept per token, at least 1
     * @throws IllegalArgumentException if the model is not event-trained
     */
    ConstrainedDecoder(TokenNameFinderModel model, int beamSize) {
        this(model, beamSize, Map.of());
    }

    /**
     * A decoder that reweights the model's outcome probabilities: each is multiplied by its outcome's weight (1 for
     * an outcome not in {@code weights}) and the token's probabilities are renormalised.
     *
     * @param weights positive factors by outcome name ({@code L-start}, {@code L-cont}, {@code other})
     */
    ConstrainedDecoder(TokenNameFinderModel model, int beamSize, Map<String, Double> weights) {
        if (beamSize < 1) {
            throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
        }
        Object artifact = model.getArtifact("nameFinder.model");
        if (!(artifact instanceof MaxentModel maxent)) {
            throw new IllegalArgumentException("constrained decoding needs an event-trained name finder model");
        }
        this.model = maxent;
        this.contexts = model.getFactory().createContextGenerator();
        this.beamSize = beamSize;
        String[] known = new String[maxent.getNumOutcomes()];
        Arrays.setAll(known, maxent::getOutcome);
        this.outcomes = maxent.getIndex(OTHER) >= 0 ? known : append(known, OTHER);
        this.weights = weights.isEmpty() ? null : new double[known.length];
        for (int o = 0; this.weights != null && o < known.length; o++) {
            this.weights[o] = weights.getOrDefault(known[o], 1.0);
        }
    }

    /** The model's outcome probabilities for token {@code i}, reweighted when this decoder has weights. */
    private double[] eval(int i, String[] tokens, String[] previous) {
        double[] probabilities = model.eval(contexts.getContext(i, tokens, previous, null));
        if (weights == null) {
            return probabilities;
        }
        double sum = 0;
        for (int o = 0; o < probabilities.length; o++) {
            probabilities[o] *= weights[o];
            sum += probabilities[o];
        }
        for (int o = 0; o < probabilities.length; o++) {
            probabilities[o] /= sum;
        }
        return probabilities;
    }

    /** The constraints of one sentence, for this decoder's model. */
    Constraints constraints(int length, List<EntitySpan> accepted, List<EntitySpan> rejected) {
        return constraints(length, accepted, rejected, false);
    }

    /**
     * @param rejectOverlaps also forbid every span of a rejected span's label that overlaps it (sub- and super-spans
     *                       too), unless an accepted span forces it
     */
    Constraints constraints(int length, List<EntitySpan> accepted, List<EntitySpan> rejected,
                            boolean rejectOverlaps) {
        return new Constraints(length, accepted, rejected, outcome -> model.getIndex(outcome) >= 0, rejectOverlaps);
    }

    /** Call at every document start: forgets the adaptive data of the previous document. */
    void startDocument() {
        contexts.clearAdaptiveData();
    }

    /**
     * The best outcome sequences of one sentence that satisfy {@code constraints}, best first, and feeds the best one
     * to the document's adaptive data.
     *
     * @param tokens the encoded tokens ({@link ExtraFeatures#encode})
     * @return up to {@code beamSize} sequences with their log scores; never empty
     */
    List<Scored> decode(String[] tokens, Constraints constraints) {
        List<Hypothesis> beam = List.of(Hypothesis.EMPTY);
        for (int i = 0; i < tokens.length; i++) {
            List<Hypothesis> next = new ArrayList<>();
            for (Hypothesis hypothesis : beam) {
                extend(hypothesis, i, tokens, constraints, next);
            }
            next.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
            beam = next.subList(0, Math.min(beamSize, next.size()));
            if (beam.isEmpty()) {
                beam = List.of(safe(tokens, constraints));
                break;
            }
        }
        List<Scored> result = new ArrayList<>(beam.size());
        for (Hypothesis hypothesis : beam) {
            result.add(new Scored(hypothesis.outcomes(tokens.length), hypothesis.score()));
        }
        contexts.updateAdaptiveData(tokens, result.getFirst().outcomes());
        return result;
    }

    /**
     * The fallback when every hypothesis in the beam ran into a rejected span (rare: rejected spans nested so that
     * each continuation is rejected too): the accepted spans and O elsewhere, which holds every answer.
     */
    private Hypothesis safe(String[] tokens, Constraints constraints) {
        Hypothesis hypothesis = Hypothesis.EMPTY;
        for (int i = 0; i < tokens.length; i++) {
            String outcome = constraints.forced(i) == null ? OTHER : constraints.forced(i);
            double[] probabilities = eval(i, tokens, hypothesis.outcomes(i));
            int index = model.getIndex(outcome);
            hypothesis = hypothesis.plus(outcome, index < 0 ? 0 : probabilities[index]);
        }
        return hypothesis;
    }

    private void extend(Hypothesis hypothesis, int i, String[] tokens, Constraints constraints,
                        List<Hypothesis> next) {
        String[] previous = hypothesis.outcomes(i);
        double[] probabilities = eval(i, tokens, previous);
        String forced = constraints.forced(i);
        if (forced != null) {
            int index = model.getIndex(forced);
            double p = index < 0 ? 0 : probabilities[index];
            if (validBio(previous, i, forced) && !constraints.completesRejected(previous, i, forced)) {
                next.add(hypothesis.plus(forced, p));
            }
            return;
        }
        for (int o = 0; o < outcomes.length; o++) {
            String outcome = outcomes[o];
            if (validBio(previous, i, outcome) && constraints.allows(previous, i, outcome)) {
                next.add(hypothesis.plus(outcome, o < probabilities.length ? probabilities[o] : 0));
            }
        }
    }

    private static String[] append(String[] values, String value) {
        String[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }

    /** {@code L-cont} only after {@code L-start} or {@code L-cont}. */
    private static boolean validBio(String[] previous, int i, String outcome) {
        if (!outcome.endsWith(CONT)) {
            return true;
        }
        if (i == 0) {
            return false;
        }
        String label = label(outcome);
        return previous[i - 1].equals(label + START) || previous[i - 1].equals(label + CONT);
    }

    static String label(String outcome) {
        return outcome.substring(0, outcome.lastIndexOf('-'));
    }

    /** The spans an outcome sequence encodes (BIO, as {@code NameFinderME} decodes it). */
    static List<EntitySpan> spans(String[] sequence) {
        List<EntitySpan> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= sequence.length; i++) {
            boolean continues = i < sequence.length && sequence[i].endsWith(CONT) && start >= 0;
            if (start >= 0 && !continues) {
                spans.add(new EntitySpan(start, i, label(sequence[start])));
                start = -1;
            }
            if (i < sequence.length && sequence[i].endsWith(START)) {
                start = i;
            }
        }
        return spans;
    }

    /** A complete outcome sequence and its score (the sum of its log probabilities, floored). */
    record Scored(String[] outcomes, double score) {
    }

    /** A partial sequence as a linked list, newest outcome first. */
    private record Hypothesis(Hypothesis parent, String outcome, double score, int size) {
        static final Hypothesis EMPTY = new Hypothesis(null, null, 0, 0);

        Hypothesis plus(String next, double probability) {
            double log = probability > 0 ? Math.max(FLOOR_LOG, Math.log(probability)) : FLOOR_LOG;
            return new Hypothesis(this, next, score + log, size + 1);
        }

        /** The outcomes, in a fresh array of {@code length} (at least {@code size}). */
        String[] outcomes(int length) {
            String[] result = new String[length];
            int i = size - 1;
            for (Hypothesis h = this; h.parent != null; h = h.parent) {
                result[i--] = h.outcome;
            }
            return result;
        }
    }

    /**
     * What the answers on one sentence fix: accepted spans force their outcomes ({@code L-start}, then
     * {@code L-cont}) and forbid {@code L-cont} right after their end; a rejected span may not appear as an exact
     * span of its label. A rejected span is caught at its last token when the next token cannot continue it (the end
     * of the sentence or a forced outcome), else at the next token, where continuing it stays allowed. Optionally
     * ({@code rejectOverlaps}) no token of a rejected span may carry its label at all, outside accepted spans.
     */
    static final class Constraints {
        private final int length;
        private final String[] forced;
        private final String[] notContinued;
        private final List<EntitySpan> rejected;
        private final java.util.function.Predicate<String> known;
        private final boolean rejectOverlaps;

        Constraints(int length, List<EntitySpan> accepted, List<EntitySpan> rejected) {
            this(length, accepted, rejected, outcome -> true, false);
        }

        /**
         * @param known whether the model has an outcome: a rejected span whose label cannot continue past it is
         *              avoided at its last token already
         */
        Constraints(int length, List<EntitySpan> accepted, List<EntitySpan> rejected,
                    java.util.function.Predicate<String> known, boolean rejectOverlaps) {
            this.length = length;
            this.forced = new String[length];
            this.notContinued = new String[length + 1];
            for (EntitySpan span : accepted) {
                forced[span.start()] = span.label() + START;
                for (int i = span.start() + 1; i < span.end(); i++) {
                    forced[i] = span.label() + CONT;
                }
                notContinued[span.end()] = span.label();
            }
            this.rejected = List.copyOf(rejected);
            this.known = known;
            this.rejectOverlaps = rejectOverlaps;
        }

        static Constraints none(int length) {
            return new Constraints(length, List.of(), List.of());
        }

        String forced(int i) {
            return forced[i];
        }

        boolean allows(String[] previous, int i, String outcome) {
            if (outcome.endsWith(CONT) && label(outcome).equals(notContinued[i])) {
                return false;
            }
            if (rejectOverlaps && !outcome.equals(OTHER) && insideRejected(i, label(outcome))) {
                return false;
            }
            return !completesRejected(previous, i, outcome);
        }

        private boolean insideRejected(int i, String label) {
            for (EntitySpan span : rejected) {
                if (span.start() <= i && i < span.end() && span.label().equals(label)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether choosing {@code outcome} at {@code i} makes a rejected span certain. */
        boolean completesRejected(String[] previous, int i, String outcome) {
            for (EntitySpan span : rejected) {
                if (span.end() - 1 == i && !canContinue(span) && isPrefix(previous, span, i, outcome)) {
                    return true;
                }
                if (span.end() == i && !outcome.equals(span.label() + CONT) && isPrefix(previous, span, i, null)) {
                    return true;
                }
            }
            return false;
        }

        private boolean canContinue(EntitySpan span) {
            int next = span.end();
            if (next >= length || !known.test(span.label() + CONT)) {
                return false;
            }
            return forced[next] == null ? !span.label().equals(notContinued[next])
                    : forced[next].equals(span.label() + CONT);
        }

        /** Whether the outcomes of the span's tokens, up to {@code i} (exclusive, plus {@code last} at i), spell it. */
        private static boolean isPrefix(String[] previous, EntitySpan span, int i, String last) {
            for (int t = span.start(); t < Math.min(i + 1, span.end()); t++) {
                String outcome = t == i ? last : previous[t];
                String expected = span.label() + (t == span.start() ? START : CONT);
                if (!Objects.equals(outcome, expected)) {
                    return false;
                }
            }
            return true;
        }
    }
}
