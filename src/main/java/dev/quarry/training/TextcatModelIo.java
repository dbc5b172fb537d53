package dev.quarry.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The {@code textcat.bin} format: a zip holding {@code textcat.json} (format version, mode, labels, thresholds,
 * training counts), {@code idf.bin} (with tf-idf features) and the classifiers: {@code model.bin} for an exclusive
 * model, {@code labels/<i>.bin} for the binary model of the i-th label of a multi-label one.
 */
final class TextcatModelIo {

    static final int FORMAT = 1;
    private static final String HEADER = "textcat.json";
    private static final String IDF = "idf.bin";
    private static final String EXCLUSIVE = "model.bin";
    private static final Set<String> HEADER_KEYS = Set.of("quarry_textcat", "mode", "labels", "thresholds",
            "training_counts");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TextcatModelIo() {
    }

    static void write(TextcatModel model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(HEADER));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header(model)));
        if (model.settings().tfidf()) {
            zip.putNextEntry(new ZipEntry(IDF));
            DataOutputStream data = new DataOutputStream(zip);
            data.writeInt(model.features().idf().size());
            for (Map.Entry<String, Float> e : new java.util.TreeMap<>(model.features().idf()).entrySet()) {
                data.writeUTF(e.getKey());
                data.writeFloat(e.getValue());
            }
            data.flush();
        }
        List<String> labels = model.labels();
        for (Map.Entry<String, TextcatScorer> e : new java.util.TreeMap<>(model.scorers()).entrySet()) {
            String name = model.mode() == TextcatMode.EXCLUSIVE ? EXCLUSIVE : "labels/" + labels.indexOf(e.getKey())
                    + ".bin";
            zip.putNextEntry(new ZipEntry(name));
            DataOutputStream data = new DataOutputStream(zip);
            e.getValue().write(data);
            data.flush();
        }
        zip.finish();
    }

    private static ObjectNode header(TextcatModel model) {
        ObjectNode header = JSON.createObjectNode().put("quarry_textcat", FORMAT).put("mode", model.mode().name());
        model.labels().forEach(header.putArray("labels")::add);
        ObjectNode thresholds = header.putObject("thresholds");
        model.thresholds().forEach(thresholds::put);
        ObjectNode counts = header.putObject("training_counts");
        model.trainingCounts().forEach((label, c) -> counts.putObject(label).put("positives", c.positives())
                .put("negatives", c.negatives()));
        return header;
    }

    static TextcatModel read(InputStream in, TextcatSettings settings, Map<String, WordClusters> clusters)
            throws IOException {
        Map<String, byte[]> entries = entries(in);
        byte[] headerBytes = entries.get(HEADER);
        if (headerBytes == null) {
            throw new IOException("not a Quarry text-classification model: no " + HEADER + " entry");
        }
        JsonNode header = JSON.readTree(headerBytes);
        checkHeader(header, settings);
        List<String> labels = new ArrayList<>();
        header.get("labels").forEach(label -> labels.add(label.asText()));
        Map<String, Float> idf = settings.tfidf() ? idf(required(entries, IDF)) : Map.of();
        TextcatFeatures features = new TextcatFeatures(settings, clusters, idf);
        Map<String, TextcatScorer> scorers = new LinkedHashMap<>();
        if (settings.mode() == TextcatMode.EXCLUSIVE) {
            scorers.put("", scorer(required(entries, EXCLUSIVE)));
        } else {
            for (int i = 0; i < labels.size(); i++) {
                scorers.put(labels.get(i), scorer(required(entries, "labels/" + i + ".bin")));
            }
        }
        return new TextcatModel(settings, features, labels, scorers, thresholds(header), counts(header));
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            entries.put(entry.getName(), zip.readAllBytes());
        }
        return entries;
    }

    private static void checkHeader(JsonNode header, TextcatSettings settings) throws IOException {
        Set<String> unknown = new TreeSet<>();
        header.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(HEADER_KEYS);
        if (!unknown.isEmpty()) {
            throw new IOException(HEADER + ": unknown keys " + unknown);
        }
        int format = header.path("quarry_textcat").asInt(-1);
        if (format != FORMAT) {
            throw new IOException(HEADER + ": \"quarry_textcat\" must be " + FORMAT + ", got "
                    + header.get("quarry_textcat"));
        }
        String mode = header.path("mode").asText();
        if (!mode.equals(settings.mode().name())) {
            throw new IOException(HEADER + ": the model is " + mode + " but the settings say " + settings.mode());
        }
        if (!header.path("labels").isArray()) {
            throw new IOException(HEADER + ": \"labels\" must be an array, got " + header.get("labels"));
        }
    }

    private static byte[] required(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException("text-classification model: missing entry " + name);
        }
        return bytes;
    }

    private static TextcatScorer scorer(byte[] bytes) throws IOException {
        return TextcatScorer.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static Map<String, Float> idf(byte[] bytes) throws IOException {
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        Map<String, Float> idf = new HashMap<>();
        for (int n = data.readInt(); n > 0; n--) {
            idf.put(data.readUTF(), data.readFloat());
        }
        return idf;
    }

    private static Map<String, Double> thresholds(JsonNode header) {
        Map<String, Double> thresholds = new HashMap<>();
        header.path("thresholds").properties().forEach(e -> thresholds.put(e.getKey(), e.getValue().asDouble()));
        return thresholds;
    }

    private static Map<String, TextcatLabelCounts> counts(JsonNode header) {
        Map<String, TextcatLabelCounts> counts = new HashMap<>();
        header.path("training_counts").properties().forEach(e -> counts.put(e.getKey(),
                new TextcatLabelCounts(e.getValue().path("positives").asLong(), e.getValue().path("negatives")
                        .asLong())));
        return counts;
    }

    /** The bytes of a model as {@link #write} produces them (for tests and copies). */
    static byte[] bytes(TextcatModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(model, out);
        return out.toByteArray();
    }
}
