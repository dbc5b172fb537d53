import dev.quarry.matching.Match;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.NerTrainer;
import dev.quarry.training.WordClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bootstrap on CoNLL-2003: patterns -> silver annotations -> NER, against the patterns alone, on testb.
 *
 * <p>Patterns: every entity string of eng.train (tokens joined by spaces) with its most frequent label, as a
 * case-sensitive phrase pattern, kept if at least MIN_PRECISION of its matches in eng.train are gold entities of that
 * label (0 keeps all). Silver: the patterns matched over eng.train (longest match wins, no overlaps), every token
 * outside a match O. Models: the NER trained on the silver data, without and with pattern features (the token lies in
 * a match of label L), each scored alone and as match-then-predict (pattern matches first, model spans where no match
 * overlaps them).
 *
 * <p>Usage: BootstrapBenchmark CONLL_DIR GLOVE WORK SETTINGS(a|b) MIN_PRECISION
 */
public final class BootstrapBenchmark {

    public static void main(String[] args) throws Exception {
        Path conll = Path.of(args[0]);
        NerSettings settings = BenchData.settings(args[3]);
        Map<String, WordClusters> clusters = BenchData.clusters(settings, Path.of(args[1]), Path.of(args[2]), false);
        double minPrecision = Double.parseDouble(args[4]);
        List<NerExample> train = BenchData.read(conll, "eng.train");
        List<NerExample> testb = BenchData.read(conll, "eng.testb");

        Matcher all = Matcher.compile(patterns(train, Map.of(), 0), MatchOptions.defaults());
        Map<String, double[]> precision = precision(all, train);
        List<PhrasePattern> kept = patterns(train, precision, minPrecision);
        Matcher matcher = Matcher.compile(kept, MatchOptions.defaults());
        System.out.printf(Locale.ROOT, "settings %s: %s%npatterns: %d entity strings in eng.train, %d kept at "
                + "precision >= %.2f%n", args[3], settings.encode(), all.size(), kept.size(), minPrecision);

        List<NerExample> silver = new ArrayList<>(train.size());
        for (NerExample example : train) {
            silver.add(new NerExample(example.documentId(), example.tokens(), match(matcher, example.tokens())));
        }
        System.out.println("silver against the gold of eng.train: " + f1(BenchData.evaluate(train,
                silver.stream().map(NerExample::spans).toList())));
        System.out.println(BenchData.header());
        List<List<EntitySpan>> patternSpans = testb.stream().map(e -> match(matcher, e.tokens())).toList();
        NerEvaluation patternsOnly = BenchData.evaluate(testb, patternSpans);
        System.out.println(BenchData.row("patterns alone", patternsOnly, 0));
        for (boolean features : new boolean[] {false, true}) {
            NerSettings run = settings.withPatternFeatures(features);
            long t0 = System.nanoTime();
            NerModel model = new NerTrainer(run, clusters, features ? matcher : null).train(silver);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<List<EntitySpan>> predicted = model.predictExamples(testb);
            String name = "model on silver" + (features ? " + pattern features" : "");
            System.out.println(BenchData.row(name, BenchData.evaluate(testb, predicted), seconds));
            List<List<EntitySpan>> merged = new ArrayList<>();
            for (int i = 0; i < testb.size(); i++) {
                merged.add(merge(patternSpans.get(i), predicted.get(i)));
            }
            System.out.println(BenchData.row("match-then-predict, " + name, BenchData.evaluate(testb, merged), 0));
        }
    }

    private static String f1(NerEvaluation e) {
        return String.format(Locale.ROOT, "P %.2f R %.2f F1 %.2f", 100 * e.micro().precision(),
                100 * e.micro().recall(), 100 * e.micro().f1());
    }

    /** One pattern per entity string, its most frequent label; kept when its precision is at least {@code min}. */
    private static List<PhrasePattern> patterns(List<NerExample> train, Map<String, double[]> precision, double min) {
        Map<String, Map<String, Integer>> labels = new TreeMap<>();
        for (NerExample example : train) {
            for (EntitySpan span : example.spans()) {
                labels.computeIfAbsent(text(example.tokens(), span.start(), span.end()), k -> new TreeMap<>())
                        .merge(span.label(), 1, Integer::sum);
            }
        }
        List<PhrasePattern> patterns = new ArrayList<>();
        labels.forEach((text, counts) -> {
            String best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            double[] hits = precision.get(text);
            if (min <= 0 || hits != null && hits[0] / hits[1] >= min) {
                patterns.add(new PhrasePattern(best, text));
            }
        });
        return patterns;
    }

    /** Per pattern text: {gold entities of the pattern's label among its matches, matches}, every match counted. */
    private static Map<String, double[]> precision(Matcher matcher, List<NerExample> train) {
        Map<String, double[]> counts = new HashMap<>();
        for (NerExample example : train) {
            Doc doc = Doc.ofWords(example.tokens());
            matcher.forEachMatch(doc, (pattern, start, end) -> {
                double[] c = counts.computeIfAbsent(text(example.tokens(), start, end), k -> new double[2]);
                c[0] += example.spans().contains(new EntitySpan(start, end, matcher.label(pattern))) ? 1 : 0;
                c[1]++;
            });
        }
        return counts;
    }

    private static List<EntitySpan> match(Matcher matcher, List<String> tokens) {
        List<EntitySpan> spans = new ArrayList<>();
        for (Match match : matcher.match(Doc.ofWords(tokens))) {
            spans.add(new EntitySpan(match.tokenStart(), match.tokenEnd(), match.label()));
        }
        return spans;
    }

    /** Pattern spans, plus the model's spans that overlap none of them, sorted by start. */
    private static List<EntitySpan> merge(List<EntitySpan> patterns, List<EntitySpan> model) {
        List<EntitySpan> merged = new ArrayList<>(patterns);
        for (EntitySpan span : model) {
            if (patterns.stream().noneMatch(p -> p.start() < span.end() && span.start() < p.end())) {
                merged.add(span);
            }
        }
        merged.sort(java.util.Comparator.comparingInt(EntitySpan::start));
        return merged;
    }

    private static String text(List<String> tokens, int start, int end) {
        return String.join(" ", tokens.subList(start, end));
    }
}
