package dev.quarry.bench;

import dev.quarry.matching.Matcher;
import dev.quarry.training.ConllReader;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * NER prediction throughput: trains CONFIG (a NerBenchmark config name) on the first TRAIN_SENTENCES sentences of
 * eng.train (quality is beside the point; the feature set is what costs), then predicts testa+testb ROUNDS times,
 * single thread, and prints tokens/s per round (the first rounds include JIT warm-up).
 * Usage: NerPredictSpeed DATA_DIR GLOVE_FILE WORK_DIR CONFIG TRAIN_SENTENCES ROUNDS
 */
public final class NerPredictSpeed {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path work = Path.of(args[2]);
        Files.createDirectories(work);
        NerSettings settings = NerBenchmark.settings(args[3]).withLearner("PERCEPTRON", 30, 0);
        List<NerExample> train = ConllReader.read(data.resolve("eng.train"), IobScheme.IOB1)
                .subList(0, Integer.parseInt(args[4]));
        List<NerExample> test = new java.util.ArrayList<>(ConllReader.read(data.resolve("eng.testa"), IobScheme.IOB1));
        test.addAll(ConllReader.read(data.resolve("eng.testb"), IobScheme.IOB1));
        long tokens = test.stream().mapToLong(e -> e.tokens().size()).sum();
        Matcher matcher = settings.patternFeatures()
                ? Gazetteers.matcher(data.getParent().resolve("corpora-lists"), false) : null;
        NerModel model = new NerTrainer(settings, NerBenchmark.clusters(settings.clusters(), Path.of(args[1]), work),
                matcher).train(train);
        for (int round = 0; round < Integer.parseInt(args[5]); round++) {
            long t0 = System.nanoTime();
            int spans = model.predictExamples(test).stream().mapToInt(List::size).sum();
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s round %d: %d tokens, %d spans, %.2f s, %.0f tokens/s%n", args[3],
                    round, tokens, spans, seconds, tokens / seconds);
        }
    }
}
