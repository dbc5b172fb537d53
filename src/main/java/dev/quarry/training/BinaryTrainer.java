package dev.quarry.training;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.Pattern;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The engine behind {@link NerTrainer#train(List, List, BinaryTraining)}: trains the first model, completes the
 * binary examples round by round ({@link BinaryCompletion}), optionally cross-fitted and with the completing model's
 * label prior corrected, and trains the last model on the complete and completed examples. Single-threaded.
 */
final class BinaryTrainer {

    /**
     * Sees each round's completed examples, in the order of the binary examples, and the models that completed them
     * (diagnostics in benchmarks).
     */
    interface Observer {
        void completed(int round, List<NerExample> completed, List<NerModel> completers);
    }

    /**
     * Examples to train on; a token whose mask entry is false gives no event ({@code masks} null: every token), an
     * example with readings is learnt from them ({@code readings} null: none has), {@code copies} events per unit of
     * weight ({@link MaskedTraining}).
     */
    record Data(List<NerExample> examples, List<boolean[]> masks, List<List<MaskedTraining.Reading>> readings,
                int copies) {

        Data(List<NerExample> examples, List<boolean[]> masks) {
            this(examples, masks, null, 1);
        }

        NerModel train(NerTrainer trainer) {
            return trainer.trainWeighted(examples, masks, readings, copies);
        }

        /** The share of each BIO outcome among the tokens that give events. */
        Map<String, Double> outcomeShares() {
            Map<String, Double> counts = new HashMap<>();
            int total = 0;
            for (int e = 0; e < examples.size(); e++) {
                String[] outcomes = outcomes(examples.get(e));
                boolean[] mask = masks == null ? null : masks.get(e);
                for (int i = 0; i < outcomes.length; i++) {
                    if (mask == null || mask[i]) {
                        counts.merge(outcomes[i], 1.0, Double::sum);
                        total++;
                    }
                }
            }
            int all = Math.max(1, total);
            counts.replaceAll((outcome, count) -> count / all);
            return counts;
        }
    }

    /** Event copies per unit of weight with soft labels: weights in quarters. */
    static final int SOFT_COPIES = 4;

    private final NerTrainer last;
    /** The completing models' trainers; with answer patterns, their matchers are set by {@link #train}. */
    private List<NerTrainer> completers;
    private final BinaryTraining how;
    private final int minVotes;
    private final Observer observer;

    BinaryTrainer(NerTrainer trainer, BinaryTraining how, Observer observer) {
        this.last = trainer;
        NerSettings first = how.completer().settingsFor(trainer.settings());
        List<NerTrainer> members = new ArrayList<>();
        for (NerSettings settings : how.completer().membersFor(trainer.settings())) {
            NerSettings usable = trainer.hasClusters(settings.clusters()) ? settings
                    : first.with(NerFeature.DOCUMENT_TOPIC, true);
            members.add(usable.equals(trainer.settings()) ? trainer : trainer.withSettings(usable));
        }
        this.completers = List.copyOf(members);
        this.how = how;
        this.minVotes = how.completer() instanceof BinaryTraining.Completer.Vote vote ? vote.minVotes() : 1;
        this.observer = observer == null ? (round, completed, models) -> { } : observer;
    }

    NerModel train(List<NerExample> complete, List<BinaryNerExample> binary) {
        return finalData(complete, binary).train(last);
    }

    /**
     * Completes once and trains each of {@code finals} on the data the final model of {@link #train} learns from
     * (the same completed examples and masks), in order.
     */
    List<NerModel> trainEach(List<NerExample> complete, List<BinaryNerExample> binary, List<NerTrainer> finals) {
        Data data = finalData(complete, binary);
        return finals.stream().map(data::train).toList();
    }

    /** Runs the completion (the first models and every round) and returns what the final model learns from. */
    private Data finalData(List<NerExample> complete, List<BinaryNerExample> binary) {
        if (how.answerPatterns() != BinaryTraining.AnswerPatterns.NONE && matchable(complete, binary)) {
            completers = withAnswerPatterns(completers, binary);
        }
        Data start = first(complete, binary);
        if (how.rounds() == 0) {
            return start;
        }
        List<BinaryCompletion.Completed> completed = complete(1, member -> start, complete, binary);
        for (int round = 2; round <= how.rounds(); round++) {
            List<BinaryCompletion.Completed> previous = completed;
            completed = how.crossFit() ? crossFitted(round, complete, binary, completed)
                    : complete(round, member -> withCompletions(complete, previous, binary, -1, false, member),
                    complete, binary);
        }
        return withCompletions(complete, completed, binary, -1, true);
    }

    /**
     * Trains each completing model on its {@code data} (by member index) and completes {@code binary} with them (by
     * their vote when there are several); shows the observer the round's completions unless {@code round} is 0.
     */
    private List<BinaryCompletion.Completed> complete(int round, IntFunction<Data> data, List<NerExample> complete,
                                                      List<BinaryNerExample> binary) {
        List<NerModel> models = new ArrayList<>(completers.size());
        List<List<BinaryCompletion.Completed>> each = new ArrayList<>(completers.size());
        for (int m = 0; m < completers.size(); m++) {
            Data own = data.apply(m);
            NerModel model = own.train(completers.get(m));
            models.add(model);
            each.add(BinaryCompletion.complete(model, binary, how, weights(own, complete)));
        }
        List<BinaryCompletion.Completed> completed = each.size() == 1 ? each.getFirst()
                : BinaryCompletion.vote(each, minVotes);
        if (round > 0) {
            observer.completed(round, completed.stream().map(BinaryCompletion.Completed::example).toList(), models);
        }
        return completed;
    }

    /**
     * Each half of the binary documents (even, odd) completed by a model that learnt it from the known tokens only
     * and the other half from {@code previous}.
     */
    private List<BinaryCompletion.Completed> crossFitted(int round, List<NerExample> complete,
                                                         List<BinaryNerExample> binary,
                                                         List<BinaryCompletion.Completed> previous) {
        int[] folds = folds(binary);
        BinaryCompletion.Completed[] result = new BinaryCompletion.Completed[binary.size()];
        for (int fold = 0; fold < 2; fold++) {
            List<BinaryNerExample> own = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < binary.size(); i++) {
                if (folds[i] == fold) {
                    own.add(binary.get(i));
                    positions.add(i);
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            int knownFold = fold;
            List<BinaryCompletion.Completed> done = complete(0, member -> withCompletions(complete, previous, binary,
                    knownFold, false, member), complete, own);
            for (int k = 0; k < done.size(); k++) {
                result[positions.get(k)] = done.get(k);
            }
        }
        List<BinaryCompletion.Completed> completed = List.of(result);
        observer.completed(round, completed.stream().map(BinaryCompletion.Completed::example).toList(), List.of());
        return completed;
    }

    /** Document halves: 0 for the binary examples of even documents, 1 for odd ones. */
    private static int[] folds(List<BinaryNerExample> binary) {
        int[] folds = new int[binary.size()];
        int i = 0;
        int d = 0;
        for (List<BinaryNerExample> document : BinaryCompletion.documents(binary)) {
            Arrays.fill(folds, i, i + document.size(), d++ % 2);
            i += document.size();
        }
        return folds;
    }

    /** {@link #withCompletions(List, List, List, int, boolean, int)} for no particular vote member. */
    Data withCompletions(List<NerExample> complete, List<BinaryCompletion.Completed> completed,
                         List<BinaryNerExample> binary, int knownFold, boolean last) {
        return withCompletions(complete, completed, binary, knownFold, last, -1);
    }

    /**
     * The complete examples and the completed ones (masked by their trust), except that the binary examples of
     * {@code knownFold} (-1: none) contribute their known tokens only. Tokens a vote's members disagree on are
     * left out as {@link BinaryTraining.Completer#agreement()} says for the final model ({@code last}) or the
     * completing one of index {@code member} (-1: with {@link BinaryTraining.Agreement#OTHERS}, every token).
     */
    Data withCompletions(List<NerExample> complete, List<BinaryCompletion.Completed> completed,
                         List<BinaryNerExample> binary, int knownFold, boolean last, int member) {
        BinaryTraining.Agreement agreement = how.completer().agreement();
        boolean agreedOnly = agreement == BinaryTraining.Agreement.ALL
                || agreement == BinaryTraining.Agreement.COMPLETERS && !last;
        boolean othersOnly = agreement == BinaryTraining.Agreement.OTHERS && !last && member >= 0;
        BinaryTraining.Distillation distillation = last ? how.distillation() : BinaryTraining.Distillation.VOTE;
        boolean distil = distillation != BinaryTraining.Distillation.VOTE;
        int[] folds = knownFold < 0 ? null : folds(binary);
        List<NerExample> examples = new ArrayList<>(complete);
        List<boolean[]> masks = allTokens(complete.size());
        List<List<MaskedTraining.Reading>> readings = new ArrayList<>(Collections.nCopies(complete.size(), null));
        boolean masked = false;
        for (int i = 0; i < completed.size(); i++) {
            boolean known = folds != null && folds[i] == knownFold;
            examples.add(known ? asComplete(binary.get(i)) : completed.get(i).example());
            boolean[] mask = known ? knownTokens(binary.get(i))
                    : othersOnly ? completed.get(i).othersMask(member) : completed.get(i).mask(agreedOnly);
            masks.add(mask);
            masked |= mask != null;
            readings.add(known || !(how.softLabels() || distil) ? null
                    : distil ? distilled(completed.get(i), distillation) : completed.get(i).readings());
        }
        if (how.softLabels() || distil) {
            return new Data(examples, masked ? masks : null, readings, copies(distillation));
        }
        return new Data(examples, masked ? masks : null);
    }

    private static List<MaskedTraining.Reading> distilled(BinaryCompletion.Completed completed,
                                                          BinaryTraining.Distillation distillation) {
        return distillation == BinaryTraining.Distillation.VOTE_BY_AGREEMENT ? completed.agreementReadings()
                : completed.memberReadings(distillation == BinaryTraining.Distillation.MEMBER_BEAMS);
    }

    /**
     * Event copies per unit of weight: a complete example's events come this many times, and a binary example's
     * readings share them ({@link BinaryTraining.Distillation}).
     */
    private int copies(BinaryTraining.Distillation distillation) {
        return switch (distillation) {
            case VOTE -> SOFT_COPIES;
            case MEMBERS, VOTE_BY_AGREEMENT -> completers.size();
            case MEMBER_BEAMS -> completers.size() * SOFT_COPIES;
        };
    }

    /** The first model's training data, by {@link BinaryTraining#start()}. */
    private Data first(List<NerExample> complete, List<BinaryNerExample> binary) {
        List<NerExample> asComplete = binary.stream().map(BinaryTrainer::asComplete).toList();
        boolean completeHasSpans = complete.stream().anyMatch(e -> !e.spans().isEmpty());
        return switch (how.start()) {
            case COMPLETE_ONLY -> new Data(completeHasSpans ? complete : concat(complete, asComplete), null);
            case ANSWERS_AS_COMPLETE -> new Data(concat(complete, asComplete), null);
            case KNOWN_TOKENS -> {
                if (complete.isEmpty()) {
                    yield new Data(asComplete, null);
                }
                List<boolean[]> masks = allTokens(complete.size());
                binary.forEach(example -> masks.add(knownTokens(example)));
                yield new Data(concat(complete, asComplete), masks);
            }
        };
    }

    /**
     * Factors that move a model trained on {@code data} from its training label distribution to that of the
     * complete examples, by {@link BinaryTraining#priorCorrection()}; empty when there is nothing to correct.
     */
    private Map<String, Double> weights(Data data, List<NerExample> complete) {
        if (how.priorCorrection() == 0 || complete.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> target = new Data(complete, null).outcomeShares();
        Map<String, Double> weights = new HashMap<>();
        data.outcomeShares().forEach((outcome, share) -> {
            Double wanted = target.get(outcome);
            if (wanted != null) {
                weights.put(outcome, Math.pow(wanted / share, how.priorCorrection()));
            }
        });
        return weights;
    }

    /** {@code trainers} with pattern features from the answers, as {@link BinaryTraining#answerPatterns()} says. */
    private List<NerTrainer> withAnswerPatterns(List<NerTrainer> trainers, List<BinaryNerExample> binary) {
        Matcher answers = answerMatcher(last.matcher(), binary, how.answerPatterns());
        Function<String, Matcher> training = how.answerPatterns() == BinaryTraining.AnswerPatterns.ACCEPTED_ELSEWHERE
                ? leaveOneOut(last.matcher(), binary) : null;
        return trainers.stream().map(trainer -> {
            NerTrainer with = trainer.withMatcher(answers).withSettings(trainer.settings().withPatternFeatures(true));
            return training == null ? with : with.withTrainingMatchers(training);
        }).toList();
    }

    /**
     * Whether pattern features can be computed on every example: each token non-empty and without whitespace (a
     * tokenizer's words are; a task's own tokens may hold spaCy's whitespace tokens).
     */
    static boolean matchable(List<NerExample> complete, List<BinaryNerExample> binary) {
        return complete.stream().allMatch(e -> matchable(e.tokens()))
                && binary.stream().allMatch(e -> matchable(e.tokens()));
    }

    private static boolean matchable(List<String> tokens) {
        return tokens.stream().allMatch(t -> !t.isEmpty() && t.chars().noneMatch(Character::isWhitespace));
    }

    /**
     * A matcher of {@code own}'s patterns (if any) and the answers' words as exact token patterns ({@link
     * BinaryTraining#answerPatterns()}): each accepted (words, label) once, and with {@code ACCEPTED_AND_REJECTED}
     * each rejected one never accepted as {@code no-LABEL}.
     */
    static Matcher answerMatcher(Matcher own, List<BinaryNerExample> binary, BinaryTraining.AnswerPatterns which) {
        Map<List<String>, Set<String>> accepted = new LinkedHashMap<>();
        Map<List<String>, Set<String>> rejected = new LinkedHashMap<>();
        for (BinaryNerExample example : binary) {
            collect(example, example.accepted(), accepted);
            collect(example, example.rejected(), rejected);
        }
        List<Pattern> patterns = new ArrayList<>();
        for (int p = 0; own != null && p < own.size(); p++) {
            patterns.add(own.pattern(p));
        }
        accepted.forEach((words, labels) -> labels.forEach(label -> patterns.add(exact(label, words))));
        if (which == BinaryTraining.AnswerPatterns.ACCEPTED_AND_REJECTED) {
            rejected.forEach((words, labels) -> labels.stream()
                    .filter(label -> !accepted.getOrDefault(words, Set.of()).contains(label))
                    .forEach(label -> patterns.add(exact("no-" + label, words))));
        }
        return Matcher.compile(patterns, own == null ? MatchOptions.defaults() : own.options());
    }

    /**
     * The answer matcher of each document's training features ({@link
     * BinaryTraining.AnswerPatterns#ACCEPTED_ELSEWHERE}): {@code own}'s patterns and the other documents' accepted
     * answers; compiled once per document, when first asked.
     */
    static Function<String, Matcher> leaveOneOut(Matcher own, List<BinaryNerExample> binary) {
        Set<String> answered = new HashSet<>();
        binary.forEach(example -> answered.add(example.documentId()));
        Matcher all = answerMatcher(own, binary, BinaryTraining.AnswerPatterns.ACCEPTED);
        Map<String, Matcher> byDocument = new HashMap<>();
        return document -> !answered.contains(document) ? all : byDocument.computeIfAbsent(document,
                d -> answerMatcher(own, binary.stream().filter(e -> !e.documentId().equals(d)).toList(),
                        BinaryTraining.AnswerPatterns.ACCEPTED));
    }

    private static void collect(BinaryNerExample example, List<EntitySpan> spans,
                                Map<List<String>, Set<String>> into) {
        for (EntitySpan span : spans) {
            into.computeIfAbsent(List.copyOf(example.tokens().subList(span.start(), span.end())),
                    words -> new TreeSet<>()).add(span.label());
        }
    }

    private static TokenPattern exact(String label, List<String> words) {
        return new TokenPattern(label, words.stream().map(w -> TokenSpec.of(Constraint.equals(Attr.ORTH, w)))
                .toList());
    }

    /** The BIO outcomes of an example's tokens, as OpenNLP's BIO codec names them. */
    static String[] outcomes(NerExample example) {
        String[] outcomes = new String[example.tokens().size()];
        Arrays.fill(outcomes, ConstrainedDecoder.OTHER);
        for (EntitySpan span : example.spans()) {
            outcomes[span.start()] = span.label() + ConstrainedDecoder.START;
            Arrays.fill(outcomes, span.start() + 1, span.end(), span.label() + ConstrainedDecoder.CONT);
        }
        return outcomes;
    }

    static NerExample asComplete(BinaryNerExample example) {
        return new NerExample(example.documentId(), example.tokens(), example.accepted());
    }

    /** True for the tokens of the accepted spans. */
    static boolean[] knownTokens(BinaryNerExample example) {
        boolean[] known = new boolean[example.tokens().size()];
        example.accepted().forEach(span -> Arrays.fill(known, span.start(), span.end(), true));
        return known;
    }

    /** Masks for {@code size} examples that learn from every token, in a list to add to. */
    static List<boolean[]> allTokens(int size) {
        return new ArrayList<>(Collections.nCopies(size, (boolean[]) null));
    }

    private static List<NerExample> concat(List<NerExample> first, List<NerExample> second) {
        List<NerExample> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
