package dev.quarry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the inputs of a command one record at a time, never the whole file: JSON Lines objects with a {@code text}
 * string field (other fields kept), or plain text lines (each non-blank line one {@code {"text": ...}}).
 */
final class InputRecords {

    /** A record and where it came from. */
    record Input(String file, long line, ObjectNode task) {
        String text() {
            return task.get("text").asText();
        }
    }

    /** What to do with a record that cannot be read. */
    interface BadLineHandler {
        /** Called with the problem; throw to stop, return to skip the line. */
        void bad(String file, long line, String problem);
    }

    interface Sink {
        void accept(Input input) throws IOException;
    }

    private final ObjectMapper json;
    private final InputFormat format;
    private final BadLineHandler onBad;

    InputRecords(ObjectMapper json, InputFormat format, BadLineHandler onBad) {
        this.json = json;
        this.format = format;
        this.onBad = onBad;
    }

    /** Reads one input ({@code -} is standard input) and hands each record to the sink, in order. */
    void read(String name, InputStream stdin, Sink sink) throws IOException {
        try (Reader reader = open(name, stdin)) {
            PushbackReader pushback = new PushbackReader(reader, 1);
            InputFormat resolved = resolve(name, pushback);
            BufferedReader lines = new BufferedReader(pushback, 1 << 16);
            long lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode task = resolved == InputFormat.JSONL ? parse(name, lineNumber, line) : text(line);
                if (task != null) {
                    sink.accept(new Input(name, lineNumber, task));
                }
            }
        }
    }

    private Reader open(String name, InputStream stdin) throws IOException {
        if (name.equals("-")) {
            return new InputStreamReader(stdin, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserException.invalidInput(name + ": no such file");
        }
    }

    private InputFormat resolve(String name, PushbackReader reader) throws IOException {
        if (format != InputFormat.AUTO) {
            return format;
        }
        if (!name.equals("-")) {
            return InputFormat.byName(name);
        }
        int first = reader.read();
        if (first >= 0) {
            reader.unread(first);
        }
        return first == '{' ? InputFormat.JSONL : InputFormat.TEXT;
    }

    private ObjectNode text(String line) {
        ObjectNode task = json.createObjectNode();
        task.put("text", line);
        return task;
    }

    private ObjectNode parse(String file, long lineNumber, String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            onBad.bad(file, lineNumber, "column " + e.getLocation().getColumnNr() + ": malformed JSON: "
                    + e.getOriginalMessage());
            return null;
        }
        if (!(node instanceof ObjectNode task)) {
            onBad.bad(file, lineNumber, "expected a JSON object, got " + node.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT));
            return null;
        }
        JsonNode text = task.get("text");
        if (text == null || !text.isTextual()) {
            onBad.bad(file, lineNumber, "\"text\" must be a string, got "
                    + (text == null ? "nothing" : text.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            return null;
        }
        return task;
    }
}
