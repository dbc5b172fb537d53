package dev.quarry.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes binary examples into complete ones with a model: each sentence gets the model's best outcome sequence
 * that contains every accepted span and no rejected one ({@link ConstrainedDecoder}), document by document.
 */
final class BinaryCompletion {

    private BinaryCompletion() {
    }

    /**
     * A completed example and which of its tokens to learn from: every token of an accepted span, and every other
     * token whose completed label holds at least the minimum share of the beam's probability; null when all are.
     * {@code readings}: the constrained beam's sequences, best first, each weighted by its share of the beam's
     * probability (for soft labels). {@code members}: a vote's members' own completions, in member order; null for
     * one model's completion.
     */
    record Completed(NerExample example, boolean[] trusted, List<MaskedTraining.Reading> readings,
                     boolean[] agreed, List<boolean[]> othersAgreed, List<Completed> members) {

        Completed(NerExample example, boolean[] trusted, List<MaskedTraining.Reading> readings) {
            this(example, trusted, readings, null, null, null);
        }

        /** The vote's members' completions, or this one alone for one model's completion. */
        private List<Completed> membersOrSelf() {
            return members == null ? List.of(this) : members;
        }

        /**
         * The readings of {@link BinaryTraining.Distillation#VOTE_BY_AGREEMENT}: the vote's outcomes once per member,
         * with weight 1/N, each teaching the tokens where that member's completion has the vote's outcome.
         */
        List<MaskedTraining.Reading> agreementReadings() {
            String[] vote = BinaryTrainer.outcomes(example);
            List<Completed> each = membersOrSelf();
            List<MaskedTraining.Reading> all = new ArrayList<>(each.size());
            for (Completed member : each) {
                String[] own = BinaryTrainer.outcomes(member.example());
                boolean[] learnt = new boolean[vote.length];
                for (int t = 0; t < vote.length; t++) {
                    learnt[t] = own[t].equals(vote[t]);
                }
                all.add(new MaskedTraining.Reading(vote, 1.0 / each.size(), learnt));
            }
            return List.copyOf(all);
        }

        /**
         * The readings of {@link BinaryTraining.Distillation#MEMBERS} ({@code beams} false: each member's completion
         * with weight 1/N) or {@link BinaryTraining.Distillation#MEMBER_BEAMS} (true: each member's beam, its weights
         * divided by N), N the number of members (1 for one model's completion).
         */
        List<MaskedTraining.Reading> memberReadings(boolean beams) {
            List<Completed> each = membersOrSelf();
            List<MaskedTraining.Reading> all = new ArrayList<>();
            for (Completed member : each) {
                List<MaskedTraining.Reading> own = beams ? member.readings()
                        : List.of(new MaskedTraining.Reading(BinaryTrainer.outcomes(member.example()), 1));
                own.forEach(r -> all.add(new MaskedTraining.Reading(r.outcomes(), r.weight() / each.size())));
            }
            return List.copyOf(all);
        }

        /** The tokens to learn from: trusted and, with {@code agreedOnly}, agreed on; null when all are. */
        boolean[] mask(boolean agreedOnly) {
            return agreedOnly ? and(trusted, agreed) : trusted;
        }

        /**
         * The tokens vote member {@code member} learns from under tri-training: trusted, and agreed on by every
         * other member; null when all are (or when this is no vote).
         */
        boolean[] othersMask(int member) {
            return and(trusted, othersAgreed == null ? null : othersAgreed.get(member));
        }

        private static boolean[] and(boolean[] a, boolean[] b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            boolean[] both = a.clone();
            for (int t = 0; t < both.length; t++) {
                both[t] &= b[t];
            }
            return both;
        }
    }

    /**
     * The binary examples completed by {@code model}, in order; each keeps its document id and tokens.
     *
     * @param how     the beam size, which tokens to trust ({@link BinaryTraining#minConfidence()}, {@link
     *                BinaryTraining#minConfidenceForO()}) and how rejected spans constrain
     * @param weights factors for the model's outcome probabilities ({@link ConstrainedDecoder}); empty: none
     * @throws IllegalArgumentException if the model is not one {@link NerTrainer} trained
     */
    static List<Completed> complete(NerModel model, List<BinaryNerExample> binary, BinaryTraining how,
                                    Map<String, Double> weights) {
        ConstrainedDecoder decoder = new ConstrainedDecoder(model.openNlp(), how.beamSize(), weights);
        double minConfidence = how.minConfidence();
        double minConfidenceForO = Math.max(minConfidence, how.minConfidenceForO());
        List<Completed> completed = new ArrayList<>(binary.size());
        for (List<BinaryNerExample> document : documents(binary)) {
            List<String[]> encoded = model.encode(document.stream().map(BinaryNerExample::tokens).toList());
            decoder.startDocument();
            for (int s = 0; s < document.size(); s++) {
                BinaryNerExample example = document.get(s);
                var constraints = decoder.constraints(example.tokens().size(), example.accepted(),
                        example.rejected(), how.rejectOverlaps());
                List<ConstrainedDecoder.Scored> beam = decoder.decode(encoded.get(s), constraints);
                NerExample done = new NerExample(example.documentId(), example.tokens(),
                        ConstrainedDecoder.spans(beam.getFirst().outcomes()));
                boolean trustAll = minConfidenceForO == 0;
                completed.add(new Completed(done, trustAll ? null : trusted(example, beam, minConfidence,
                        minConfidenceForO), readings(beam)));
            }
        }
        return completed;
    }

    /** {@link #complete(NerModel, List, BinaryTraining, Map)} with a beam and nothing else: the completions. */
    static List<NerExample> complete(NerModel model, List<BinaryNerExample> binary, int beamSize) {
        BinaryTraining how = new BinaryTraining(1, beamSize, BinaryTraining.Start.KNOWN_TOKENS, 0);
        return complete(model, binary, how, Map.of()).stream().map(Completed::example).toList();
    }

    /**
     * The majority vote of several models' completions of the same binary examples: {@link #vote(List, int)} with
     * more than half of the members.
     */
    static List<Completed> vote(List<List<Completed>> members) {
        return vote(members, members.size() / 2 + 1);
    }

    /**
     * The vote of several models' completions of the same binary examples: per example the spans at least {@code
     * minVotes} of them have, an overlap going to the span with more votes (then the earlier, then the longer one),
     * which keeps every accepted span and no rejected one. A token is trusted where every member trusted it, agreed
     * on ({@link Completed#agreed()}) where every member's outcome is the vote's, and agreed on by the others of
     * member m ({@link Completed#othersMask(int)}) where every other member's outcome is the vote's.
     *
     * @param members  each model's completions, in the order of the binary examples, at least one
     * @param minVotes at least 1
     */
    static List<Completed> vote(List<List<Completed>> members, int minVotes) {
        List<Completed> voted = new ArrayList<>(members.getFirst().size());
        for (int i = 0; i < members.getFirst().size(); i++) {
            int e = i;
            List<Completed> each = members.stream().map(member -> member.get(e)).toList();
            NerExample first = each.getFirst().example();
            NerExample example = new NerExample(first.documentId(), first.tokens(),
                    thresholdVote(each.stream().map(c -> c.example().spans()).toList(), minVotes));
            String[] outcomes = BinaryTrainer.outcomes(example);
            List<String[]> own = each.stream().map(c -> BinaryTrainer.outcomes(c.example())).toList();
            voted.add(new Completed(example, trusted(each), List.of(new MaskedTraining.Reading(outcomes, 1)),
                    agreed(own, outcomes, -1), othersAgreed(own, outcomes), each));
        }
        return voted;
    }

    /** The spans at least {@code minVotes} predictions have, overlaps resolved as {@link #vote(List, int)} says. */
    static List<EntitySpan> thresholdVote(List<List<EntitySpan>> predictions, int minVotes) {
        Map<EntitySpan, Integer> votes = new LinkedHashMap<>();
        predictions.forEach(prediction -> prediction.forEach(span -> votes.merge(span, 1, Integer::sum)));
        List<EntitySpan> candidates = votes.entrySet().stream().filter(v -> v.getValue() >= minVotes)
                .sorted(Map.Entry.<EntitySpan, Integer>comparingByValue().reversed()
                        .thenComparing(v -> v.getKey().start())
                        .thenComparing(v -> -v.getKey().end()))
                .map(Map.Entry::getKey).toList();
        List<EntitySpan> kept = new ArrayList<>();
        for (EntitySpan span : candidates) {
            if (kept.stream().noneMatch(k -> k.start() < span.end() && span.start() < k.end())) {
                kept.add(span);
            }
        }
        kept.sort(Comparator.comparingInt(EntitySpan::start));
        return List.copyOf(kept);
    }

    /** Null when every member trusts every token. */
    private static boolean[] trusted(List<Completed> each) {
        boolean[] trusted = null;
        for (Completed member : each) {
            if (member.trusted() != null) {
                trusted = trusted == null ? member.trusted().clone() : trusted;
                for (int t = 0; t < trusted.length; t++) {
                    trusted[t] &= member.trusted()[t];
                }
            }
        }
        return trusted;
    }

    /** Where every member but {@code skip} (-1: none) has the vote's outcome; null when that is every token. */
    private static boolean[] agreed(List<String[]> own, String[] outcomes, int skip) {
        boolean[] agreed = new boolean[outcomes.length];
        Arrays.fill(agreed, true);
        boolean all = true;
        for (int m = 0; m < own.size(); m++) {
            for (int t = 0; t < outcomes.length && m != skip; t++) {
                agreed[t] &= own.get(m)[t].equals(outcomes[t]);
                all &= agreed[t];
            }
        }
        return all ? null : agreed;
    }

    /** {@link #agreed} without each member in turn, in member order. */
    private static List<boolean[]> othersAgreed(List<String[]> own, String[] outcomes) {
        List<boolean[]> others = new ArrayList<>(own.size());
        for (int m = 0; m < own.size(); m++) {
            others.add(agreed(own, outcomes, m));
        }
        return Collections.unmodifiableList(others);
    }

    private static List<MaskedTraining.Reading> readings(List<ConstrainedDecoder.Scored> beam) {
        double[] weights = new double[beam.size()];
        double total = 0;
        for (int k = 0; k < beam.size(); k++) {
            weights[k] = Math.exp(beam.get(k).score() - beam.getFirst().score());
            total += weights[k];
        }
        List<MaskedTraining.Reading> readings = new ArrayList<>(beam.size());
        for (int k = 0; k < beam.size(); k++) {
            readings.add(new MaskedTraining.Reading(beam.get(k).outcomes(), weights[k] / total));
        }
        return List.copyOf(readings);
    }

    private static boolean[] trusted(BinaryNerExample example, List<ConstrainedDecoder.Scored> beam,
                                     double minConfidence, double minConfidenceForO) {
        String[] best = beam.getFirst().outcomes();
        double[] agree = new double[best.length];
        double total = 0;
        for (ConstrainedDecoder.Scored sequence : beam) {
            double weight = Math.exp(sequence.score() - beam.getFirst().score());
            total += weight;
            for (int i = 0; i < best.length; i++) {
                agree[i] += sequence.outcomes()[i].equals(best[i]) ? weight : 0;
            }
        }
        boolean[] trusted = new boolean[best.length];
        for (int i = 0; i < best.length; i++) {
            double needed = best[i].equals(ConstrainedDecoder.OTHER) ? minConfidenceForO : minConfidence;
            trusted[i] = agree[i] / total >= needed;
        }
        for (EntitySpan span : example.accepted()) {
            Arrays.fill(trusted, span.start(), span.end(), true);
        }
        return trusted;
    }

    /** Runs of consecutive examples with the same document id. */
    static List<List<BinaryNerExample>> documents(List<BinaryNerExample> examples) {
        return NerExample.runs(examples, BinaryNerExample::documentId);
    }
}
