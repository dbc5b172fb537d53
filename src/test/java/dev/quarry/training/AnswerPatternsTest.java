package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.text.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The answers' own words as pattern features of the completing models ({@link BinaryTraining#answerPatterns()}). */
class AnswerPatternsTest {

    private static final List<BinaryNerExample> ANSWERS = List.of(
            new BinaryNerExample("d1", List.of("New", "York", "won", "."), List.of(new EntitySpan(0, 2, "LOC")),
                    List.of()),
            new BinaryNerExample("d2", List.of("Jordan", "met", "Anna", "."), List.of(),
                    List.of(new EntitySpan(0, 1, "LOC"), new EntitySpan(2, 3, "ORG"))),
            new BinaryNerExample("d3", List.of("Jordan", "said", "so", "."), List.of(new EntitySpan(0, 1, "LOC")),
                    List.of()));

    /** Each match as "label start end", sorted. */
    private static List<String> matches(Matcher matcher, String... words) {
        List<String> found = new ArrayList<>();
        matcher.forEachMatch(Doc.ofWords(List.of(words)),
                (pattern, start, end) -> found.add(matcher.label(pattern) + " " + start + " " + end));
        return List.copyOf(new TreeSet<>(found));
    }

    @Test
    void acceptedWordsMatchExactlyOnEverySentenceWithTheirLabel() {
        Matcher matcher = BinaryTrainer.answerMatcher(null, ANSWERS, BinaryTraining.AnswerPatterns.ACCEPTED);
        assertEquals(List.of("LOC 1 3", "LOC 4 5"), matches(matcher, "In", "New", "York", "and", "Jordan", "Anna"));
        assertEquals(List.of(), matches(matcher, "new", "york", "Yorkshire"));
    }

    @Test
    void rejectedWordsMatchAsNoLabelUnlessSomeAnswerAcceptedThemWithThatLabel() {
        Matcher matcher = BinaryTrainer.answerMatcher(null, ANSWERS,
                BinaryTraining.AnswerPatterns.ACCEPTED_AND_REJECTED);
        assertEquals(List.of("LOC 0 1", "no-ORG 2 3"), matches(matcher, "Jordan", "and", "Anna"));
    }

    @Test
    void theTrainersOwnPatternsStayBesideTheAnswers() {
        Matcher own = Matcher.compile(List.of(new PhrasePattern("PER", "Anna")), MatchOptions.defaults());
        Matcher matcher = BinaryTrainer.answerMatcher(own, ANSWERS, BinaryTraining.AnswerPatterns.ACCEPTED);
        assertEquals(List.of("LOC 0 1", "PER 2 3"), matches(matcher, "Jordan", "and", "Anna"));
    }

    @Test
    void leftOutADocumentsOwnAnswersDoNotMatchInItUnlessAnotherDocumentAcceptedThem() {
        var byDocument = BinaryTrainer.leaveOneOut(null, List.of(ANSWERS.get(0), ANSWERS.get(2),
                new BinaryNerExample("d4", List.of("New", "York", "."), List.of(new EntitySpan(0, 2, "LOC")),
                        List.of())));
        String[] sentence = {"Jordan", "and", "New", "York"};
        assertEquals(List.of("LOC 2 4"), matches(byDocument.apply("d3"), sentence));
        assertEquals(List.of("LOC 0 1", "LOC 2 4"), matches(byDocument.apply("d1"), sentence));
        assertEquals(List.of("LOC 0 1", "LOC 2 4"), matches(byDocument.apply("seed"), sentence));
    }

    @Test
    void onlyTheCompletingModelsLearnFromTheAnswerPatterns() {
        List<BinaryNerExample> binary = new ArrayList<>();
        for (NerExample e : BinaryTrainingTest.data(20, 5)) {
            binary.add(new BinaryNerExample(e.documentId(), e.tokens(), List.of(e.spans().get(1)), List.of()));
        }
        NerTrainer trainer = new NerTrainer(NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0), Map.of(),
                null);
        List<Boolean> completersPatterns = new ArrayList<>();
        NerModel model = trainer.train(BinaryTrainingTest.data(10, 3), binary, BinaryTraining.defaults()
                .withRounds(1).withCompleter(BinaryTraining.Completer.stronger())
                .withAnswerPatterns(BinaryTraining.AnswerPatterns.ACCEPTED), (round, completed, completers) ->
                completers.forEach(c -> completersPatterns.add(c.settings().patternFeatures())));
        assertEquals(List.of(true), completersPatterns);
        assertFalse(model.settings().patternFeatures());
        assertTrue(model.evaluate(BinaryTrainingTest.data(20, 9)).micro().f1() > 0.9);
    }

    @Test
    void byDefaultTheCompletersLearnFromTheOtherDocumentsAnswers() {
        assertEquals(BinaryTraining.AnswerPatterns.ACCEPTED_ELSEWHERE, BinaryTraining.defaults().answerPatterns());
    }

    @Test
    void examplesWithWhitespaceTokensTrainWithoutAnswerPatterns() {
        List<String> tokens = List.of("Anna", "\n", "visited", "Paris");
        BinaryNerExample spaced = new BinaryNerExample("d9", tokens, List.of(new EntitySpan(3, 4, "LOC")), List.of());
        assertFalse(BinaryTrainer.matchable(List.of(), List.of(spaced)));
        assertTrue(BinaryTrainer.matchable(BinaryTrainingTest.data(3, 1), List.of(ANSWERS.getFirst())));
        NerTrainer trainer = new NerTrainer(NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0), Map.of(),
                null);
        List<Boolean> completersPatterns = new ArrayList<>();
        trainer.train(BinaryTrainingTest.data(10, 3), List.of(spaced), BinaryTraining.defaults().withRounds(1)
                .withCompleter(BinaryTraining.Completer.stronger()), (round, completed, completers) ->
                completers.forEach(c -> completersPatterns.add(c.settings().patternFeatures())));
        assertEquals(List.of(false), completersPatterns);
    }

    @Test
    void completersTrainedOnOtherDocumentsAnswersStillCompleteWithinTheAnswers() {
        List<BinaryNerExample> binary = new ArrayList<>();
        for (NerExample e : BinaryTrainingTest.data(20, 5)) {
            binary.add(new BinaryNerExample(e.documentId(), e.tokens(), List.of(e.spans().get(1)), List.of()));
        }
        NerTrainer trainer = new NerTrainer(NerSettings.openNlpDefaults().withLearner("PERCEPTRON", 20, 0), Map.of(),
                null);
        var how = BinaryTraining.defaults().withRounds(1).withCompleter(BinaryTraining.Completer.stronger())
                .withAnswerPatterns(BinaryTraining.AnswerPatterns.ACCEPTED_ELSEWHERE);
        NerModel model = trainer.train(BinaryTrainingTest.data(10, 3), binary, how, (round, completed, completers) -> {
            for (int i = 0; i < binary.size(); i++) {
                assertTrue(completed.get(i).spans().containsAll(binary.get(i).accepted()));
            }
        });
        assertTrue(model.evaluate(BinaryTrainingTest.data(20, 9)).micro().f1() > 0.9);
    }
}
