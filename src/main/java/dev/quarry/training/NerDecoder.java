package dev.quarry.training;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;

/**
 * What {@code NameFinderME.find} does, with the beam size of Quarry's settings rather than the one stored in the
 * model, and a {@link PerceptronScorer} in place of a perceptron's own scoring (the same numbers, fewer lookups).
 * The feature generators' adaptive data (the previous outcomes of words in the document) is cleared at the start of
 * each document and updated after each sentence, as in {@code NameFinderME}.
 *
 * <p>Not thread-safe; cheap to make (one per document or per thread).
 */
final class NerDecoder {

    /** OpenNLP's name of the classifier entry in a name-finder model. */
    private static final String CLASSIFIER_ENTRY = "nameFinder.model";

    private final BeamSearch beam;
    private final NameContextGenerator context;
    private final SequenceCodec<String> codec;
    private final SequenceValidator<String> validator;

    NerDecoder(TokenNameFinderModel model, int beamSize) {
        MaxentModel classifier = model.getArtifact(CLASSIFIER_ENTRY);
        this.beam = new BeamSearch(beamSize,
                classifier instanceof PerceptronModel perceptron ? new PerceptronScorer(perceptron) : classifier);
        TokenNameFinderFactory factory = model.getFactory();
        this.context = factory.createContextGenerator();
        this.codec = factory.createSequenceCodec();
        this.validator = codec.createSequenceValidator();
    }

    /** The spans of each encoded sentence of one document, in order. */
    List<List<EntitySpan>> document(List<String[]> sentences) {
        return scoredDocument(sentences).stream()
                .map(spans -> spans.stream().map(ScoredEntity::span).toList()).toList();
    }

    /**
     * As {@link #document}, each span with the mean probability of the outcomes chosen for its tokens (what
     * {@code NameFinderME} gives as {@code Span.getProb}).
     */
    List<List<ScoredEntity>> scoredDocument(List<String[]> sentences) {
        context.clearAdaptiveData();
        List<List<ScoredEntity>> result = new ArrayList<>(sentences.size());
        for (String[] tokens : sentences) {
            Sequence best = beam.bestSequence(tokens, null, context, validator);
            List<String> outcomes = best.getOutcomes();
            context.updateAdaptiveData(tokens, outcomes.toArray(String[]::new));
            double[] probabilities = best.getProbs();
            List<ScoredEntity> spans = new ArrayList<>();
            for (Span span : codec.decode(outcomes)) {
                double sum = 0;
                for (int i = span.getStart(); i < span.getEnd(); i++) {
                    sum += probabilities[i];
                }
                double mean = sum / (span.getEnd() - span.getStart());
                spans.add(new ScoredEntity(new EntitySpan(span.getStart(), span.getEnd(), span.getType()),
                        Math.min(1, Math.max(0, mean))));
            }
            result.add(List.copyOf(spans));
        }
        return result;
    }
}
