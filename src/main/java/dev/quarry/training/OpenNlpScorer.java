package dev.quarry.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A classifier trained by one of OpenNLP's event trainers (naive Bayes, perceptron, GIS or L-BFGS maxent) on
 * real-valued events. OpenNLP's naive Bayes multiplies a feature's count by its value instead of raising its
 * probability to that power, so for it every feature is passed as often as its (integer) value, as the document
 * categorizer does.
 */
final class OpenNlpScorer implements TextcatScorer {

    static final String KIND = "opennlp";

    private final AbstractModel model;
    private final boolean repeatFeatures;
    private final List<String> outcomes;

    private OpenNlpScorer(AbstractModel model) {
        this.model = model;
        this.repeatFeatures = model.getModelType() == AbstractModel.ModelType.NaiveBayes;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < model.getNumOutcomes(); i++) {
            names.add(model.getOutcome(i));
        }
        this.outcomes = List.copyOf(names);
    }

    static OpenNlpScorer train(List<String> outcomes, List<FeatureVector> vectors, TextcatSettings settings)
            throws IOException {
        List<Event> events = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            FeatureVector v = vectors.get(i);
            events.add(new Event(outcomes.get(i), v.names(), v.values()));
        }
        TrainingParameters params = new TrainingParameters();
        settings.trainingParameters().forEach(params::put);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        MaxentModel model = trainer.train(ObjectStreamUtils.createObjectStream(events));
        return new OpenNlpScorer((AbstractModel) model);
    }

    @Override
    public List<String> outcomes() {
        return outcomes;
    }

    @Override
    public double[] probabilities(FeatureVector features) {
        if (!repeatFeatures) {
            return model.eval(features.names(), features.values());
        }
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            for (int k = Math.round(features.values()[i]); k > 0; k--) {
                repeated.add(features.names()[i]);
            }
        }
        return model.eval(repeated.toArray(String[]::new));
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new GenericModelWriter(model, new DataOutputStream(bytes)).persist();
        out.writeUTF(KIND);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    static OpenNlpScorer readBody(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        GenericModelReader reader = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes)));
        return new OpenNlpScorer(reader.getModel());
    }
}
