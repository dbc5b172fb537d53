package dev.quarry.model;

import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternFile;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.PatternReader;
import dev.quarry.patterns.Problem;
import dev.quarry.text.Language;
import dev.quarry.training.NerModel;
import dev.quarry.training.NerSettings;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.WordClusters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a {@link ModelPackage} to a directory (or a zip of one, {@link PackageZip}) and reads it back, checking every
 * part.
 */
final class PackageFiles {

    static final String PATTERNS = "patterns.jsonl";
    static final String NER = "ner.bin";
    static final String NER_FIRST_PASS = "ner.bin.pass1";
    static final String TEXTCAT = "textcat.bin";
    static final String CLUSTERS = "clusters";
    static final String METRICS = "metrics.json";

    private PackageFiles() {
    }

    /** Saves into a directory, or into a zip file when {@code directory}'s name ends with {@code .zip}. */
    static void save(ModelPackage model, Path directory) throws IOException, ModelException {
        Path target = directory.toAbsolutePath().normalize();
        boolean zip = PackageZip.isZipName(target);
        if (!zip) {
            checkTarget(target);
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            writeAll(model, temp);
            if (zip) {
                PackageZip.save(temp, target);
                deleteTree(temp);
            } else {
                replace(temp, target);
            }
        } catch (IOException | ModelException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    private static void checkTarget(Path target) throws IOException, ModelException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ModelException(target, "exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.exists(target.resolve(ManifestJson.FILE))) {
                throw new ModelException(target, "is a non-empty directory without " + ManifestJson.FILE
                        + "; not replacing it with a model package");
            }
        }
    }

    private static void writeAll(ModelPackage model, Path dir) throws IOException {
        ManifestJson.write(model.manifest(), dir.resolve(ManifestJson.FILE));
        if (!model.manifest().metrics().isEmpty()) {
            Files.writeString(dir.resolve(METRICS), ManifestJson.MAPPER.writeValueAsString(model.manifest().metrics())
                    + "\n");
        }
        if (model.matcher().isPresent()) {
            PatternFiles.write(ModelPackage.forOneFile(model.matcher().get()), dir.resolve(PATTERNS));
        }
        for (int i = 0; i < model.nerMembers().size(); i++) {
            model.nerMembers().get(i).save(dir.resolve(nerFile(i)));
        }
        if (model.textcat().isPresent()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(TEXTCAT))) {
                model.textcat().get().save(out);
            }
        }
        if (!model.clusters().isEmpty()) {
            Files.createDirectories(dir.resolve(CLUSTERS));
            for (Map.Entry<String, WordClusters> entry : model.clusters().entrySet()) {
                entry.getValue().write(dir.resolve(CLUSTERS).resolve(entry.getKey() + ".txt"));
            }
        }
    }

    private static void replace(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temp, target);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
        Files.delete(old);
        Files.move(target, old);
        Files.move(temp, target);
        deleteTree(old);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Loads a package directory, or a zip file of one ({@link PackageZip}). */
    static ModelPackage load(Path path) throws IOException, ModelException {
        if (Files.isRegularFile(path)) {
            return PackageZip.load(path);
        }
        if (!Files.isDirectory(path)) {
            throw new ModelException(path, "no such model package (a directory or a zip file)");
        }
        return loadDirectory(path);
    }

    static ModelPackage loadDirectory(Path dir) throws IOException, ModelException {
        Manifest manifest = ManifestJson.read(dir.resolve(ManifestJson.FILE));
        Map<String, WordClusters> clusters = clusters(dir, manifest);
        Matcher matcher = manifest.has(Manifest.PATTERNS) ? patterns(dir, manifest) : null;
        List<NerModel> ner = manifest.has(Manifest.NER) ? nerMembers(dir, manifest, matcher) : List.of();
        TextcatModel textcat = manifest.has(Manifest.TEXTCAT) ? textcat(dir, manifest, clusters) : null;
        return new ModelPackage(manifest, matcher, ner, textcat, clusters);
    }

    private static Map<String, WordClusters> clusters(Path dir, Manifest manifest) throws IOException,
            ModelException {
        if (manifest.settings().textcat() != null) {
            for (String name : manifest.settings().textcat().clusters()) {
                if (!manifest.clusters().contains(name)) {
                    throw new ModelException(dir.resolve(ManifestJson.FILE), "\"settings.textcat.clusters\" names \""
                            + name + "\" but \"clusters\" does not list it");
                }
            }
        }
        Map<String, WordClusters> clusters = new HashMap<>();
        for (String name : manifest.clusters()) {
            Path file = require(dir.resolve(CLUSTERS).resolve(name + ".txt"), "word clusters \"" + name + "\"");
            try {
                clusters.put(name, WordClusters.read(file));
            } catch (IOException e) {
                throw new ModelException(file, "not a word-clusters file: " + unprefixed(file, e));
            }
        }
        return clusters;
    }

    private static Matcher patterns(Path dir, Manifest manifest) throws IOException, ModelException {
        Path file = require(dir.resolve(PATTERNS), "the \"patterns\" component");
        PatternFile patterns;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            patterns = PatternReader.read(PATTERNS, in);
        }
        if (patterns.hasErrors()) {
            throw new ModelException(file, "invalid patterns:\n" + patterns.problems().stream()
                    .filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("\n")));
        }
        Language language = Language.of(manifest.language());
        return Matcher.compile(patterns.patterns(), manifest.settings().patterns().toOptions(language));
    }

    /** The file of the NER's member {@code index} (from 0): ner.bin, ner-2.bin, ner-3.bin, ... */
    static String nerFile(int index) {
        return index == 0 ? NER : "ner-" + (index + 1) + ".bin";
    }

    private static List<NerModel> nerMembers(Path dir, Manifest manifest, Matcher matcher) throws IOException,
            ModelException {
        List<NerModel> members = new ArrayList<>();
        members.add(ner(dir, NER, "the \"ner\" component", "settings.ner", manifest.settings().ner(), manifest,
                matcher));
        List<NerSettings> vote = manifest.settings().nerVote();
        for (int i = 0; i < vote.size(); i++) {
            String field = "settings.ner_vote[" + i + "]";
            members.add(ner(dir, nerFile(i + 1), "member " + (i + 2) + " of the NER vote (\"" + field + "\")", field,
                    vote.get(i), manifest, matcher));
        }
        return members;
    }

    private static NerModel ner(Path dir, String name, String what, String field, NerSettings settings,
                                Manifest manifest, Matcher matcher) throws IOException, ModelException {
        Path file = require(dir.resolve(name), what);
        if (settings.twoPass()) {
            require(dir.resolve(name + NER_FIRST_PASS.substring(NER.length())), "a two-pass NER (\"" + field
                    + ".two_pass\")");
        }
        if (settings.patternFeatures() && matcher == null) {
            throw new ModelException(dir.resolve(ManifestJson.FILE),
                    "\"" + field + ".pattern_features\" is true but there is no \"patterns\" component");
        }
        NerModel ner;
        try {
            ner = NerModel.load(file, matcher);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(file, unprefixed(file, e));
        }
        if (!ner.settings().equals(settings)) {
            throw new ModelException(file, "its settings (" + ner.settings().encode() + ") differ from "
                    + "manifest.json's \"" + field + "\" (" + settings.encode() + ")");
        }
        checkLabels(file, List.copyOf(ner.labels()), manifest.labels().ner(), "labels.ner");
        return ner;
    }

    private static TextcatModel textcat(Path dir, Manifest manifest, Map<String, WordClusters> clusters)
            throws IOException, ModelException {
        Path file = require(dir.resolve(TEXTCAT), "the \"textcat\" component");
        TextcatModel textcat;
        try (InputStream in = Files.newInputStream(file)) {
            textcat = TextcatModel.load(in, manifest.settings().textcat(), clusters);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException(file, unprefixed(file, e));
        }
        checkLabels(file, textcat.labels(), manifest.labels().textcat(), "labels.textcat");
        if (!textcat.thresholds().equals(manifest.labels().textcatThresholds())) {
            throw new ModelException(file, "the model's thresholds " + textcat.thresholds() + " differ from "
                    + "manifest.json's \"labels.textcat_thresholds\" " + manifest.labels().textcatThresholds());
        }
        return textcat;
    }

    private static void checkLabels(Path file, List<String> actual, List<String> listed, String field)
            throws ModelException {
        List<String> sorted = actual.stream().sorted().toList();
        if (!sorted.equals(listed)) {
            throw new ModelException(file, "the model's labels " + sorted + " differ from manifest.json's \""
                    + field + "\" " + listed);
        }
    }

    private static Path require(Path file, String what) throws ModelException {
        if (!Files.isRegularFile(file)) {
            throw new ModelException(file, "missing, but manifest.json lists " + what);
        }
        return file;
    }

    /** An exception's message without a leading {@code "file: "} (the ModelException names the file). */
    private static String unprefixed(Path file, Exception e) {
        String message = String.valueOf(e.getMessage());
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
