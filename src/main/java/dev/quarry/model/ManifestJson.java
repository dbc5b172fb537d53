package dev.quarry.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.training.TextcatMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code manifest.json}: pretty-printed UTF-8, {@code snake_case} keys, instants as ISO-8601
 * strings. Reading is strict: unknown keys, missing keys and nulls for numbers are errors naming the JSON path.
 */
final class ManifestJson {

    static final String FILE = "manifest.json";
    /**
     * The keys added to format 1 after its first packages were written, which an older manifest lacks, and what
     * they read as: no NER vote, no optional NER features, no multi-label thresholds, and the text classification
     * settings every classifier had then (exclusive labels, threshold 0.5, no tf-idf, smoothing 1.0, seed 42, no
     * character n-grams).
     */
    private static final String NER_VOTE = "ner_vote";
    private static final String FEATURES = "features";
    private static final String THRESHOLDS = "textcat_thresholds";
    private static final Map<String, Object> OLD_TEXTCAT = textcatDefaults();

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            .build();

    private ManifestJson() {
    }

    static void write(Manifest manifest, Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(manifest) + "\n");
    }

    /**
     * Reads a manifest, checking the format version before anything else.
     *
     * @throws ModelException naming the file (and the JSON path or line) of what is wrong
     */
    static Manifest read(Path file) throws ModelException, IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ModelException(file.getParent(), "not a model package: no " + FILE);
        } catch (JsonProcessingException e) {
            throw new ModelException(file, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode)) {
            throw new ModelException(file, "expected a JSON object, got " + tree.getNodeType());
        }
        checkVersion(file, tree.get("quarry_model"));
        withOlderDefaults((ObjectNode) tree);
        try {
            return MAPPER.treeToValue(tree, Manifest.class);
        } catch (JsonMappingException e) {
            throw new ModelException(file, describe(e), e);
        }
    }

    /** Fills in the keys a manifest written before they existed lacks (see {@link #NER_VOTE}). */
    private static void withOlderDefaults(ObjectNode manifest) {
        if (manifest.get("labels") instanceof ObjectNode labels && !labels.has(THRESHOLDS)) {
            labels.putObject(THRESHOLDS);
        }
        if (!(manifest.get("settings") instanceof ObjectNode settings)) {
            return;
        }
        if (!settings.has(NER_VOTE)) {
            settings.putArray(NER_VOTE);
        }
        if (settings.get("ner") instanceof ObjectNode ner && !ner.has(FEATURES)) {
            ner.putArray(FEATURES);
        }
        settings.get(NER_VOTE).forEach(member -> {
            if (member instanceof ObjectNode m && !m.has(FEATURES)) {
                m.putArray(FEATURES);
            }
        });
        if (settings.get("textcat") instanceof ObjectNode textcat) {
            OLD_TEXTCAT.forEach((key, value) -> {
                if (!textcat.has(key)) {
                    textcat.set(key, MAPPER.valueToTree(value));
                }
            });
        }
    }

    private static Map<String, Object> textcatDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("mode", TextcatMode.EXCLUSIVE.name());
        defaults.put("threshold", 0.5);
        defaults.put("tfidf", false);
        defaults.put("alpha", 1.0);
        defaults.put("seed", 42L);
        defaults.put("char_ngrams", 0);
        return Collections.unmodifiableMap(defaults);
    }

    private static void checkVersion(Path file, JsonNode version) throws ModelException {
        if (version == null || !version.isInt() || version.intValue() != Manifest.FORMAT_VERSION) {
            throw new ModelException(file, "\"quarry_model\" must be " + Manifest.FORMAT_VERSION
                    + " (the model format this Quarry reads), got " + (version == null ? "nothing" : version)
                    + (version != null && version.isInt() && version.intValue() > Manifest.FORMAT_VERSION
                    ? "; the package was written by a newer Quarry" : ""));
        }
    }

    /** A mapping problem as {@code "settings.ner.iterations": message}, without Jackson's source dump. */
    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown key, expected one of " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
        } else if (e.getOriginalMessage().startsWith("Missing creator property")) {
            message = "is missing";
        } else if (e.getCause() instanceof IllegalArgumentException invalid) {
            message = invalid.getMessage();
        } else {
            message = e.getOriginalMessage();
        }
        return path.isEmpty() ? message : "\"" + path + "\": " + message;
    }

    private static final class InstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    private static final class InstantReader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            String text = in.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                throw JsonMappingException.from(in, "must be an ISO-8601 instant such as 2025-01-31T12:00:00Z, got "
                        + in.getText());
            }
        }
    }
}
