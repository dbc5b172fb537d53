package dev.quarry.training;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderEventStream;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a name finder through OpenNLP's event-trainer API with some tokens left out: a token whose mask is false
 * gives no training event, though its label still serves as the previous outcome of the next token's context (as a
 * completed example's label does). What {@code NameFinderME.train} does for an event trainer, otherwise.
 */
final class MaskedTraining {

    private MaskedTraining() {
    }

    /**
     * @param masks per sample, which tokens give events; null for a sample whose tokens all do
     */
    static TokenNameFinderModel train(List<NameSample> samples, List<boolean[]> masks, TrainingParameters params,
                                      QuarryNameFinderFactory factory) throws IOException {
        Map<String, String> manifest = new HashMap<>();
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, manifest);
        MaxentModel model = trainer.train(new Events(samples, masks, factory));
        return new TokenNameFinderModel("und", model, params.getIntParameter("BeamSize", 3),
                factory.featureGeneratorBytes(), factory.resourceMap(), manifest, factory.codec(), factory);
    }

    /** The events of the samples' unmasked tokens, generated lazily; {@link #reset()} starts over. */
    private static final class Events implements ObjectStream<Event> {
        private final List<NameSample> samples;
        private final List<boolean[]> masks;
        private final QuarryNameFinderFactory factory;
        private NameContextGenerator contexts;
        private int sample;
        private Iterator<Event> current;
        private int token;

        Events(List<NameSample> samples, List<boolean[]> masks, QuarryNameFinderFactory factory) {
            this.samples = samples;
            this.masks = masks;
            this.factory = factory;
            reset();
        }

        @Override
        public Event read() {
            while (true) {
                while (current != null && current.hasNext()) {
                    Event event = current.next();
                    boolean[] mask = masks.get(sample - 1);
                    if (mask == null || mask[token++]) {
                        return event;
                    }
                }
                if (sample == samples.size()) {
                    return null;
                }
                next(samples.get(sample++));
            }
        }

        private void next(NameSample sample) {
            if (sample.isClearAdaptiveDataSet()) {
                contexts.clearAdaptiveData();
            }
            String[] tokens = sample.getSentence();
            String[] outcomes = factory.codec().encode(sample.getNames(), tokens.length);
            current = NameFinderEventStream.generateEvents(tokens, outcomes, contexts).iterator();
            token = 0;
        }

        @Override
        public void reset() {
            contexts = factory.createContextGenerator();
            sample = 0;
            current = null;
        }
    }
}
