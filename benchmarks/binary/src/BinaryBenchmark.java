import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.BinaryTraining;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.SpanSuggestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Binary answers against full annotations on CoNLL-2003. A model trained on a complete seed set (the first documents
 * of a seeded shuffle of eng.train, up to SEED_SENTENCES sentences) suggests spans on the following documents (its
 * beam's distinct spans); each sentence gets up to PER_SENTENCE questions, the most uncertain suggestions first
 * (probability closest to 0.5, as Prodigy's ner.teach orders them), answered from the gold annotation (accept when
 * the gold has exactly that span and label, reject otherwise), until ANSWERS answers are given. Then three models
 * are trained on the seed plus the answered sentences: the answers read as complete annotations (unknown = O), the
 * answers trained the Quarry way (variants), and the full gold annotation of the same sentences (the ceiling).
 *
 * <p>Usage: BinaryBenchmark CONLL_DIR GLOVE WORK SETTINGS(a|b) SEED_SENTENCES ANSWERS PER_SENTENCE [VARIANT...]
 * where VARIANT is {@code rounds:beam:start[:minConfidence]} (start: complete | answers | known), default
 * {@code 2:8:complete}.
 */
public final class BinaryBenchmark {

    private static final long SEED = 42;
    private static final int SUGGEST_BEAM = 8;

    public static void main(String[] args) throws Exception {
        Path conll = Path.of(args[0]);
        NerSettings settings = BenchData.settings(args[3]);
        NerTrainer trainer = new NerTrainer(settings, BenchData.clusters(settings, Path.of(args[1]), Path.of(args[2])),
                null);
        int seedSentences = Integer.parseInt(args[4]);
        int answers = Integer.parseInt(args[5]);
        int perSentence = Integer.parseInt(args[6]);
        List<String> variants = args.length > 7 ? List.of(args).subList(7, args.length) : List.of("2:8:complete");
        List<NerExample> testb = BenchData.read(conll, "eng.testb");
        List<List<NerExample>> documents = BenchData.shuffledDocuments(BenchData.read(conll, "eng.train"), SEED);

        List<NerExample> seed = new ArrayList<>();
        int next = 0;
        while (seed.size() < seedSentences) {
            seed.addAll(documents.get(next++));
        }
        System.out.printf(Locale.ROOT, "settings %s: %s%nseed: %d sentences (%d documents), %d entities%n", args[3],
                settings.encode(), seed.size(), next, entities(seed));
        System.out.println(BenchData.header());
        NerModel seedModel = timed("seed only", () -> trainer.train(seed), testb);

        Simulation simulation = simulate(seedModel, documents.subList(next, documents.size()), answers, perSentence);
        System.out.println(simulation.summary());
        timed("(i) answers as complete (unknown = O)", () -> trainer.train(seed, simulation.binary(),
                new BinaryTraining(0, 1, BinaryTraining.Start.ANSWERS_AS_COMPLETE, 0)), testb);
        for (String variant : variants) {
            String[] parts = variant.split(":");
            double minConfidence = parts.length > 3 ? Double.parseDouble(parts[3]) : 0;
            BinaryTraining how = new BinaryTraining(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    switch (parts[2]) {
                        case "complete" -> BinaryTraining.Start.COMPLETE_ONLY;
                        case "answers" -> BinaryTraining.Start.ANSWERS_AS_COMPLETE;
                        case "known" -> BinaryTraining.Start.KNOWN_TOKENS;
                        default -> throw new IllegalArgumentException("start must be complete, answers or known");
                    }, minConfidence);
            timed("(ii) Quarry, rounds " + parts[0] + ", beam " + parts[1] + ", start " + parts[2]
                    + (minConfidence > 0 ? ", min confidence " + parts[3] : ""),
                    () -> trainer.train(seed, simulation.binary(), how), testb);
        }
        List<NerExample> full = new ArrayList<>(seed);
        full.addAll(simulation.gold());
        timed("(iii) full gold of the same sentences", () -> trainer.train(full), testb);
    }

    private static NerModel timed(String name, Supplier<NerModel> training, List<NerExample> test) {
        long t0 = System.nanoTime();
        NerModel model = training.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(BenchData.row(name, model.evaluate(test), seconds));
        return model;
    }

    record Simulation(List<BinaryNerExample> binary, List<NerExample> gold, int accepted, int rejected,
                      int goldEntities) {
        String summary() {
            return String.format(Locale.ROOT, "simulated: %d answers (%d accept, %d reject) on %d sentences; their "
                    + "gold has %d entities, %d of them accepted (%.1f%%), the rest unknown to the binary runs",
                    accepted + rejected, accepted, rejected, binary.size(), goldEntities, accepted,
                    100.0 * accepted / Math.max(1, goldEntities));
        }
    }

    private static Simulation simulate(NerModel model, List<List<NerExample>> documents, int budget, int perSentence) {
        List<BinaryNerExample> binary = new ArrayList<>();
        List<NerExample> gold = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int goldEntities = 0;
        for (List<NerExample> document : documents) {
            List<List<SpanSuggestion>> suggestions = model.suggest(document.stream().map(NerExample::tokens).toList(),
                    SUGGEST_BEAM);
            for (int s = 0; s < document.size() && accepted + rejected < budget; s++) {
                List<SpanSuggestion> asked = new ArrayList<>(suggestions.get(s));
                asked.sort(Comparator.comparingDouble((SpanSuggestion x) -> Math.abs(x.probability() - 0.5)));
                asked = asked.subList(0, Math.min(perSentence, Math.min(asked.size(), budget - accepted - rejected)));
                if (asked.isEmpty()) {
                    continue;
                }
                NerExample example = document.get(s);
                List<EntitySpan> yes = new ArrayList<>();
                List<EntitySpan> no = new ArrayList<>();
                for (SpanSuggestion question : asked) {
                    (example.spans().contains(question.span()) ? yes : no).add(question.span());
                }
                accepted += yes.size();
                rejected += no.size();
                goldEntities += example.spans().size();
                binary.add(new BinaryNerExample(example.documentId(), example.tokens(), yes, no));
                gold.add(example);
            }
            if (accepted + rejected >= budget) {
                break;
            }
        }
        return new Simulation(binary, gold, accepted, rejected, goldEntities);
    }

    private static int entities(List<NerExample> examples) {
        return examples.stream().mapToInt(e -> e.spans().size()).sum();
    }
}
