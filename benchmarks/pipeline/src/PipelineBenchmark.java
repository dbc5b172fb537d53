import dev.quarry.model.ModelPackage;
import dev.quarry.pipeline.Analysis;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.text.Language;
import dev.quarry.training.ConllReader;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Prediction throughput of match-then-predict against plain OpenNLP on CoNLL-2003 testb, with an NER trained on
 * CoNLL train (OpenNLP's default features, maxent 100 / cutoff 5; cached under the work directory). Single-thread
 * numbers are CPU time of the measuring thread; the all-cores number is wall time.
 *
 * <p>Usage: PipelineBenchmark CONLL_DIR WORK_DIR [ROUNDS]
 */
public final class PipelineBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path conll = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<NerExample> test = ConllReader.read(conll.resolve("eng.testb"), IobScheme.IOB1);
        NerModel ner = model(conll, work.resolve("pipeline-ner-a.bin"));
        long tokens = test.stream().mapToLong(e -> e.tokens().size()).sum();
        List<List<NerExample>> documents = NerExample.documents(test);
        List<String> sentenceTexts = test.stream().map(e -> String.join(" ", e.tokens())).toList();
        List<String> documentTexts = documents.stream().map(d -> String.join(" ",
                d.stream().map(e -> String.join(" ", e.tokens())).toList())).toList();
        Pipeline pipeline = Pipeline.of(ModelPackage.builder(Language.ENGLISH).ner(ner).build());
        TokenNameFinderModel raw;
        try (InputStream in = Files.newInputStream(work.resolve("pipeline-ner-a.bin"))) {
            raw = new TokenNameFinderModel(in);
        }
        System.out.printf(Locale.ROOT, "testb: %d sentences, %d documents, %d tokens; %d cores%n", test.size(),
                documents.size(), tokens, Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d%n", round + 1);
            report("plain OpenNLP: one NameFinderME, pre-tokenized", tokens, cpu(() -> plain(raw, documents)));
            report("NerModel.predict per document, pre-tokenized", tokens, cpu(() -> {
                documents.forEach(d -> ner.predict(d.stream().map(NerExample::tokens).toList()));
            }));
            report("NerModel.predict per sentence, pre-tokenized", tokens, cpu(() -> {
                test.forEach(e -> ner.predict(List.of(e.tokens())));
            }));
            report("Pipeline.predict per sentence text", tokens, cpu(() -> sentenceTexts.forEach(pipeline::predict)));
            report("Pipeline.predict per document text", tokens, cpu(() -> documentTexts.forEach(pipeline::predict)));
            long start = System.nanoTime();
            List<Analysis> all = pipeline.analyzeAll(sentenceTexts);
            report("Pipeline.analyzeAll, sentence texts, all cores (wall)", tokens, System.nanoTime() - start);
            if (all.size() != sentenceTexts.size()) {
                throw new AssertionError("lost texts");
            }
        }
    }

    private static NerModel model(Path conll, Path file) throws Exception {
        if (Files.exists(file)) {
            return NerModel.load(file, null);
        }
        List<NerExample> train = ConllReader.read(conll.resolve("eng.train"), IobScheme.IOB1);
        long start = System.nanoTime();
        NerModel model = new NerTrainer(NerSettings.openNlpDefaults(), Map.of(), null).train(train);
        System.out.printf(Locale.ROOT, "trained on %d sentences in %.0f s%n", train.size(),
                (System.nanoTime() - start) / 1e9);
        Files.createDirectories(file.getParent());
        model.save(file);
        return model;
    }

    private static void plain(TokenNameFinderModel model, List<List<NerExample>> documents) {
        NameFinderME finder = new NameFinderME(model);
        for (List<NerExample> document : documents) {
            finder.clearAdaptiveData();
            for (NerExample sentence : document) {
                finder.find(sentence.tokens().toArray(String[]::new));
            }
        }
    }

    private static long cpu(Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static void report(String what, long tokens, long nanos) {
        System.out.printf(Locale.ROOT, "  %-56s %8.0f tokens/s (%.2f s)%n", what, tokens / (nanos / 1e9), nanos / 1e9);
    }
}
