package dev.quarry.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * A model package as one zip file: the files of the package directory as entries at the top level (a zip whose
 * only top-level entry is a directory holding {@code manifest.json}, as zipping the package folder makes, reads
 * too). Written whole into a temporary file beside the target and moved into place, so a reader never sees half a
 * zip. Problems name the zip and the entry as {@code model.zip!/ner.bin}.
 */
final class PackageZip {

    private PackageZip() {
    }

    /** Whether {@code target} names a zip package ({@code .zip}, any case). */
    static boolean isZipName(Path target) {
        Path name = target.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Writes the package's files (as {@link PackageFiles} lays them out in {@code directory}) into {@code target}
     * atomically.
     *
     * @throws ModelException if {@code target} exists and is not a zip model package
     */
    static void save(Path directory, Path target) throws IOException, ModelException {
        checkTarget(target);
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file);
                 Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(directory.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, zip);
                    zip.closeEntry();
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void checkTarget(Path target) throws IOException, ModelException {
        if (Files.isDirectory(target)) {
            throw new ModelException(target, "is a directory; a zip model package is a file");
        }
        if (Files.exists(target)) {
            try (FileSystem zip = FileSystems.newFileSystem(target)) {
                if (!Files.isRegularFile(root(zip).resolve(ManifestJson.FILE))) {
                    throw new ModelException(target, "is a zip without " + ManifestJson.FILE
                            + "; not replacing it with a model package");
                }
            } catch (ZipException e) {
                throw new ModelException(target, "exists and is not a zip file; not replacing it with a model "
                        + "package");
            }
        }
    }

    /**
     * Loads a zip package.
     *
     * @throws ModelException naming the zip (not a zip, unreadable) or the zip and entry ({@code model.zip!/ner.bin})
     */
    static ModelPackage load(Path file) throws IOException, ModelException {
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            return PackageFiles.loadDirectory(root(zip));
        } catch (ModelException e) {
            throw inZip(file, e);
        } catch (ZipException | ProviderNotFoundException e) {
            throw new ModelException(file, "not a readable zip file (" + (e instanceof ZipException ? e.getMessage()
                    : "no zip file system for it") + "); a model package is a directory or a zip of one");
        }
    }

    /** The zip's root, or its only top-level directory when that holds the manifest and the root does not. */
    private static Path root(FileSystem zip) throws IOException {
        Path root = zip.getPath("/");
        if (Files.exists(root.resolve(ManifestJson.FILE))) {
            return root;
        }
        try (Stream<Path> top = Files.list(root)) {
            List<Path> entries = top.toList();
            return entries.size() == 1 && Files.isRegularFile(entries.getFirst().resolve(ManifestJson.FILE))
                    ? entries.getFirst() : root;
        }
    }

    /** {@code e} with its path inside the zip written as {@code model.zip!/entry} (the zip alone for its root). */
    private static ModelException inZip(Path file, ModelException e) {
        String inner = e.path().toString();
        String problem = e.getMessage().substring(inner.length() + 2);
        Path at = e.path().getNameCount() == 0 ? file : Path.of(file + "!" + e.path().toAbsolutePath());
        return new ModelException(at, problem, e.getCause());
    }
}
