package dev.quarry.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads CoNLL-style column files (CoNLL-2003: {@code token POS chunk NER}) into {@link NerExample}s.
 *
 * <p>One token per line, columns separated by spaces or tabs; the first column is the token and the last is the
 * entity tag ({@code O}, {@code B-X} or {@code I-X}, read by the given {@link IobScheme}). A blank line ends a
 * sentence. A line whose first column is {@code -DOCSTART-} starts a new document: documents are numbered from 1 and
 * named {@code <source>#<n>}; sentences before the first {@code -DOCSTART-} (or in a file without one) belong to
 * document {@code <source>#0}. Not thread-safe; one reader per file.
 */
public final class ConllReader {

    private final String source;
    private final IobScheme scheme;
    private final List<NerExample> examples = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private long sentenceLine;
    private int documentNumber;

    private ConllReader(String source, IobScheme scheme) {
        this.source = source;
        this.scheme = scheme;
    }

    /**
     * Reads a whole file (UTF-8).
     *
     * @throws ConllFormatException naming the file and line of a malformed line or tag
     */
    public static List<NerExample> read(Path file, IobScheme scheme) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString(), scheme);
        }
    }

    /** Reads from {@code in}; {@code source} names it in document ids and errors. */
    public static List<NerExample> read(Reader in, String source, IobScheme scheme) throws IOException {
        ConllReader reader = new ConllReader(Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(scheme, "scheme"));
        BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            reader.line(line, ++number);
        }
        reader.endSentence();
        return List.copyOf(reader.examples);
    }

    private void line(String line, long number) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            endSentence();
            return;
        }
        String[] columns = trimmed.split("[ \t]+");
        if (columns[0].equals("-DOCSTART-")) {
            endSentence();
            documentNumber++;
            return;
        }
        if (columns.length < 2) {
            throw new ConllFormatException(source, number, "expected a token and a tag, got \"" + trimmed + "\"");
        }
        if (tokens.isEmpty()) {
            sentenceLine = number;
        }
        checkTag(columns[columns.length - 1], number);
        tokens.add(columns[0]);
        tags.add(columns[columns.length - 1]);
    }

    private void checkTag(String tag, long number) {
        boolean prefixed = (tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2;
        if (!tag.equals("O") && !prefixed) {
            throw new ConllFormatException(source, number,
                    "tag must be O, B-<label> or I-<label>, got \"" + tag + "\"");
        }
        if (scheme == IobScheme.IOB2 && tag.startsWith("I-")) {
            String previous = tags.isEmpty() ? "O" : tags.getLast();
            if (previous.equals("O") || !previous.substring(2).equals(tag.substring(2))) {
                throw new ConllFormatException(source, number, "IOB2: \"" + tag + "\" must follow B-" + tag.substring(2)
                        + " or I-" + tag.substring(2) + ", got it after \"" + previous + "\"");
            }
        }
    }

    private void endSentence() {
        if (tokens.isEmpty()) {
            return;
        }
        String id = source + "#" + documentNumber;
        try {
            examples.add(new NerExample(id, tokens, spans(tags)));
        } catch (IllegalArgumentException e) {
            throw new ConllFormatException(source, sentenceLine, e.getMessage());
        }
        tokens.clear();
        tags.clear();
    }

    /** Spans from tags; IOB1 and IOB2 decode alike once IOB2's rule (checked per line) holds. */
    static List<EntitySpan> spans(List<String> tags) {
        List<EntitySpan> spans = new ArrayList<>();
        int start = -1;
        String label = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean continues = tag.startsWith("I-") && tag.substring(2).equals(label);
            if (label != null && !continues) {
                spans.add(new EntitySpan(start, i, label));
                label = null;
            }
            if (!tag.equals("O") && !continues) {
                start = i;
                label = tag.substring(2);
            }
        }
        return spans;
    }
}
