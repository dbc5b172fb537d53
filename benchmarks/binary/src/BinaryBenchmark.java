import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.BinaryProbe;
import dev.quarry.training.BinaryTraining;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.SpanSuggestion;
import dev.quarry.training.WordClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Binary answers against full annotations on CoNLL-2003. A model trained on a complete seed set (the first documents
 * of a seeded shuffle of eng.train, up to SEED_SENTENCES sentences) suggests spans on the following documents (its
 * beam's distinct spans); each sentence gets up to PER_SENTENCE questions, answered from the gold annotation (accept
 * when the gold has exactly that span and label, reject otherwise), until ANSWERS answers are given. SELECTION picks
 * the questions of a sentence: {@code uncertain} the suggestions with probability closest to 0.5 (as Prodigy's
 * ner.teach orders them), {@code top} the most probable ones. Then models are trained on the seed plus the answered
 * sentences: the answers read as complete annotations (unknown = O), the accepted spans as the only gold (everything
 * else masked), the answers trained the Quarry way (variants), and the full gold annotation of the same sentences
 * (the ceiling). Every model is scored on testa (for choosing) and testb (to report).
 *
 * <p>Usage: BinaryBenchmark CONLL_DIR GLOVE WORK SETTINGS(a|b|br|f) SEED_SENTENCES ANSWERS PER_SENTENCE
 * SELECTION(uncertain|top) [VARIANT...] where VARIANT is comma-separated {@code key=value}: rounds, beam,
 * start (complete | answers | known), min (min confidence), mino (min confidence for O), cross (0|1), prior (0..1),
 * soft (0|1), overlaps (0|1: a reject rules out overlapping spans of its label), completer (a | b | p: perceptron
 * 300 / cutoff 0 without clusters; pr: p with affixes, shapes and document features; br: b with them; brk: br
 * with the k=16 clusters too), vote (1: the
 * completer alone; 3|5: that many completing models vote, NerEnsemble's member rule on the completer), agree (with
 * vote; 0: every model learns every voted token; 1: only tokens the members agree on; rounds: so do the completing
 * models, the final one learns every token; others: each completing model learns the tokens the other members
 * agree on, tri-training), votes (with a vote: the votes a completed span needs, default a majority), gaz (0 | 1:
 * the completers get pattern features from the accepted answers' words | 2: and from the rejected ones' | 3: as 1,
 * each training document's from the other documents' answers only), teacher=1 (score the completing models on
 * testa and testb, slow),
 * k16=0 (the trainer lacks the k=16 clusters a vote's fifth member would use, as quarry train without --ner-vote);
 * distill (vote | members | beams | agreement: what the final model learns from a vote's completions, {@link
 * BinaryTraining.Distillation});
 * unset keys as {@link BinaryTraining#defaults()}. Default variant: the defaults. VARIANT {@code full:NAME} trains
 * the full gold with the completer settings NAME instead (what the stronger learner makes of full annotation);
 * {@code full:voteN} trains N final models on the full gold and scores their vote. With {@code final=voteN} a variant
 * completes once and N final models ({@link NerEnsemble#memberSettings} of SETTINGS) learn from it
 * ({@link NerTrainer#trainMembers}); the rows show the first member (the single model) and the vote. The documents
 * are shuffled with the seed of the environment variable QUARRY_BENCH_SEED (default 42). With QUARRY_BENCH_RETRAIN=N
 * (default 0: off) the suggesting model is trained again after every N answers on the seed plus the answers so far
 * ({@link Retrain}), as the annotation loop does.
 */
public final class BinaryBenchmark {

    /**
     * The variant key final=voteN: N final models ({@link NerEnsemble#memberSettings}) vote, one completion;
     * final=sepN: each member trained with its own completion (as quarry train --binary --ner-vote did before).
     */
    private static final java.util.regex.Pattern FINAL_VOTE = java.util.regex.Pattern.compile(
            "final=(vote|sep)(\\d)");

    /** The document shuffle seed: env QUARRY_BENCH_SEED, default 42 (every recorded number before section 1g). */
    private static final long SEED = Long.parseLong(System.getenv().getOrDefault("QUARRY_BENCH_SEED", "42"));
    private static final int SUGGEST_BEAM = 8;

    private final NerTrainer trainer;
    private final List<NerExample> testa;
    private final List<NerExample> testb;

    private BinaryBenchmark(NerTrainer trainer, List<NerExample> testa, List<NerExample> testb) {
        this.trainer = trainer;
        this.testa = testa;
        this.testb = testb;
    }

    public static void main(String[] args) throws Exception {
        Path conll = Path.of(args[0]);
        NerSettings settings = completer(args[3]); // a, b, or a richer learner: br, f (section 1g)
        // the clusters of settings b also for a completer with settings b, and k16 for a vote of completers
        Map<String, WordClusters> clusters = BenchData.clusters(settings.clusters().contains("k256") ? settings
                : BenchData.settings("b"), Path.of(args[1]), Path.of(args[2]), true);
        NerTrainer trainer = new NerTrainer(settings, clusters, null);
        int seedSentences = Integer.parseInt(args[4]);
        int answers = Integer.parseInt(args[5]);
        int perSentence = Integer.parseInt(args[6]);
        String selection = args[7];
        List<String> variants = args.length > 8 ? List.of(args).subList(8, args.length) : List.of("");
        BinaryBenchmark bench = new BinaryBenchmark(trainer, BenchData.read(conll, "eng.testa"),
                BenchData.read(conll, "eng.testb"));
        List<List<NerExample>> documents = BenchData.shuffledDocuments(BenchData.read(conll, "eng.train"), SEED);

        List<NerExample> seed = new ArrayList<>();
        int next = 0;
        while (seed.size() < seedSentences) {
            seed.addAll(documents.get(next++));
        }
        System.out.printf(Locale.ROOT, "settings %s: %s%nshuffle seed %d (QUARRY_BENCH_SEED)%n"
                + "seed: %d sentences (%d documents), %d entities%n", args[3], settings.encode(), SEED, seed.size(),
                next, entities(seed));
        System.out.println(BenchData.binaryHeader());
        NerModel seedModel = bench.timed("seed only", () -> trainer.train(seed));

        Retrain retrain = Retrain.fromEnvironment(answersSoFar -> trainer.train(seed, answersSoFar),
                model -> 100 * model.evaluate(bench.testb).micro().f1());
        Simulation simulated = Simulation.run(seedModel, documents.subList(next, documents.size()), answers,
                perSentence, selection, retrain);
        Simulation simulation = StoredAnswers.ENABLED
                ? new Simulation(StoredAnswers.throughDataset(simulated.binary()), simulated.gold()) : simulated;
        System.out.println(simulation.summary());
        if (System.getenv("QUARRY_BENCH_NO_BASELINES") == null) { // set: only the variants and the full gold
            bench.timed("(i) answers as complete (unknown = O)", () -> trainer.train(seed, simulation.binary(),
                    new BinaryTraining(0, 1, BinaryTraining.Start.ANSWERS_AS_COMPLETE, 0)));
            bench.timed("accepted spans as the only gold, the rest masked", () -> trainer.train(seed,
                    simulation.binary(), BinaryTraining.defaults().withRounds(0)));
        }
        List<NerExample> full = new ArrayList<>(seed);
        full.addAll(simulation.gold());
        for (String variant : variants) {
            if (variant.startsWith("full:vote")) {
                List<NerSettings> members = NerEnsemble.memberSettings(settings,
                        Integer.parseInt(variant.substring(9)));
                bench.timedVote("(iii) full gold, " + variant.substring(5), () -> members.stream()
                        .map(member -> new NerTrainer(member, clusters, null).train(full)).toList());
                continue;
            }
            if (variant.startsWith("full:")) {
                NerTrainer other = new NerTrainer(completer(variant.substring(5)), clusters, null);
                bench.timed("(iii) full gold, settings " + variant.substring(5), () -> other.train(full));
                continue;
            }
            BinaryTraining how = distilled(parse(variant), variant);
            boolean teacher = variant.contains("teacher=1");
            // k16=0: the trainer lacks the vote's k=16 clusters, as quarry train without --ner-vote
            Map<String, WordClusters> available = new LinkedHashMap<>(clusters);
            if (variant.contains("k16=0")) {
                available.remove(NerEnsemble.EXTRA_CLUSTERS);
            }
            NerTrainer variantTrainer = new NerTrainer(settings, available, null);
            List<String> completionScores = new ArrayList<>();
            BinaryProbe.RoundObserver scores = (round, completed, completers) -> {
                completionScores.add(Simulation.completionScore(round, completed, simulation));
                if (teacher && !completers.isEmpty()) {
                    completionScores.add(bench.teacherScore(completers));
                }
            };
            java.util.regex.Matcher finalVote = FINAL_VOTE.matcher(variant);
            if (finalVote.find()) {
                List<NerSettings> members = NerEnsemble.memberSettings(settings, Integer.parseInt(finalVote.group(2)));
                bench.timedVote("(ii) Quarry " + variant, finalVote.group(1).equals("vote")
                        ? () -> BinaryProbe.trainMembers(variantTrainer, seed, simulation.binary(), how, members,
                                scores)
                        : () -> members.stream().map(member -> new NerTrainer(member, available, null)
                                .train(seed, simulation.binary(), how)).toList());
                completionScores.forEach(System.out::println);
                continue;
            }
            bench.timed("(ii) Quarry " + (variant.isEmpty() ? "defaults" : variant), () -> BinaryProbe.train(
                    variantTrainer, seed, simulation.binary(), how, scores));
            completionScores.forEach(System.out::println);
        }
        bench.timed("(iii) full gold of the same sentences", () -> trainer.train(full));
    }

    /** The completing models' testa and testb F1: each member's, and their vote's when there are several. */
    private String teacherScore(List<NerModel> completers) {
        StringBuilder line = new StringBuilder("    completers testa / testb F1:");
        for (NerModel model : completers) {
            line.append(String.format(Locale.ROOT, " %.2f / %.2f;", 100 * model.evaluate(testa).micro().f1(),
                    100 * model.evaluate(testb).micro().f1()));
        }
        if (completers.size() > 1) {
            NerEnsemble vote = new NerEnsemble(completers);
            line.append(String.format(Locale.ROOT, " vote %.2f / %.2f", 100 * vote.evaluate(testa).micro().f1(),
                    100 * vote.evaluate(testb).micro().f1()));
        }
        return line.toString();
    }

    static BinaryTraining parse(String variant) {
        BinaryTraining how = BinaryTraining.defaults();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : variant.isEmpty() ? new String[0] : variant.split(",")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        BinaryTraining.Completer completer = switch (values.getOrDefault("completer", "")) {
            case "" -> how.completer();
            case "own" -> BinaryTraining.Completer.trainers();
            case "stronger" -> BinaryTraining.Completer.stronger();
            default -> BinaryTraining.Completer.of(completer(values.get("completer")));
        };
        BinaryTraining.Completer base = completer instanceof BinaryTraining.Completer.Vote v ? v.base() : completer;
        if (values.getOrDefault("vote", "").equals("1")) {
            completer = base;
        } else if (values.containsKey("vote")) {
            int size = Integer.parseInt(values.get("vote"));
            completer = BinaryTraining.Completer.vote(base, size, agreement(values.getOrDefault("agree", "0")),
                    Integer.parseInt(values.getOrDefault("votes", "" + (size / 2 + 1))));
        } else if (values.containsKey("agree") || values.containsKey("votes")) {
            BinaryTraining.Completer.Vote vote = (BinaryTraining.Completer.Vote) how.completer();
            completer = BinaryTraining.Completer.vote(base, vote.size(),
                    values.containsKey("agree") ? agreement(values.get("agree")) : vote.agreement(),
                    Integer.parseInt(values.getOrDefault("votes", "" + vote.minVotes())));
        }
        return new BinaryTraining(
                Integer.parseInt(values.getOrDefault("rounds", "" + how.rounds())),
                Integer.parseInt(values.getOrDefault("beam", "" + how.beamSize())),
                switch (values.getOrDefault("start", "known")) {
                    case "complete" -> BinaryTraining.Start.COMPLETE_ONLY;
                    case "answers" -> BinaryTraining.Start.ANSWERS_AS_COMPLETE;
                    case "known" -> BinaryTraining.Start.KNOWN_TOKENS;
                    default -> throw new IllegalArgumentException("start must be complete, answers or known");
                },
                Double.parseDouble(values.getOrDefault("min", "" + how.minConfidence())),
                values.getOrDefault("cross", how.crossFit() ? "1" : "0").equals("1"),
                Double.parseDouble(values.getOrDefault("prior", "" + how.priorCorrection())),
                completer,
                values.getOrDefault("soft", how.softLabels() ? "1" : "0").equals("1"),
                Double.parseDouble(values.getOrDefault("mino", "" + how.minConfidenceForO())),
                values.getOrDefault("overlaps", how.rejectOverlaps() ? "1" : "0").equals("1"),
                switch (values.getOrDefault("gaz", "" + how.answerPatterns().ordinal())) {
                    case "0" -> BinaryTraining.AnswerPatterns.NONE;
                    case "1" -> BinaryTraining.AnswerPatterns.ACCEPTED;
                    case "2" -> BinaryTraining.AnswerPatterns.ACCEPTED_AND_REJECTED;
                    case "3" -> BinaryTraining.AnswerPatterns.ACCEPTED_ELSEWHERE;
                    default -> throw new IllegalArgumentException("gaz must be 0, 1, 2 or 3");
                });
    }

    /**
     * The key distill=vote|members|beams|agreement: what the final model learns from a vote ({@link
     * BinaryTraining.Distillation}).
     */
    static BinaryTraining distilled(BinaryTraining how, String variant) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|,)distill=(\\w+)").matcher(variant);
        if (!m.find()) {
            return how;
        }
        return how.withDistillation(switch (m.group(1)) {
            case "vote" -> BinaryTraining.Distillation.VOTE;
            case "members" -> BinaryTraining.Distillation.MEMBERS;
            case "beams" -> BinaryTraining.Distillation.MEMBER_BEAMS;
            case "agreement" -> BinaryTraining.Distillation.VOTE_BY_AGREEMENT;
            default -> throw new IllegalArgumentException("distill must be vote, members, beams or agreement, got "
                    + m.group(1));
        });
    }

    private static BinaryTraining.Agreement agreement(String value) {
        return switch (value) {
            case "0" -> BinaryTraining.Agreement.NONE;
            case "1" -> BinaryTraining.Agreement.ALL;
            case "rounds" -> BinaryTraining.Agreement.COMPLETERS;
            case "others" -> BinaryTraining.Agreement.OTHERS;
            default -> throw new IllegalArgumentException("agree must be 0, 1, rounds or others, got " + value);
        };
    }

    static NerSettings completer(String name) {
        return switch (name) {
            case "p" -> NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0);
            case "pr" -> NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 300, 0)
                    .withRichFeatures(4, true, true);
            case "br" -> BenchData.settings("b").withRichFeatures(4, true, true);
            case "brk" -> BenchData.settings("b").withRichFeatures(4, true, true)
                    .withClusters(List.of("k256", NerEnsemble.EXTRA_CLUSTERS), 2);
            default -> BenchData.settings(name);
        };
    }

    /**
     * Trains the members of a vote, then prints the first member's row (the single final model with the trainer's
     * settings) and the vote's, both with the time of all the training.
     */
    private void timedVote(String name, Supplier<List<NerModel>> training) {
        long t0 = System.nanoTime();
        List<NerModel> members = training.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        NerModel first = members.getFirst();
        System.out.println(BenchData.row(name + " [member 1: the single model]", first.evaluate(testa),
                first.evaluate(testb), seconds));
        NerEnsemble vote = new NerEnsemble(members);
        System.out.println(BenchData.row(name + " [vote of " + members.size() + "]", vote.evaluate(testa),
                vote.evaluate(testb), seconds));
    }

    private NerModel timed(String name, Supplier<NerModel> training) {
        long t0 = System.nanoTime();
        NerModel model = training.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(BenchData.row(name, model.evaluate(testa), model.evaluate(testb), seconds));
        return model;
    }

    private static int entities(List<NerExample> examples) {
        return examples.stream().mapToInt(e -> e.spans().size()).sum();
    }

    /**
     * The model in the loop (env QUARRY_BENCH_RETRAIN=N, section 1h): after every {@code every} answers a new
     * suggesting model is trained on the seed plus the answers so far, as {@code quarry annotate --retrain-every N}
     * trains ({@code NerTrainer.train(complete, binary)}: the trainer's settings, {@link BinaryTraining#defaults()}),
     * and suggests the spans of the following sentences. {@code every} 0: the seed model asks every question.
     */
    record Retrain(int every, java.util.function.Function<List<BinaryNerExample>, NerModel> train,
                   java.util.function.ToDoubleFunction<NerModel> testbF1) {

        static Retrain fromEnvironment(java.util.function.Function<List<BinaryNerExample>, NerModel> train,
                                       java.util.function.ToDoubleFunction<NerModel> testbF1) {
            int every = Integer.parseInt(System.getenv().getOrDefault("QUARRY_BENCH_RETRAIN", "0"));
            if (every < 0) {
                throw new IllegalArgumentException("QUARRY_BENCH_RETRAIN must be >= 0, got " + every);
            }
            if (every > 0) {
                System.out.printf(Locale.ROOT, "retrain every %d answers (QUARRY_BENCH_RETRAIN)%n", every);
            }
            return new Retrain(every, train, testbF1);
        }

        /** The next answer count at which to retrain, after {@code asked} answers; MAX_VALUE when off. */
        int next(int asked) {
            return every == 0 ? Integer.MAX_VALUE : (asked / every + 1) * every;
        }

        /** Trains the next suggesting model and prints the retrain point: the block it closes, its time and F1. */
        NerModel retrain(List<BinaryNerExample> binary, int asked, int blockAnswers, int blockAccepts) {
            long t0 = System.nanoTime();
            NerModel model = train.apply(List.copyOf(binary));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "retrain at %d answers (%d sentences): last block %d answers, %d "
                    + "accepted (%.1f%%); new suggesting model trained in %.0f s, testb F1 %.2f%n", asked,
                    binary.size(), blockAnswers, blockAccepts, 100.0 * blockAccepts / Math.max(1, blockAnswers),
                    seconds, testbF1.applyAsDouble(model));
            return model;
        }
    }

    /** The simulated annotation session: binary answers and the gold of the same sentences. */
    record Simulation(List<BinaryNerExample> binary, List<NerExample> gold) {

        static Simulation run(NerModel seedModel, List<List<NerExample>> documents, int budget, int perSentence,
                              String selection, Retrain retrain) {
            Comparator<SpanSuggestion> order = switch (selection) {
                case "uncertain" -> Comparator.comparingDouble(x -> Math.abs(x.probability() - 0.5));
                case "top" -> Comparator.comparingDouble(x -> -x.probability());
                default -> throw new IllegalArgumentException("selection must be uncertain or top, got " + selection);
            };
            List<BinaryNerExample> binary = new ArrayList<>();
            List<NerExample> gold = new ArrayList<>();
            int asked = 0;
            NerModel model = seedModel;
            int nextRetrain = retrain.next(0);
            int[] block = new int[2]; // answers and accepts since the suggesting model was trained
            for (List<NerExample> document : documents) {
                List<List<String>> tokens = document.stream().map(NerExample::tokens).toList();
                List<List<SpanSuggestion>> suggestions = model.suggest(tokens, SUGGEST_BEAM);
                for (int s = 0; s < document.size() && asked < budget; s++) {
                    List<SpanSuggestion> questions = new ArrayList<>(suggestions.get(s));
                    questions.sort(order);
                    questions = questions.subList(0, Math.min(perSentence, Math.min(questions.size(),
                            budget - asked)));
                    if (questions.isEmpty()) {
                        continue;
                    }
                    NerExample example = document.get(s);
                    List<EntitySpan> yes = new ArrayList<>();
                    List<EntitySpan> no = new ArrayList<>();
                    for (SpanSuggestion question : questions) {
                        (example.spans().contains(question.span()) ? yes : no).add(question.span());
                        if (RELABEL && !yes.contains(question.span())) {
                            relabelled(example, question.span()).filter(g -> !yes.contains(g)).ifPresent(yes::add);
                        }
                    }
                    asked += questions.size();
                    binary.add(new BinaryNerExample(example.documentId(), example.tokens(), yes, no));
                    gold.add(example);
                    block[0] += questions.size();
                    block[1] += yes.size();
                    if (asked >= nextRetrain && asked < budget) { // the rest of the document: the new model asks
                        model = retrain.retrain(binary, asked, block[0], block[1]);
                        suggestions = model.suggest(tokens, SUGGEST_BEAM);
                        nextRetrain = retrain.next(asked);
                        block = new int[2];
                    }
                }
                if (asked >= budget) {
                    break;
                }
            }
            if (RELABEL) {
                System.out.println("rejects name the gold label of their tokens (QUARRY_BENCH_RELABEL)");
            }
            if (retrain.every() > 0) {
                System.out.printf(Locale.ROOT, "last block: %d answers, %d accepted (%.1f%%)%n", block[0], block[1],
                        100.0 * block[1] / Math.max(1, block[0]));
            }
            return new Simulation(binary, gold);
        }

        /**
         * With QUARRY_BENCH_RELABEL=1 a reject whose tokens are a gold entity of another label also names that label
         * (an annotator's "no, it is LABEL": an accept of the gold span beside the reject; not a binary answer).
         */
        static final boolean RELABEL = "1".equals(System.getenv("QUARRY_BENCH_RELABEL"));

        private static java.util.Optional<EntitySpan> relabelled(NerExample example, EntitySpan rejected) {
            return example.spans().stream().filter(g -> g.start() == rejected.start() && g.end() == rejected.end())
                    .findFirst();
        }

        String summary() {
            int accepted = binary.stream().mapToInt(b -> b.accepted().size()).sum();
            int rejected = binary.stream().mapToInt(b -> b.rejected().size()).sum();
            int goldEntities = entities(gold);
            int[] rejectKinds = new int[4];
            for (int i = 0; i < binary.size(); i++) {
                for (EntitySpan span : binary.get(i).rejected()) {
                    rejectKinds[rejectKind(span, gold.get(i).spans())]++;
                }
            }
            return String.format(Locale.ROOT, "simulated: %d answers (%d accept, %d reject) on %d sentences "
                    + "(%.2f questions, %.2f accepts per sentence); their gold has %d entities (%.2f per sentence), "
                    + "%d of them accepted (%.1f%%), the rest unknown to the binary runs%n"
                    + "rejected spans: %d same tokens other label, %d overlap a gold span of the same label (bounds), "
                    + "%d overlap a gold span of another label, %d no gold entity on them",
                    accepted + rejected, accepted, rejected, binary.size(),
                    (accepted + rejected) / (double) binary.size(), accepted / (double) binary.size(), goldEntities,
                    goldEntities / (double) binary.size(), accepted, 100.0 * accepted / Math.max(1, goldEntities),
                    rejectKinds[0], rejectKinds[1], rejectKinds[2], rejectKinds[3]);
        }

        /** 0 same tokens, other label; 1 overlaps a gold span of its label; 2 overlaps another label; 3 none. */
        private static int rejectKind(EntitySpan rejected, List<EntitySpan> gold) {
            int kind = 3;
            for (EntitySpan g : gold) {
                if (g.start() == rejected.start() && g.end() == rejected.end()) {
                    return 0;
                }
                if (g.start() < rejected.end() && rejected.start() < g.end()) {
                    kind = Math.min(kind, g.label().equals(rejected.label()) ? 1 : 2);
                }
            }
            return kind;
        }

        /** The completions of one round against the gold: all spans, and the spans no answer accepted. */
        static String completionScore(int round, List<NerExample> completed, Simulation simulation) {
            int[] all = new int[3];
            int[] unknown = new int[3];
            int[] onRejected = new int[2];
            int[] nearRejected = new int[2];
            for (int i = 0; i < completed.size(); i++) {
                List<EntitySpan> accepted = simulation.binary().get(i).accepted();
                List<EntitySpan> rejected = simulation.binary().get(i).rejected();
                List<EntitySpan> gold = simulation.gold().get(i).spans();
                List<EntitySpan> guess = completed.get(i).spans();
                count(gold, guess, all);
                for (EntitySpan span : guess) {
                    if (rejected.stream().anyMatch(r -> r.start() == span.start() && r.end() == span.end())) {
                        onRejected[0]++;
                        onRejected[1] += gold.contains(span) ? 1 : 0;
                    } else if (rejected.stream().anyMatch(r -> r.label().equals(span.label())
                            && r.start() < span.end() && span.start() < r.end())) {
                        nearRejected[0]++;
                        nearRejected[1] += gold.contains(span) ? 1 : 0;
                    }
                }
                count(gold.stream().filter(s -> !accepted.contains(s)).toList(),
                        guess.stream().filter(s -> !accepted.contains(s)).toList(), unknown);
            }
            int[] echo = echoes(completed, simulation);
            return String.format(Locale.ROOT, "    completion round %d vs gold: all spans P %.2f R %.2f F1 %.2f; "
                    + "unaccepted spans P %.2f R %.2f F1 %.2f (%d gold, %d completed); on a rejected span's tokens "
                    + "with another label: %d completed, %d right; overlapping a rejected span of its label: %d "
                    + "completed, %d right; unaccepted gold spans whose words and label an answer in the same "
                    + "document accepted: %d, completed right %d; whose words were accepted with another label: %d, "
                    + "completed right %d; whose words and label were rejected in the same document: %d, completed "
                    + "right %d; in no such case but whose words and label an answer in another document accepted: "
                    + "%d, completed right %d", round,
                    100 * p(all), 100 * r(all), 100 * f(all), 100 * p(unknown), 100 * r(unknown), 100 * f(unknown),
                    unknown[0] + unknown[2], unknown[0] + unknown[1], onRejected[0], onRejected[1], nearRejected[0],
                    nearRejected[1], echo[0], echo[1], echo[2], echo[3], echo[4], echo[5], echo[6], echo[7]);
        }

        /**
         * Unaccepted gold spans whose words another answer of the same document accepted with the same label [0]
         * (completed right [1]), with another label [2] ([3]), or rejected with the same label [4] ([5]); else
         * whose words and label an answer in any document accepted [6] ([7]).
         */
        private static int[] echoes(List<NerExample> completed, Simulation simulation) {
            Map<String, List<String>> accepted = new LinkedHashMap<>();
            Map<String, List<String>> rejected = new LinkedHashMap<>();
            for (BinaryNerExample b : simulation.binary()) {
                for (EntitySpan span : b.accepted()) {
                    accepted.computeIfAbsent(b.documentId(), k -> new ArrayList<>()).add(key(b.tokens(), span));
                }
                for (EntitySpan span : b.rejected()) {
                    rejected.computeIfAbsent(b.documentId(), k -> new ArrayList<>()).add(key(b.tokens(), span));
                }
            }
            java.util.Set<String> anywhere = new java.util.HashSet<>();
            accepted.values().forEach(anywhere::addAll);
            int[] echo = new int[8];
            for (int i = 0; i < completed.size(); i++) {
                BinaryNerExample b = simulation.binary().get(i);
                List<String> yes = accepted.getOrDefault(b.documentId(), List.of());
                List<String> no = rejected.getOrDefault(b.documentId(), List.of());
                for (EntitySpan span : simulation.gold().get(i).spans()) {
                    if (b.accepted().contains(span)) {
                        continue;
                    }
                    String key = key(b.tokens(), span);
                    String words = key.substring(key.indexOf('\t'));
                    int right = completed.get(i).spans().contains(span) ? 1 : 0;
                    int kind = yes.contains(key) ? 0 : yes.stream().anyMatch(k -> k.endsWith(words)) ? 2
                            : no.contains(key) ? 4 : anywhere.contains(key) ? 6 : -1;
                    if (kind >= 0) {
                        echo[kind]++;
                        echo[kind + 1] += right;
                    }
                }
            }
            return echo;
        }

        private static String key(List<String> tokens, EntitySpan span) {
            return span.label() + "\t" + String.join(" ", tokens.subList(span.start(), span.end()));
        }

        /** counts[0] true positives, [1] false positives, [2] false negatives. */
        private static void count(List<EntitySpan> gold, List<EntitySpan> guess, int[] counts) {
            int tp = (int) guess.stream().filter(gold::contains).count();
            counts[0] += tp;
            counts[1] += guess.size() - tp;
            counts[2] += gold.size() - tp;
        }

        private static double p(int[] c) {
            return c[0] / (double) Math.max(1, c[0] + c[1]);
        }

        private static double r(int[] c) {
            return c[0] / (double) Math.max(1, c[0] + c[2]);
        }

        private static double f(int[] c) {
            return 2 * c[0] / (double) Math.max(1, 2 * c[0] + c[1] + c[2]);
        }
    }
}
