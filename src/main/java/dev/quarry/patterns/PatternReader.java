package dev.quarry.patterns;

import static dev.quarry.patterns.JsonText.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pattern files (see the package documentation for the format) into {@link PatternFile}s.
 *
 * <p>A file is validated whole: every line is parsed, a line with errors is left out of
 * {@link PatternFile#patterns()}, and every problem is collected, up to {@value #MAX_PROBLEMS}; after that reading
 * goes on but problems are only counted, and the list ends with one problem {@code "... and N more problems"}
 * (line 0). Problems name the file as the caller gave it, the line (from 1) and the column (from 1, in Unicode code
 * points of the line, pointing at the offending key or value).
 *
 * <p>Thread-safe (no shared state); each call reads one file.
 */
public final class PatternReader {

    /** How many problems are reported per file (and per {@link PatternFiles} call) before they are only counted. */
    public static final int MAX_PROBLEMS = 100;

    private PatternReader() {
    }

    /**
     * Parses one JSON Lines file, which must be UTF-8; a line that is not valid UTF-8 is an error on that line.
     * Problems name the file as {@code file.toString()}.
     *
     * @throws IOException if the file cannot be read
     */
    public static PatternFile read(Path file) throws IOException {
        return read(file, new Labels());
    }

    /**
     * Parses JSON Lines text; the reader is read to its end but not closed.
     *
     * @param fileName the name used in problems and {@link PatternSource}s
     * @throws IOException if the reader fails
     */
    public static PatternFile read(String fileName, Reader reader) throws IOException {
        FileState state = new FileState(fileName, new Labels());
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        int number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            state.accept(text, ++number);
        }
        return state.finish();
    }

    /**
     * Parses one line holding one pattern, for callers that store patterns one by one (a matcher's save and
     * open). A {@code phrase_matcher_attr} line is not a pattern and is rejected; a phrase pattern gets a null attr.
     *
     * @param source the file and line to name in problems and in the pattern
     * @throws PatternException with every problem of the line
     */
    public static Pattern parseLine(String json, PatternSource source) throws PatternException {
        Problems problems = new Problems();
        LineParser parser = new LineParser(source.file(), problems, new Labels());
        LineParser.Parsed parsed = parser.parse(stripBom(json), source.line());
        if (parsed instanceof LineParser.Parsed.Of of) {
            return of.pattern();
        }
        if (parsed instanceof LineParser.Parsed.Directive directive) {
            problems.add(new Problem(Problem.Severity.ERROR, source.file(), source.line(), directive.column(),
                    directive.key(), quote(directive.key()) + " is a setting of a whole file, not a pattern"));
        }
        throw new PatternException(problems.list());
    }

    /** {@link #read(Path)} with labels interned in a map shared by several files. */
    static PatternFile read(Path file, Labels labels) throws IOException {
        return readWithProblems(file, labels).file();
    }

    /** A file read, with its problem collector (which knows how many problems it only counted). */
    record Read(PatternFile file, Problems problems) {
    }

    static Read readWithProblems(Path file, Labels labels) throws IOException {
        if (looksLikeUtf8(file)) {
            try {
                return readFast(file, labels);
            } catch (Line.Restart | JsonProcessingException e) {
                // a problem somewhere: read again line by line, which reports every problem precisely
            }
        }
        return readByLine(file, labels);
    }

    /**
     * The fast path for files without problems: one Jackson parser over the whole file, no per-line strings.
     * Throws {@link Line.Restart} or a {@link JsonProcessingException} at the first problem of any kind,
     * including an object that does not sit alone on one line.
     */
    private static Read readFast(Path file, Labels labels) throws IOException {
        FileState state = new FileState(file.toString(), labels);
        try (InputStream in = Files.newInputStream(file); JsonParser json = LineParser.JSON.createParser(in)) {
            int previous = 0;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                int number = json.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT || number == previous) {
                    throw Line.Restart.INSTANCE;
                }
                LineParser.Parsed parsed = state.parser.parseNext(json, number);
                if (json.currentTokenLocation().getLineNr() != number) {
                    throw Line.Restart.INSTANCE;
                }
                state.accept(parsed, number);
                previous = number;
            }
        }
        if (!state.problems.isEmpty()) {
            throw Line.Restart.INSTANCE;
        }
        return new Read(state.finish(), state.problems);
    }

    /** Whether the file does not start like UTF-16 or UTF-32, which Jackson would decode but the format forbids. */
    private static boolean looksLikeUtf8(Path file) throws IOException {
        byte[] start = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, 4);
        }
        for (int i = 0; i < read; i++) {
            if (start[i] == 0 || start[i] == (byte) 0xFE || start[i] == (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static Read readByLine(Path file, Labels labels) throws IOException {
        FileState state = new FileState(file.toString(), labels);
        try (InputStream in = Files.newInputStream(file)) {
            Utf8Lines lines = new Utf8Lines(in);
            int number = 0;
            while (true) {
                number++;
                try {
                    String text = lines.next();
                    if (text == null) {
                        break;
                    }
                    state.accept(text, number);
                } catch (Utf8Lines.InvalidLine e) {
                    state.invalidUtf8(number);
                }
            }
        }
        return new Read(state.finish(), state.problems);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The state of one file being read: its patterns, problems and {@code phrase_matcher_attr}. */
    private static final class FileState {
        private final String file;
        private final Problems problems = new Problems();
        private final LineParser parser;
        private final List<Pattern> patterns = new ArrayList<>();
        private Attr phraseAttr;
        private int directiveLine;
        private int firstPatternLine;

        FileState(String file, Labels labels) {
            this.file = file;
            this.parser = new LineParser(file, problems, labels);
        }

        void accept(String text, int number) {
            String line = number == 1 ? stripBom(text) : text;
            if (line.isBlank()) {
                return;
            }
            accept(parser.parse(line, number), number);
        }

        /** A parsed line: a pattern, a directive, or null for a line with errors. */
        void accept(LineParser.Parsed parsed, int number) {
            if (parsed instanceof LineParser.Parsed.Directive directive) {
                directive(directive, number);
                return;
            }
            if (firstPatternLine == 0) {
                firstPatternLine = number;
            }
            if (parsed instanceof LineParser.Parsed.Of of) {
                patterns.add(of.pattern());
            }
        }

        private void directive(LineParser.Parsed.Directive directive, int number) {
            String key = quote(directive.key());
            if (directiveLine != 0) {
                error(number, directive, key + " may be given once per file, and was given on line " + directiveLine);
            } else if (firstPatternLine != 0) {
                error(number, directive, key + " must come before every pattern, but line " + firstPatternLine
                        + " is a pattern");
            } else {
                directiveLine = number;
                phraseAttr = directive.attr();
                parser.phraseAttr(phraseAttr);
            }
        }

        private void error(int number, LineParser.Parsed.Directive directive, String message) {
            problems.add(new Problem(Problem.Severity.ERROR, file, number, directive.column(), directive.key(),
                    message));
        }

        void invalidUtf8(int number) {
            problems.add(new Problem(Problem.Severity.ERROR, file, number, 0, null,
                    "the line is not valid UTF-8; pattern files must be UTF-8"));
        }

        PatternFile finish() {
            return new PatternFile(file, phraseAttr, patterns, problems.list());
        }
    }
}
