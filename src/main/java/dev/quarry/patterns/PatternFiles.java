package dev.quarry.patterns;

import dev.quarry.text.Tokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loading, checking and writing pattern files: the place to start. See the package documentation for the format.
 *
 * <p>A path is either one file (read whatever its name) or a directory, whose {@code *.jsonl} files are read
 * recursively, sorted by path; files and directories whose names start with {@code .} (editor and temporary files)
 * are skipped. Problems are capped at {@value PatternReader#MAX_PROBLEMS} per call, as in {@link PatternReader}.
 * Thread-safe: every method works on its own state.
 */
public final class PatternFiles {

    private PatternFiles() {
    }

    /**
     * Loads every pattern of a file or directory, or none: if any file has an error, throws with every problem
     * of every file (capped). A directory without pattern files gives an empty set.
     *
     * @throws IOException      if a file cannot be read, or the path does not exist
     * @throws PatternException if any line has an error
     */
    public static PatternSet load(Path fileOrDirectory) throws IOException, PatternException {
        List<Path> files = files(fileOrDirectory);
        Labels labels = new Labels();
        List<Pattern> patterns = new ArrayList<>();
        List<Problems> problems = new ArrayList<>();
        boolean errors = false;
        for (Path file : files) {
            PatternReader.Read read = PatternReader.readWithProblems(file, labels);
            patterns.addAll(read.file().patterns());
            problems.add(read.problems());
            errors |= read.problems().hasErrors();
        }
        if (errors) {
            throw new PatternException(Problems.merge(names(files), problems));
        }
        return new PatternSet(patterns, files);
    }

    /**
     * Validates and lints a file or directory: every parse error, plus the warnings (and the one error, a phrase
     * without tokens) described in the package documentation, computed over all files together; phrases are
     * tokenized with {@code tokenizer}. Never throws for bad content.
     *
     * @throws IOException if a file cannot be read, or the path does not exist
     */
    public static CheckReport check(Path fileOrDirectory, Tokenizer tokenizer) throws IOException {
        List<Path> files = files(fileOrDirectory);
        Labels labels = new Labels();
        List<Pattern> patterns = new ArrayList<>();
        List<Problems> problems = new ArrayList<>();
        for (Path file : files) {
            PatternReader.Read read = PatternReader.readWithProblems(file, labels);
            patterns.addAll(read.file().patterns());
            problems.add(read.problems());
        }
        problems.add(Linter.lint(patterns, tokenizer));
        return new CheckReport(files, patterns.size(), Problems.merge(names(files), problems));
    }

    /**
     * Writes patterns as JSON Lines, one per line ({@code \n}), as {@link PatternWriter} does. If the list has
     * phrase patterns and they all have the same non-null {@link PhrasePattern#attr()}, the first line is
     * {@code {"phrase_matcher_attr":"ATTR"}}; if they all have a null attr (or there are none) there is no such
     * line. Token patterns do not take part in the rule.
     *
     * @throws IllegalArgumentException if two phrase patterns have different attrs (including null and non-null),
     *                                  which one file cannot express, or if {@link PatternWriter} rejects a pattern
     */
    public static void write(List<? extends Pattern> patterns, Writer out) throws IOException {
        Attr attr = phraseAttr(patterns);
        if (attr != null) {
            out.write(PatternWriter.directiveLine(attr));
            out.write('\n');
        }
        for (Pattern pattern : patterns) {
            out.write(PatternWriter.toJsonLine(pattern));
            out.write('\n');
        }
    }

    /**
     * {@link #write(List, Writer)} to a file in UTF-8, atomically: to a temporary file in the same directory
     * (named {@code .NAME.*.tmp}, so directory loading skips it), forced to disk, then moved over {@code file}.
     * Readers see the old file or the new one, never a part; on failure the old file is left as it was.
     */
    public static void write(List<? extends Pattern> patterns, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                        StandardCharsets.UTF_8.newEncoder()), 1 << 16);
                write(patterns, out);
                out.flush();
                channel.force(true);
            }
            move(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Attr phraseAttr(List<? extends Pattern> patterns) {
        PhrasePattern first = null;
        for (Pattern pattern : patterns) {
            if (pattern instanceof PhrasePattern phrase) {
                if (first == null) {
                    first = phrase;
                } else if (phrase.attr() != first.attr()) {
                    throw new IllegalArgumentException("phrase patterns written to one file must share one attr"
                            + " (a file has one phrase_matcher_attr), got " + first.attr() + " at " + first.source()
                            + " and " + phrase.attr() + " at " + phrase.source());
                }
            }
        }
        return first == null ? null : first.attr();
    }

    /** The pattern files of a path: the file itself, or the directory's {@code *.jsonl} files, sorted. */
    static List<Path> files(Path fileOrDirectory) throws IOException {
        if (Files.isRegularFile(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        if (!Files.isDirectory(fileOrDirectory)) {
            throw new NoSuchFileException(fileOrDirectory.toString(), null, "no such pattern file or directory");
        }
        try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".jsonl"))
                    .filter(Files::isRegularFile)
                    .filter(path -> !hidden(fileOrDirectory.relativize(path)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }
}
