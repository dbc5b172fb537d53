package dev.quarry.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.text.Paragraph;
import dev.quarry.text.Paragraphs;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Streams the paragraphs of a corpus file, one at a time: a {@code .jsonl} file is one JSON object per line with a
 * {@code "text"} string (each text split into paragraphs at blank lines); any other file is plain UTF-8 text, split
 * into paragraphs at blank lines. Paragraphs longer than {@link #MAX_PARAGRAPH_CHARS} in plain text are cut there.
 */
final class CorpusReader {

    static final int MAX_PARAGRAPH_CHARS = 1 << 20;

    interface Sink {
        void paragraph(String text) throws IOException;
    }

    private CorpusReader() {
    }

    static void read(Path corpus, Sink sink) throws IOException {
        if (corpus.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            readJsonLines(corpus, sink);
        } else {
            readText(corpus, sink);
        }
    }

    private static void readJsonLines(Path corpus, Sink sink) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank()) {
                    emit(text(json, corpus, number, line), sink);
                }
            }
        }
    }

    private static String text(ObjectMapper json, Path corpus, long number, String line) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CorpusFormatException(corpus + ":" + number + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode text = node == null || !node.isObject() ? null : node.get("text");
        if (text == null || !text.isTextual()) {
            throw new CorpusFormatException(corpus + ":" + number + ": expected an object with a \"text\" string, got "
                    + (node == null ? "nothing" : abbreviate(line)));
        }
        return text.textValue();
    }

    private static void emit(String document, Sink sink) throws IOException {
        for (Iterator<Paragraph> it = Paragraphs.iterate(document); it.hasNext(); ) {
            sink.paragraph(it.next().text());
        }
    }

    private static void readText(Path corpus, Sink sink) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            StringBuilder paragraph = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || paragraph.length() > MAX_PARAGRAPH_CHARS) {
                    flush(paragraph, sink);
                }
                if (!line.isBlank()) {
                    paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line);
                }
            }
            flush(paragraph, sink);
        }
    }

    private static void flush(StringBuilder paragraph, Sink sink) throws IOException {
        if (!paragraph.isEmpty()) {
            sink.paragraph(paragraph.toString().strip());
            paragraph.setLength(0);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
