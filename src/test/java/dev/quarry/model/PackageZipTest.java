package dev.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model package as one zip file: written atomically, read back whole, problems naming the zip and the entry. */
class PackageZipTest {

    @TempDir
    Path dir;

    private static String loadError(Path model) {
        return assertThrows(ModelException.class, () -> ModelPackage.load(model)).getMessage();
    }

    private Path zipped() throws Exception {
        Path zip = dir.resolve("model.zip");
        TinyModels.full().save(zip);
        return zip;
    }

    @Test
    void aPackageSavedAsZipComesBackWithTheSameManifestAndPredictions() throws Exception {
        ModelPackage original = TinyModels.full();
        Path zip = zipped();
        assertTrue(Files.isRegularFile(zip));
        ModelPackage loaded = ModelPackage.load(zip);
        assertEquals(original.manifest(), loaded.manifest());
        TinyModels.assertSamePredictions(original, loaded);
        assertEquals(original.patterns().size(), loaded.patterns().size());
    }

    @Test
    void savingAgainReplacesTheZipAndLeavesNoTemporaryFiles() throws Exception {
        Path zip = zipped();
        TinyModels.vote().save(zip);
        assertEquals(3, ModelPackage.load(zip).nerMembers().size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(zip), files.toList());
        }
    }

    @Test
    void aZipOfThePackageFolderReadsToo() throws Exception {
        Path folder = dir.resolve("news");
        TinyModels.full().save(folder);
        Path zip = dir.resolve("folder.zip");
        try (FileSystem fs = FileSystems.newFileSystem(zip, java.util.Map.of("create", "true"));
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path entry = fs.getPath("/news").resolve(folder.relativize(file).toString());
                Files.createDirectories(entry.getParent());
                Files.copy(file, entry);
            }
        }
        assertEquals(TinyModels.full().manifest().labels(), ModelPackage.load(zip).manifest().labels());
    }

    @Test
    void aMissingMemberIsNamedInsideTheZip() throws Exception {
        Path zip = zipped();
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            Files.delete(fs.getPath("/ner.bin"));
        }
        assertEquals(zip + "!/ner.bin: missing, but manifest.json lists the \"ner\" component", loadError(zip));
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            Files.delete(fs.getPath("/manifest.json"));
        }
        assertEquals(zip + ": not a model package: no manifest.json", loadError(zip));
    }

    @Test
    void aCorruptOrTruncatedZipIsNamed() throws Exception {
        Path zip = zipped();
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
        String message = loadError(zip);
        assertTrue(message.startsWith(zip + ": not a readable zip file ("), message);
        assertTrue(message.endsWith("); a model package is a directory or a zip of one"), message);
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a model\n");
        assertTrue(loadError(text).startsWith(text + ": not a readable zip file ("));
    }

    @Test
    void aZipIsNotWrittenOverSomethingElse() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "my notes\n");
        ModelException e = assertThrows(ModelException.class, () -> TinyModels.full().save(text));
        assertEquals(text + ": exists and is not a zip file; not replacing it with a model package", e.getMessage());
        assertEquals("my notes\n", Files.readString(text));
        Path other = dir.resolve("other.zip");
        try (FileSystem fs = FileSystems.newFileSystem(other, java.util.Map.of("create", "true"))) {
            Files.writeString(fs.getPath("/notes.txt"), "mine\n");
        }
        e = assertThrows(ModelException.class, () -> TinyModels.full().save(other));
        assertEquals(other + ": is a zip without manifest.json; not replacing it with a model package", e.getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.zip"));
        e = assertThrows(ModelException.class, () -> TinyModels.full().save(folder));
        assertEquals(folder + ": is a directory; a zip model package is a file", e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left");
        }
    }
}
