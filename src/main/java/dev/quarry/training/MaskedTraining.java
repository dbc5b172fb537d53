package dev.quarry.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a name finder through OpenNLP's event-trainer API with some tokens left out and, optionally, some samples
 * read several ways with weights: a token whose mask is false gives no training event, though its label still serves
 * as the previous outcome of the next token's context (as a completed example's label does). What
 * {@code NameFinderME.train} does for an event trainer, otherwise.
 *
 * <p>Weights are whole numbers of event copies: with {@code copies} = Q, a plain token gives Q identical events, a
 * token of a weighted reading {@code round(Q * weight)} (readings that give the same event at a token add up), and
 * the learner's cutoff is multiplied by Q, so that with Q = 1 and no readings training is exactly the plain one.
 * OpenNLP's data indexer merges identical events into one counted event, so copies cost little.
 */
final class MaskedTraining {

    private MaskedTraining() {
    }

    /**
     * One way to read a sample's tokens: an outcome per token, the reading's weight in (0, 1], and which tokens it
     * teaches ({@code learnt} null: every one; a token it does not teach still has this reading's outcomes as
     * context for the next).
     */
    record Reading(String[] outcomes, double weight, boolean[] learnt) {

        /** A reading that teaches every token. */
        Reading(String[] outcomes, double weight) {
            this(outcomes, weight, null);
        }
    }

    /**
     * @param masks per sample, which tokens give events; null for a sample whose tokens all do (the list itself may
     *              be null: every token of every sample)
     */
    static TokenNameFinderModel train(List<NameSample> samples, List<boolean[]> masks, TrainingParameters params,
                                      QuarryNameFinderFactory factory) throws IOException {
        return train(samples, masks, null, 1, params, factory);
    }

    /**
     * @param readings per sample, the weighted readings to learn from instead of the sample's own names (their
     *                 weights summing to at most 1); null for a sample learnt as it is (the list itself may be null)
     * @param copies   event copies for weight 1, at least 1
     */
    static TokenNameFinderModel train(List<NameSample> samples, List<boolean[]> masks, List<List<Reading>> readings,
                                      int copies, TrainingParameters params, QuarryNameFinderFactory factory)
            throws IOException {
        Map<String, String> manifest = new HashMap<>();
        TrainingParameters scaled = params;
        if (copies > 1) {
            scaled = new TrainingParameters(params);
            scaled.put(TrainingParameters.CUTOFF_PARAM, params.getIntParameter(TrainingParameters.CUTOFF_PARAM, 5)
                    * copies);
            // the copies are one Event object repeated: kept in memory they cost a reference each
            scaled.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        }
        EventTrainer trainer = TrainerFactory.getEventTrainer(scaled, manifest);
        MaxentModel model = trainer.train(new Events(samples, masks, readings, copies, factory));
        return new TokenNameFinderModel("und", model, params.getIntParameter("BeamSize", 3),
                factory.featureGeneratorBytes(), factory.resourceMap(), manifest, factory.codec(), factory);
    }

    /** The events of the samples' unmasked tokens, with copies, generated lazily; {@link #reset()} starts over. */
    private static final class Events implements ObjectStream<Event> {
        private final List<NameSample> samples;
        private final List<boolean[]> masks;
        private final List<List<Reading>> readings;
        private final int copies;
        private final QuarryNameFinderFactory factory;
        private NameContextGenerator contexts;
        private int sample;
        private Iterator<Event> current;

        Events(List<NameSample> samples, List<boolean[]> masks, List<List<Reading>> readings, int copies,
               QuarryNameFinderFactory factory) {
            this.samples = samples;
            this.masks = masks;
            this.readings = readings;
            this.copies = copies;
            this.factory = factory;
            reset();
        }

        @Override
        public Event read() {
            while (current == null || !current.hasNext()) {
                if (sample == samples.size()) {
                    return null;
                }
                next(sample++);
            }
            return current.next();
        }

        private void next(int index) {
            NameSample sample = samples.get(index);
            if (sample.isClearAdaptiveDataSet()) {
                contexts.clearAdaptiveData();
            }
            String[] tokens = sample.getSentence();
            String[] own = factory.codec().encode(sample.getNames(), tokens.length);
            List<Reading> ways = readings == null ? null : readings.get(index);
            if (ways == null) {
                ways = List.of(new Reading(own, 1));
            }
            boolean[] mask = masks == null ? null : masks.get(index);
            current = events(tokens, ways, mask).iterator();
            contexts.updateAdaptiveData(tokens, own);
        }

        /**
         * Every reading's events at each unmasked token, all with the document's adaptive data as it stood before
         * this sentence (so one reading's labels never leak into another's context), identical events merged; the
         * adaptive data then learns the sample's own names, whatever the readings say.
         */
        private List<Event> events(String[] tokens, List<Reading> ways, boolean[] mask) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                if (mask != null && !mask[i]) {
                    continue;
                }
                Map<List<String>, Double> weights = new LinkedHashMap<>();
                for (Reading way : ways) {
                    if (way.learnt() != null && !way.learnt()[i]) {
                        continue;
                    }
                    String[] context = contexts.getContext(i, tokens, way.outcomes(), null);
                    List<String> key = new ArrayList<>(Arrays.asList(context));
                    key.add(way.outcomes()[i]);
                    weights.merge(key, way.weight(), Double::sum);
                }
                weights.forEach((key, weight) -> {
                    Event event = new Event(key.getLast(), key.subList(0, key.size() - 1).toArray(String[]::new));
                    for (long c = Math.round(weight * copies); c > 0; c--) {
                        events.add(event);
                    }
                });
            }
            return events;
        }

        @Override
        public void reset() {
            contexts = factory.createContextGenerator();
            sample = 0;
            current = null;
        }
    }
}
