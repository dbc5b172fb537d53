package dev.quarry.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.Matcher;
import dev.quarry.model.ModelPackage;
import dev.quarry.model.TinyModels;
import dev.quarry.streams.MatchSpans;
import dev.quarry.text.Language;
import dev.quarry.text.Offsets;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerEvaluation;
import dev.quarry.training.NerExample;
import dev.quarry.training.ScoredEntity;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatMode;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final Pipeline FULL = Pipeline.of(TinyModels.full());
    private static final Origin MODEL = new Origin.FromModel(null);
    private static final Origin PARIS = new Origin.FromPattern("Q90", "cities.jsonl:1");

    @Test
    void patternsWinWhereTheyOverlapModelEntities() {
        Analysis analysis = FULL.analyze("Anna visited Paris.");
        assertEquals(List.of(new AnalyzedSpan(0, 4, 0, 1, "PER", MODEL),
                new AnalyzedSpan(13, 18, 2, 3, "CITY", PARIS)), unscored(analysis.spans()));
    }

    @Test
    void theModelFillsInWhereNoPatternFires() {
        assertEquals(List.of(new AnalyzedSpan(0, 5, 0, 1, "PER", MODEL), new AnalyzedSpan(14, 20, 2, 3, "LOC", MODEL)),
                unscored(FULL.analyze("Boris visited Berlin.").spans()));
    }

    @Test
    void matchAndPredictRunOnePartEach() {
        assertEquals(List.of(new AnalyzedSpan(13, 18, 2, 3, "CITY", PARIS)), FULL.match("Anna visited Paris.").spans());
        assertEquals(Map.of(), FULL.match("Anna visited Paris.").cats());
        assertEquals(List.of(new AnalyzedSpan(0, 4, 0, 1, "PER", MODEL), new AnalyzedSpan(13, 18, 2, 3, "LOC", MODEL)),
                unscored(FULL.predict("Anna visited Paris.").spans()));
    }

    @Test
    void otherMergePoliciesKeepModelEntitiesOrBoth() {
        assertEquals(List.of(new AnalyzedSpan(0, 4, 0, 1, "PER", MODEL), new AnalyzedSpan(13, 18, 2, 3, "LOC", MODEL)),
                unscored(FULL.withMerge(MergePolicy.MODEL_WINS).analyze("Anna visited Paris.").spans()));
        assertEquals(List.of(new AnalyzedSpan(0, 4, 0, 1, "PER", MODEL), new AnalyzedSpan(13, 18, 2, 3, "CITY", PARIS),
                        new AnalyzedSpan(13, 18, 2, 3, "LOC", MODEL)),
                unscored(FULL.withMerge(MergePolicy.KEEP_BOTH).analyze("Anna visited Paris.").spans()));
    }

    @Test
    void aModelEntityPartlyCoveredByAPatternIsDropped() {
        AnalyzedSpan pattern = new AnalyzedSpan(0, 1, 1, 2, "P", PARIS);
        AnalyzedSpan straddling = new AnalyzedSpan(0, 1, 0, 2, "M", MODEL);
        AnalyzedSpan after = new AnalyzedSpan(0, 1, 2, 4, "M", MODEL);
        assertEquals(List.of(pattern, after),
                MergePolicy.PATTERNS_WIN.merge(List.of(pattern), List.of(straddling, after), 4));
        assertEquals(List.of(straddling, after),
                MergePolicy.MODEL_WINS.merge(List.of(pattern), List.of(straddling, after), 4));
    }

    @Test
    void theNerSeesEverySentenceOfALongTextAsOneDocument() {
        Analysis analysis = FULL.analyze("Boris visited Berlin. Elena visited Oslo.");
        assertEquals(List.of(new AnalyzedSpan(0, 5, 0, 1, "PER", MODEL), new AnalyzedSpan(14, 20, 2, 3, "LOC", MODEL),
                        new AnalyzedSpan(22, 27, 4, 5, "PER", MODEL), new AnalyzedSpan(36, 40, 6, 7, "LOC", MODEL)),
                unscored(analysis.spans()));
    }

    /** The spans with model scores left out (scores are checked on their own). */
    private static List<AnalyzedSpan> unscored(List<AnalyzedSpan> spans) {
        return spans.stream().map(s -> s.origin() instanceof Origin.FromModel
                ? new AnalyzedSpan(s.start(), s.end(), s.tokenStart(), s.tokenEnd(), s.label(), MODEL) : s).toList();
    }

    @Test
    void modelEntitiesCarryTheModelsProbability() {
        List<AnalyzedSpan> spans = FULL.predict("Boris visited Berlin.").spans();
        assertEquals(2, spans.size());
        for (AnalyzedSpan span : spans) {
            Double score = ((Origin.FromModel) span.origin()).score();
            assertTrue(score != null && score > 0.5 && score <= 1.0, span.toString());
        }
    }

    @Test
    void withMatcherReplacesThePackagesPatternsButKeepsItsModels() {
        Matcher rome = Matcher.compile(List.of(new dev.quarry.patterns.PhrasePattern("TOWN", "Berlin", null, null,
                new dev.quarry.patterns.PatternSource("towns.jsonl", 3))), dev.quarry.matching.MatchOptions.defaults());
        Pipeline live = FULL.withMatcher(rome);
        assertEquals(List.of(new AnalyzedSpan(0, 5, 0, 1, "PER", MODEL),
                        new AnalyzedSpan(14, 20, 2, 3, "TOWN", new Origin.FromPattern(null, "towns.jsonl:3"))),
                unscored(live.analyze("Boris visited Berlin.").spans()));
        assertEquals(List.of(), live.match("Anna visited Paris.").spans());
        assertEquals(FULL.analyze("the team scored a goal.").cats(), live.analyze("the team scored a goal.").cats());
        assertSame(FULL.model(), live.model());
    }

    @Test
    void categoriesComeFromTheTextClassifier() {
        Analysis analysis = FULL.analyze("the team scored a goal in the league match.");
        assertEquals("SPORT", analysis.topCategory());
        assertEquals(1.0, analysis.cats().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(List.of("MEDICINE", "SPORT"), analysis.cats().keySet().stream().sorted().toList());
    }

    @Test
    void anExclusiveClassifierDecidesItsMostProbableLabel() {
        Analysis analysis = FULL.analyze("the team scored a goal in the league match.");
        assertEquals(List.of("SPORT"), analysis.labels());
        assertEquals(List.of(), FULL.match("the team scored a goal.").labels());
    }

    @Test
    void aMultiLabelClassifierDecidesEveryLabelAtOrAboveItsThresholdAndJsonSaysSo() {
        List<TextcatExample> training = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            training.add(TextcatExample.of("goal team match " + i, Set.of("SPORT")));
            training.add(TextcatExample.of("doctor patient dose " + i, Set.of("MEDICINE")));
            training.add(TextcatExample.of("goal doctor team patient " + i, Set.of("SPORT", "MEDICINE")));
            training.add(TextcatExample.of("the weather today " + i, Set.of()));
        }
        TextcatModel multi = new TextcatTrainer(TextcatSettings.naiveBayesBagOfWords()
                .withMode(TextcatMode.MULTI_LABEL, 0.5), Map.of()).train(training);
        Pipeline pipeline = Pipeline.of(ModelPackage.builder(Language.ENGLISH).textcat(multi).build());
        Analysis both = pipeline.analyze("doctor patient team goal match dose");
        assertEquals(List.of("MEDICINE", "SPORT"), both.labels(), both.cats().toString());
        Analysis none = pipeline.analyze("the weather today");
        assertEquals(List.of(), none.labels());
        assertTrue(none.cats().values().stream().allMatch(p -> p < 0.5), none.cats().toString());
        ObjectNode task = AnalysisJson.put(JsonNodeFactory.instance.objectNode(), both);
        assertEquals("[\"MEDICINE\",\"SPORT\"]", task.get("labels").toString());
        assertEquals("[]", AnalysisJson.put(JsonNodeFactory.instance.objectNode(), none).get("labels").toString());
        // a threshold above a label's probability takes it out of the decision, not out of the probabilities
        Pipeline strict = Pipeline.of(ModelPackage.builder(Language.ENGLISH).textcat(multi.withThresholds(Map.of(
                "SPORT", 1.0))).build());
        Analysis strictBoth = strict.analyze("doctor patient team goal match dose");
        assertEquals(List.of("MEDICINE"), strictBoth.labels());
        assertEquals(both.cats(), strictBoth.cats());
    }

    @Test
    void entityFeaturesOfTheTextClassifierComeFromTheMergedSpans() {
        List<TextcatExample> training = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            training.add(new TextcatExample("we went there", "TRAVEL", List.of("CITY")));
            training.add(new TextcatExample("we went there", "HOME", List.of()));
        }
        TextcatSettings settings = TextcatSettings.naiveBayesBagOfWords().withFeatures(1, true, true, List.of());
        Pipeline pipeline = Pipeline.of(ModelPackage.builder(Language.ENGLISH).matcher(TinyModels.matcher())
                .textcat(new TextcatTrainer(settings, Map.of()).train(training)).build());
        assertEquals("TRAVEL", pipeline.analyze("we went to Paris").topCategory());
        assertEquals("HOME", pipeline.analyze("we went to bed").topCategory());
    }

    @Test
    void batchesKeepTheInputOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(TinyModels.PEOPLE.get(i % 6) + " visited " + TinyModels.CITIES.get(i % 6) + ".");
        }
        assertEquals(texts.stream().map(FULL::analyze).toList(), FULL.analyzeAll(texts));
        assertThrows(NullPointerException.class, () -> FULL.analyzeAll(java.util.Arrays.asList("a", null)));
    }

    @Test
    void emptyTextGivesNoSpans() {
        Analysis analysis = FULL.analyze("");
        assertEquals(List.of(), analysis.spans());
        assertEquals(2, analysis.cats().size());
    }

    @Test
    void jsonCountsCodePointsAndWritesPatternSpansAsMatchSpansDoesPlusTheOrigin() {
        String text = "🙂 Anna visited Paris.";
        ObjectNode task = AnalysisJson.put(JsonNodeFactory.instance.objectNode().put("text", text)
                .put("_task_hash", 1), FULL.analyze(text));
        ObjectNode model = (ObjectNode) task.get("spans").get(0);
        assertTrue(model.remove("score").doubleValue() > 0.5, task.toString());
        assertEquals("{\"start\":2,\"end\":6,\"token_start\":1,\"token_end\":1,\"label\":\"PER\",\"origin\":\"model\"}",
                model.toString());
        Matcher matcher = TinyModels.matcher();
        ObjectNode expected = ((ObjectNode) MatchSpans.addAll(JsonNodeFactory.instance.arrayNode(),
                matcher.match(matcher.options().tokenizer().tokenize(text)), Offsets.of(text)).get(0))
                .put("origin", "pattern");
        assertEquals(expected, task.get("spans").get(1));
        assertEquals("{\"start\":15,\"end\":20,\"token_start\":3,\"token_end\":3,\"label\":\"CITY\",\"pattern_id\":\"Q90\","
                + "\"source\":\"cities.jsonl:1\",\"origin\":\"pattern\"}", task.get("spans").get(1).toString());
        assertTrue(task.get("cats").has("SPORT"));
        assertTrue(!task.has("_task_hash"));
    }

    @Test
    void modelScoresAreWrittenWhenKnown() {
        ArrayNode out = AnalysisJson.addSpans(JsonNodeFactory.instance.arrayNode(),
                List.of(new AnalyzedSpan(0, 4, 0, 1, "PER", new Origin.FromModel(0.75))), Offsets.of("Anna"));
        assertEquals("[{\"start\":0,\"end\":4,\"token_start\":0,\"token_end\":0,\"label\":\"PER\",\"origin\":\"model\","
                + "\"score\":0.75}]", out.toString());
    }

    @Test
    void nerEvaluationScoresPatternsModelAndBoth() {
        List<NerExample> gold = List.of(
                new NerExample("d", List.of("Anna", "visited", "Paris", "."),
                        List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "CITY"))),
                new NerExample("d", List.of("Boris", "visited", "Berlin", "."),
                        List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC"))));
        NerEvaluation patterns = FULL.evaluateNer(gold, Sources.PATTERNS);
        assertEquals(1, patterns.micro().truePositives());
        assertEquals(0, patterns.micro().falsePositives());
        assertEquals(3, patterns.micro().falseNegatives());
        NerEvaluation model = FULL.evaluateNer(gold, Sources.MODEL);
        assertEquals(3, model.micro().truePositives(), "PER, PER, LOC; Paris is LOC to the model, not CITY");
        assertEquals(1, model.micro().falsePositives());
        NerEvaluation both = FULL.evaluateNer(gold, Sources.BOTH);
        assertEquals(4, both.micro().truePositives());
        assertEquals(1.0, both.micro().f1());
    }

    @Test
    void anNerVotePredictsWhatItsEnsembleVotesScoredByTheShareOfVotes() {
        ModelPackage vote = TinyModels.vote();
        List<List<ScoredEntity>> voted = vote.nerEnsemble().orElseThrow().predictScored(List.of(
                List.of("Boris", "visited", "Berlin", "."), List.of("Elena", "visited", "Oslo", ".")));
        int[] tokenStarts = {0, 6, 14, 20, 22, 28, 36, 40};
        int[] tokenEnds = {5, 13, 20, 21, 27, 35, 40, 41};
        List<AnalyzedSpan> expected = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            for (ScoredEntity entity : voted.get(s)) {
                int first = 4 * s + entity.span().start();
                int end = 4 * s + entity.span().end();
                expected.add(new AnalyzedSpan(tokenStarts[first], tokenEnds[end - 1], first, end,
                        entity.span().label(), new Origin.FromModel(entity.probability())));
            }
        }
        assertEquals(4, expected.size(), voted.toString());
        assertEquals(expected, Pipeline.of(vote).predict("Boris visited Berlin. Elena visited Oslo.").spans());
        List<NerExample> gold = TinyModels.nerExamples(4, 9);
        assertEquals(vote.nerEnsemble().orElseThrow().evaluate(gold).micro(),
                Pipeline.of(vote).evaluateNer(gold, Sources.MODEL).micro());
    }
}
