package dev.quarry.bench;

import dev.quarry.matching.Matcher;
import dev.quarry.model.ModelPackage;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.pipeline.Analysis;
import dev.quarry.pipeline.AnalyzedSpan;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.pipeline.Sources;
import dev.quarry.text.Language;
import dev.quarry.training.ConllReader;
import dev.quarry.training.IobScheme;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Entity features ({@code ENT=LABEL}) for the text classifier on 20 Newsgroups (headers stripped), with entities from
 * (a) category patterns built from the public word lists ({@link CategoryPatterns}) and (b) an NER trained on
 * CoNLL-2003 eng.train (config {@value #NER_CONFIG} of {@link NerBenchmark}), found by match-then-predict
 * ({@link Pipeline}, the code path of {@code quarry train} and {@code quarry predict}) over each text.
 *
 * <p>Usage: EntityFeatureBenchmark DATA_DIR GLOVE_FILE WORK_DIR [TEXTCAT_CONFIG]. DATA_DIR holds
 * {@code 20newsgroups-bydate}, {@code conll2003-en} and {@code corpora-lists}. The NER model and each text's entity
 * labels are cached under WORK_DIR/entities/ (delete it to recompute). For the full training set, a seeded 10% and 2%,
 * trains the textcat with words only, words + entity features, and entity features only (the text left empty), for
 * each entity source (patterns, NER, both merged as the pipeline merges them), and scores all of test. Finally a
 * package of patterns + NER + the textcat with both sources' entity features is saved, loaded and evaluated through
 * {@link Pipeline#evaluateTextcat} on the first {@value #CHECK_TEXTS} test texts, which must agree exactly with the
 * cached path.
 */
public final class EntityFeatureBenchmark {

    static final String NER_CONFIG = "b";
    static final long SEED = 42;
    static final int CHECK_TEXTS = 500;
    private static final List<String> SOURCES = List.of("patterns", "ner", "both");
    private static final double[] SHARES = {1.0, 0.1, 0.02};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path glove = Path.of(args[1]);
        Path work = Path.of(args[2]).resolve("entities");
        String config = args.length > 3 ? args[3] : "cnb1t-c2-w1000";
        Files.createDirectories(work);
        List<TextcatExample> train = TextcatBenchmark.read(data.resolve("20newsgroups-bydate/train.jsonl"), 'x');
        List<TextcatExample> test = TextcatBenchmark.read(data.resolve("20newsgroups-bydate/test.jsonl"), 'x');
        List<PhrasePattern> patterns = CategoryPatterns.patterns(data.resolve("corpora-lists"), glove);
        System.out.printf(Locale.ROOT, "category patterns: %d %s%n", patterns.size(),
                CategoryPatterns.counts(patterns));
        Matcher matcher = CategoryPatterns.matcher(patterns);
        NerModel ner = ner(data.resolve("conll2003-en"), glove, Path.of(args[2]), work);
        Map<String, ModelPackage> packages = Map.of(
                "patterns", ModelPackage.builder(Language.ENGLISH).matcher(matcher).build(),
                "ner", ModelPackage.builder(Language.ENGLISH).ner(ner).build(),
                "both", ModelPackage.builder(Language.ENGLISH).matcher(matcher).ner(ner).build());
        Map<String, List<List<String>>> trainEntities = new TreeMap<>();
        Map<String, List<List<String>>> testEntities = new TreeMap<>();
        for (String source : SOURCES) {
            trainEntities.put(source, entities(packages.get(source), train, work.resolve(source + "-train.txt")));
            testEntities.put(source, entities(packages.get(source), test, work.resolve(source + "-test.txt")));
            describe(source, trainEntities.get(source), train);
        }
        TextcatSettings settings = TextcatBenchmark.settings(config);
        System.out.printf(Locale.ROOT, "%ntextcat %s: %s%n", config, settings);
        System.out.println("| train | features | entities | accuracy | macro F1 | macro AUC | train s |");
        System.out.println("| ---: | --- | --- | ---: | ---: | ---: | ---: |");
        for (double share : SHARES) {
            List<Integer> subset = subset(train.size(), share);
            compare(settings, pick(train, subset), test, trainEntities, testEntities, subset);
        }
        check(settings, train, test, trainEntities.get("both"), testEntities.get("both"), packages.get("both"), work);
    }

    /** One table block: words only, then per source words + entities and entities only. */
    private static void compare(TextcatSettings settings, List<TextcatExample> train, List<TextcatExample> test,
                                Map<String, List<List<String>>> trainEntities,
                                Map<String, List<List<String>>> testEntities, List<Integer> subset) {
        row(train.size(), "words", "-", settings, train, test);
        for (String source : SOURCES) {
            List<TextcatExample> tr = withEntities(train, pick(trainEntities.get(source), subset), false);
            List<TextcatExample> te = withEntities(test, testEntities.get(source), false);
            row(train.size(), "words + entities", source, settings.withFeatures(settings.ngrams(), settings.binary(),
                    true, settings.clusters()), tr, te);
        }
        for (String source : SOURCES) {
            List<TextcatExample> tr = withEntities(train, pick(trainEntities.get(source), subset), true);
            List<TextcatExample> te = withEntities(test, testEntities.get(source), true);
            row(train.size(), "entities only", source, settings.withFeatures(1, settings.binary(), true,
                    List.of()), tr, te);
        }
    }

    private static void row(int trainSize, String features, String source, TextcatSettings settings,
                            List<TextcatExample> train, List<TextcatExample> test) {
        long t0 = System.nanoTime();
        TextcatModel model = new TextcatTrainer(settings, Map.of()).train(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        TextcatEvaluation e = model.evaluate(test);
        System.out.printf(Locale.ROOT, "| %,d | %s | %s | %.2f | %.2f | %.2f | %.0f |%n", trainSize, features, source,
                100 * e.accuracy(), 100 * e.macroF1(), 100 * e.macroAuc(), seconds);
    }

    /**
     * Saves a package of patterns + NER + a textcat trained with both sources' entity features, loads it, and scores
     * the first {@value #CHECK_TEXTS} test texts through {@link Pipeline#evaluateTextcat} (entities found afresh),
     * against the same model on the cached entity labels: the two must agree.
     */
    private static void check(TextcatSettings settings, List<TextcatExample> train, List<TextcatExample> test,
                              List<List<String>> trainEntities, List<List<String>> testEntities,
                              ModelPackage entities, Path work) throws Exception {
        TextcatSettings withEntities = settings.withFeatures(settings.ngrams(), settings.binary(), true,
                settings.clusters());
        TextcatModel textcat = new TextcatTrainer(withEntities, Map.of())
                .train(withEntities(train, trainEntities, false));
        Path dir = work.resolve("package");
        ModelPackage.builder(Language.ENGLISH).matcher(entities.matcher().orElseThrow())
                .ner(entities.ner().orElseThrow()).textcat(textcat).build().save(dir);
        List<TextcatExample> gold = test.subList(0, CHECK_TEXTS);
        long t0 = System.nanoTime();
        TextcatEvaluation viaPipeline = Pipeline.load(dir).evaluateTextcat(gold);
        double seconds = (System.nanoTime() - t0) / 1e9;
        TextcatEvaluation cached = textcat.evaluate(withEntities(gold, testEntities.subList(0, CHECK_TEXTS), false));
        System.out.printf(Locale.ROOT, "%ncheck: saved package (patterns + NER + textcat), loaded, %d test texts "
                        + "through Pipeline.evaluateTextcat in %.0f s: accuracy %.2f, macro AUC %.4f; cached entity "
                        + "labels: accuracy %.2f, macro AUC %.4f -> %s%n", CHECK_TEXTS, seconds,
                100 * viaPipeline.accuracy(), viaPipeline.macroAuc(), 100 * cached.accuracy(), cached.macroAuc(),
                viaPipeline.equals(cached) ? "identical" : "DIFFERENT");
    }

    /** The NER of config {@value #NER_CONFIG} trained on eng.train, cached in the work directory. */
    static NerModel ner(Path conll, Path glove, Path clusterWork, Path work) throws Exception {
        Path file = work.resolve("ner-" + NER_CONFIG + ".bin");
        if (Files.exists(file)) {
            return NerModel.load(file, null);
        }
        NerSettings settings = NerBenchmark.settings(NER_CONFIG);
        List<NerExample> train = ConllReader.read(conll.resolve("eng.train"), IobScheme.IOB1);
        long t0 = System.nanoTime();
        NerModel model = new NerTrainer(settings, NerBenchmark.clusters(settings.clusters(), glove, clusterWork), null)
                .train(train);
        System.out.printf(Locale.ROOT, "NER %s trained on %d sentences in %.0f s; testb F1 %.2f%n", NER_CONFIG,
                train.size(), (System.nanoTime() - t0) / 1e9, 100 * model.evaluate(
                        ConllReader.read(conll.resolve("eng.testb"), IobScheme.IOB1)).micro().f1());
        model.save(file);
        return model;
    }

    /**
     * Each text's entity labels as match-then-predict finds them ({@link Pipeline#runAll} with {@link
     * Sources#BOTH}, as {@code quarry train} does for entity features), one line per text in {@code cache}.
     */
    static List<List<String>> entities(ModelPackage model, List<TextcatExample> texts, Path cache) throws Exception {
        if (!Files.exists(cache)) {
            Pipeline pipeline = Pipeline.of(model);
            List<String> lines = new ArrayList<>(texts.size());
            long t0 = System.nanoTime();
            for (int from = 0; from < texts.size(); from += 1000) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + 1000)).stream()
                        .map(TextcatExample::text).toList();
                for (Analysis analysis : pipeline.runAll(batch, Sources.BOTH)) {
                    lines.add(String.join(" ", analysis.spans().stream().map(AnalyzedSpan::label).toList()));
                }
                System.err.printf(Locale.ROOT, "  %s: %d/%d texts, %.0f s%n", cache.getFileName(), lines.size(),
                        texts.size(), (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "%s: %d texts in %.0f s%n", cache.getFileName(), texts.size(),
                    (System.nanoTime() - t0) / 1e9);
            Files.write(cache, lines, StandardCharsets.UTF_8);
        }
        return Files.readAllLines(cache, StandardCharsets.UTF_8).stream()
                .map(line -> line.isEmpty() ? List.<String>of() : Arrays.asList(line.split(" "))).toList();
    }

    /** How many entities a source finds, and its most frequent labels. */
    private static void describe(String source, List<List<String>> entities, List<TextcatExample> texts) {
        Map<String, Integer> counts = new TreeMap<>();
        entities.forEach(labels -> labels.forEach(label -> counts.merge(label, 1, Integer::sum)));
        long none = entities.stream().filter(List::isEmpty).count();
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        System.out.printf(Locale.ROOT, "%s on train: %,d entities in %,d texts (%.1f per text, %d texts with none); "
                        + "labels %s%n", source, counts.values().stream().mapToInt(Integer::intValue).sum(),
                texts.size(), counts.values().stream().mapToInt(Integer::intValue).sum() / (double) texts.size(),
                none, top.subList(0, Math.min(12, top.size())));
    }

    /** The examples with their entity labels; {@code entitiesOnly} also empties the text (no word features). */
    static List<TextcatExample> withEntities(List<TextcatExample> examples, List<List<String>> entities,
                                             boolean entitiesOnly) {
        List<TextcatExample> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            TextcatExample e = examples.get(i);
            out.add(entitiesOnly ? new TextcatExample("", e.label(), entities.get(i))
                    : e.withEntityLabels(entities.get(i)));
        }
        return out;
    }

    /** The first {@code share} of the indices 0..size-1 shuffled with seed {@value #SEED}, in index order. */
    static List<Integer> subset(int size, double share) {
        List<Integer> indices = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(SEED));
        List<Integer> kept = new ArrayList<>(indices.subList(0, (int) Math.round(size * share)));
        Collections.sort(kept);
        return kept;
    }

    static <T> List<T> pick(List<T> items, List<Integer> indices) {
        return indices.stream().map(items::get).toList();
    }
}
