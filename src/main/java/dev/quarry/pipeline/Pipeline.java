package dev.quarry.pipeline;

import dev.quarry.matching.Match;
import dev.quarry.matching.Matcher;
import dev.quarry.model.ModelException;
import dev.quarry.model.ModelPackage;
import dev.quarry.text.Doc;
import dev.quarry.text.Language;
import dev.quarry.text.Sentences;
import dev.quarry.text.Span;
import dev.quarry.text.Tokenizer;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerEnsemble;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.NerModel;
import dev.quarry.training.ScoredEntity;
import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Match-then-predict over a {@link ModelPackage}: the text is tokenized once (with the package's language), the
 * patterns run over the whole text, the NER runs sentence by sentence over the text as one document, the two are
 * merged by a {@link MergePolicy} (patterns win by default), and the text classifier scores the text (fed the
 * entities' labels as features when its settings ask for them).
 *
 * <p>When the package holds an NER vote ({@link ModelPackage#nerEnsemble()}), the NER side is the vote's: a span is
 * kept when more than half of the members predict it, and its score ({@link Origin.FromModel#score()}) is the share
 * of the members that do, in (0.5, 1], rather than one model's probability.
 *
 * <p>Thread-safe and immutable: one pipeline serves any number of threads. The batch methods use the common
 * fork-join pool (all cores) and keep the input order. Offsets in results are UTF-16 {@code String} indices;
 * {@link AnalysisJson} writes code points.
 */
public final class Pipeline {

    private final ModelPackage model;
    private final Tokenizer tokenizer;
    private final Language language;
    private final Matcher matcher;
    private final NerModel ner;
    private final NerEnsemble vote;
    private final TextcatModel textcat;
    private final MergePolicy merge;

    private Pipeline(ModelPackage model, Matcher matcher, MergePolicy merge) {
        this.model = model;
        this.language = model.language();
        this.matcher = matcher;
        this.tokenizer = matcher != null ? matcher.options().tokenizer() : Tokenizer.forLanguage(language);
        this.ner = model.ner().orElse(null);
        this.vote = model.nerEnsemble().orElse(null);
        this.textcat = model.textcat().orElse(null);
        this.merge = Objects.requireNonNull(merge, "merge");
    }

    /** A pipeline over a package, patterns winning over overlapping model entities. */
    public static Pipeline of(ModelPackage model) {
        return new Pipeline(Objects.requireNonNull(model, "model"), model.matcher().orElse(null),
                MergePolicy.PATTERNS_WIN);
    }

    /**
     * Loads a package (a directory, or a zip file of one) and makes a pipeline of it.
     *
     * @throws ModelException naming the file of the package that is missing or wrong
     */
    public static Pipeline load(Path directory) throws IOException, ModelException {
        return of(ModelPackage.load(directory));
    }

    /** The same pipeline with another merge policy. */
    public Pipeline withMerge(MergePolicy policy) {
        return new Pipeline(model, matcher, policy);
    }

    /**
     * The same pipeline with other patterns: {@code patterns} replaces the package's matcher for pattern matches
     * (and its tokenizer tokenizes the text), e.g. a set reloaded from pattern files. The NER keeps the patterns it
     * was trained with for its pattern features; {@link #model()} stays the package. Cheap: nothing is copied.
     */
    public Pipeline withMatcher(Matcher patterns) {
        return new Pipeline(model, Objects.requireNonNull(patterns, "patterns"), merge);
    }

    /** The package; its matcher may differ from {@link #matcher()} after {@link #withMatcher}. */
    public ModelPackage model() {
        return model;
    }

    /** The patterns this pipeline matches with, if any. */
    public Optional<Matcher> matcher() {
        return Optional.ofNullable(matcher);
    }

    public MergePolicy mergePolicy() {
        return merge;
    }

    /** Match-then-predict: {@link #run(String, Sources)} with {@link Sources#BOTH}. */
    public Analysis analyze(String text) {
        return run(text, Sources.BOTH);
    }

    /** Pattern matches only. */
    public Analysis match(String text) {
        return run(text, Sources.PATTERNS);
    }

    /** Model entities and categories only. */
    public Analysis predict(String text) {
        return run(text, Sources.MODEL);
    }

    /**
     * Runs the chosen parts over one text. A part the package lacks gives nothing (no spans, no categories).
     *
     * @throws NullPointerException if {@code text} is null
     */
    public Analysis run(String text, Sources sources) {
        Doc doc = tokenizer.tokenize(Objects.requireNonNull(text, "text"));
        List<AnalyzedSpan> patterns = sources != Sources.MODEL ? patternSpans(doc) : List.of();
        List<AnalyzedSpan> entities = sources != Sources.PATTERNS ? modelSpans(doc) : List.of();
        List<AnalyzedSpan> spans = merge.merge(patterns, entities, doc.size());
        Map<String, Double> cats = sources != Sources.PATTERNS ? cats(text, spans) : Map.of();
        return new Analysis(text, spans, cats, cats.isEmpty() ? List.of() : List.copyOf(textcat.decide(cats)));
    }

    /** {@link #analyze} over many texts on all cores, results in input order. */
    public List<Analysis> analyzeAll(List<String> texts) {
        return runAll(texts, Sources.BOTH);
    }

    /**
     * {@link #run} over many texts on all cores (the common fork-join pool), results in input order.
     *
     * @throws NullPointerException if a text is null (before any runs)
     */
    public List<Analysis> runAll(List<String> texts, Sources sources) {
        texts.forEach(text -> Objects.requireNonNull(text, "texts contain null"));
        return texts.parallelStream().map(text -> run(text, sources)).toList();
    }

    private List<AnalyzedSpan> patternSpans(Doc doc) {
        if (matcher == null) {
            return List.of();
        }
        List<Match> matches = matcher.match(doc);
        List<AnalyzedSpan> spans = new ArrayList<>(matches.size());
        for (Match match : matches) {
            spans.add(new AnalyzedSpan(match.start(), match.end(), match.tokenStart(), match.tokenEnd(),
                    match.label(), new Origin.FromPattern(match.patternId(), match.source().toString())));
        }
        return spans;
    }

    private List<AnalyzedSpan> modelSpans(Doc doc) {
        if (ner == null || doc.size() == 0) {
            return List.of();
        }
        List<Span> sentences = Sentences.split(doc, language);
        List<List<String>> document = new ArrayList<>(sentences.size());
        for (Span sentence : sentences) {
            List<String> tokens = new ArrayList<>(sentence.length());
            for (int t = sentence.tokenStart(); t < sentence.tokenEnd(); t++) {
                tokens.add(doc.tokenText(t));
            }
            document.add(tokens);
        }
        List<List<ScoredEntity>> predicted = vote != null ? vote.predictScored(document) : ner.predictScored(document);
        List<AnalyzedSpan> spans = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            int offset = sentences.get(s).tokenStart();
            for (ScoredEntity scored : predicted.get(s)) {
                EntitySpan entity = scored.span();
                int first = offset + entity.start();
                int last = offset + entity.end() - 1;
                spans.add(new AnalyzedSpan(doc.start(first), doc.end(last), first, last + 1, entity.label(),
                        new Origin.FromModel(scored.probability())));
            }
        }
        return spans;
    }

    private Map<String, Double> cats(String text, List<AnalyzedSpan> spans) {
        return textcat == null ? Map.of() : textcat.scores(textcatExample(text, null, spans));
    }

    private TextcatExample textcatExample(String text, String label, List<AnalyzedSpan> spans) {
        return new TextcatExample(text, label, entityLabels(spans));
    }

    private List<String> entityLabels(List<AnalyzedSpan> spans) {
        return textcat.settings().entityFeatures() ? spans.stream().map(AnalyzedSpan::label).toList() : List.of();
    }

    /**
     * Scores the NER side against gold sentences with their own tokens (documents as {@link NerExample} groups
     * them): {@link Sources#MODEL} the NER alone (document by document), {@link Sources#PATTERNS} the patterns
     * alone, {@link Sources#BOTH} the two merged by this pipeline's policy.
     *
     * @throws IllegalStateException if the package lacks the part {@code sources} asks for
     */
    public NerEvaluation evaluateNer(List<NerExample> gold, Sources sources) {
        if (sources != Sources.PATTERNS && ner == null || sources != Sources.MODEL && matcher == null) {
            throw new IllegalStateException("the model package has no " + (ner == null ? "NER" : "patterns")
                    + " to evaluate");
        }
        List<List<EntitySpan>> model = sources == Sources.PATTERNS ? null
                : vote != null ? vote.predictExamples(gold) : ner.predictExamples(gold);
        List<List<EntitySpan>> predicted = new ArrayList<>(gold.size());
        for (int i = 0; i < gold.size(); i++) {
            if (sources == Sources.MODEL) {
                predicted.add(model.get(i));
                continue;
            }
            Doc doc = Doc.ofWords(gold.get(i).tokens());
            List<AnalyzedSpan> entities = model == null ? List.of() : toSpans(doc, model.get(i));
            predicted.add(merge.merge(patternSpans(doc), entities, doc.size()).stream()
                    .map(s -> new EntitySpan(s.tokenStart(), s.tokenEnd(), s.label())).toList());
        }
        return NerEvaluation.of(gold.stream().map(NerExample::spans).toList(), predicted);
    }

    private static List<AnalyzedSpan> toSpans(Doc doc, List<EntitySpan> entities) {
        return entities.stream().map(e -> new AnalyzedSpan(doc.start(e.start()), doc.end(e.end() - 1), e.start(),
                e.end(), e.label(), new Origin.FromModel(null))).toList();
    }

    /**
     * Scores the text classifier against gold examples ({@link TextcatModel#evaluate}: exclusive, on the texts with
     * one label; multi-label, each label on the texts that know it), each text run through match-then-predict first
     * when the classifier uses entity features (the gold examples' own entity labels are not used). Uses all cores.
     *
     * @throws IllegalStateException if the package has no text classifier
     */
    public TextcatEvaluation evaluateTextcat(List<TextcatExample> gold) {
        if (textcat == null) {
            throw new IllegalStateException("the model package has no text classifier to evaluate");
        }
        List<TextcatExample> seen = gold.parallelStream().map(example -> example.withEntityLabels(
                textcat.settings().entityFeatures() ? entityLabels(run(example.text(), Sources.BOTH).spans())
                        : List.of())).toList();
        return textcat.evaluate(seen);
    }
}
