package dev.quarry.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Stores {@link WordClusters} inside an OpenNLP model zip. Unlike OpenNLP 2.5.11's own word-cluster serializer it
 * leaves the model's stream open, so a model with clusters can be saved and loaded. Public only because OpenNLP
 * instantiates it by name when loading a model.
 */
public final class WordClustersSerializer implements ArtifactSerializer<WordClusters> {

    @Override
    public WordClusters create(InputStream in) throws IOException {
        return WordClusters.read(in, "model entry");
    }

    @Override
    public void serialize(WordClusters artifact, OutputStream out) throws IOException {
        artifact.write(out);
    }
}
