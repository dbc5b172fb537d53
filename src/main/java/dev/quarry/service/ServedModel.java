package dev.quarry.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.model.Manifest;
import dev.quarry.model.ModelException;
import dev.quarry.model.ModelPackage;
import dev.quarry.pipeline.Pipeline;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The model a server runs {@code /v1/predict}, {@code /v1/analyze} and the annotation app's suggestions with, and
 * what {@code /v1/health} says about it. The annotation app's training loop replaces it ({@link #replace}); a
 * request reads it once ({@link #current}) and is answered by that model whole. Thread-safe.
 */
final class ServedModel {

    private static final String PATTERNS = "patterns.jsonl";

    /**
     * One model as served.
     *
     * @param pipeline the package's pipeline (its own patterns; requests run it {@code withMatcher} the served set)
     * @param path     the package directory it was loaded from, or null for a model trained by this server
     * @param version  the first 16 hex digits of the SHA-256 of the package's files for a loaded package; for a
     *                 retrained one the version it was trained from plus {@code +rN} (the N-th training of this run)
     */
    record Current(Pipeline pipeline, Path path, String version) {
        Current {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(version, "version");
        }

        Manifest manifest() {
            return pipeline.model().manifest();
        }
    }

    private volatile Current current;

    private ServedModel(Current current) {
        this.current = current;
    }

    /**
     * Loads a package directory.
     *
     * @throws ModelException naming the file of the package that is missing or wrong
     */
    static ServedModel load(Path directory) throws IOException, ModelException {
        Pipeline pipeline = Pipeline.load(directory);
        return new ServedModel(new Current(pipeline, directory.toAbsolutePath().normalize(), hash(directory)));
    }

    /** No model yet (the annotation app's loop may train one). */
    static ServedModel none() {
        return new ServedModel(null);
    }

    /** The model now, or null when there is none. */
    Current current() {
        return current;
    }

    /** Publishes another model; requests in flight finish with the one they read. */
    void replace(Current next) {
        current = Objects.requireNonNull(next, "next");
    }

    /**
     * How pattern files are compiled to run beside this model: the package's language and, when it has patterns,
     * their settings (phrase attribute, overlap, priority).
     */
    MatchOptions matchOptions() {
        ModelPackage model = current.pipeline().model();
        Manifest.Settings settings = model.manifest().settings();
        return settings.patterns() != null ? settings.patterns().toOptions(model.language())
                : MatchOptions.defaults().withTokenizer(Tokenizer.forLanguage(model.language()));
    }

    /** The package's own patterns (empty, with the package's tokenizer, when it has none). */
    Matcher ownPatterns() {
        return current.pipeline().model().matcher().orElseGet(() -> Matcher.compile(List.of(), matchOptions()));
    }

    /**
     * The package's own patterns as {@code /v1/health} names them, for {@link PatternReloader#fixed}: none when the
     * package has no patterns.jsonl or was not loaded from a path; {@code model.zip!/patterns.jsonl} inside a zip
     * package, whose version is the same as the unpacked directory's.
     *
     * @throws IOException if the file cannot be read for its version
     */
    PatternReloader fixedPatterns(Clock clock, PrintWriter log) throws IOException {
        Path path = current.path();
        Matcher matcher = ownPatterns();
        if (path != null && Files.isRegularFile(path) && matcher.size() > 0) {
            try (FileSystem zip = FileSystems.newFileSystem(path)) {
                Path inside = zip.getPath(PATTERNS);
                if (Files.isRegularFile(inside)) {
                    return PatternReloader.fixed(matcher, ContentHash.of(List.of(inside)),
                            List.of(path + "!/" + PATTERNS), clock, log);
                }
            }
        }
        boolean file = path != null && Files.isRegularFile(path.resolve(PATTERNS));
        return PatternReloader.fixed(matcher, file ? List.of(path.resolve(PATTERNS)) : List.of(), clock, log);
    }

    /** {@code /v1/health}'s {@code "model"}: path, version, format, created, components, labels, training data. */
    static ObjectNode health(Current model) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (model.path() == null) {
            json.putNull("path");
        } else {
            json.put("path", model.path().toString());
        }
        json.put("version", model.version());
        Manifest manifest = model.manifest();
        json.put("quarry_model", manifest.quarryModel());
        json.put("quarry_version", manifest.quarryVersion());
        json.put("created", manifest.created().toString());
        manifest.components().forEach(json.putArray("components")::add);
        ObjectNode labels = json.putObject("labels");
        manifest.labels().ner().forEach(labels.putArray("ner")::add);
        manifest.labels().textcat().forEach(labels.putArray("textcat")::add);
        ObjectNode examples = json.putObject("examples");
        manifest.training().examples().forEach(examples::put);
        return json;
    }

    /** The content hash of every regular file under the package directory, in path order. */
    private static String hash(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return ContentHash.of(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
