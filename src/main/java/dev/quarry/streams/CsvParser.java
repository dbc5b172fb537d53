package dev.quarry.streams;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: fields separated by one delimiter char, records by {@code \r\n}, {@code \n} or
 * {@code \r}; a field that starts with {@code "} is quoted and may hold delimiters, line breaks and {@code ""} for
 * one quote. A quote inside an unquoted field, text after a closing quote and a quote left open at the end of the
 * input are errors ({@link TaskFormatException} with the line and column, both from 1, columns in chars). Empty lines
 * are skipped. Not thread-safe.
 */
final class CsvParser implements AutoCloseable {

    private static final int EOF = -1;
    private static final int NONE = -2;

    private final Reader reader;
    private final String source;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int lookahead = NONE;
    private long line = 1;
    private long column;
    private long recordLine;

    CsvParser(Reader reader, String source, char delimiter) {
        this.reader = reader;
        this.source = source;
        this.delimiter = delimiter;
        if (peek() == '\uFEFF') {
            read();
            column = 0;
        }
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() {
        int c = read();
        while (c == '\n' || c == '\r') {
            lineBreak(c);
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            StringBuilder field = new StringBuilder();
            int end = c == '"' ? quoted(field) : unquoted(field, c);
            fields.add(field.toString());
            if (end != delimiter) {
                if (end != EOF) {
                    lineBreak(end);
                }
                return fields;
            }
            c = read();
        }
    }

    /** The line the last record started on, from 1. */
    long recordLine() {
        return recordLine;
    }

    /** After an error: skips the rest of the current line so reading can go on with the next record. */
    void skipLine() {
        int c = read();
        while (c != EOF && c != '\n' && c != '\r') {
            c = read();
        }
        if (c != EOF) {
            lineBreak(c);
        }
    }

    /** Reads an unquoted field from its first char on; returns the char that ended it (consumed). */
    private int unquoted(StringBuilder field, int first) {
        int c = first;
        while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
            if (c == '"') {
                throw error(column, "a quote inside an unquoted field; quote the whole field and double the quote");
            }
            field.append((char) c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote; returns the char after the closing quote (consumed). */
    private int quoted(StringBuilder field) {
        long openLine = line;
        long openColumn = column;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new TaskFormatException(source, line, 0, "the quoted field opened at line " + openLine
                        + ", column " + openColumn + " is not closed at the end of the input");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                    continue;
                }
                int after = read();
                if (after != EOF && after != delimiter && after != '\n' && after != '\r') {
                    throw error(column, "expected a delimiter or a line break after the closing quote, got "
                            + Task.show(String.valueOf((char) after)));
                }
                return after;
            }
            if (c == '\n' || c == '\r') {
                field.append(lineBreak(c));
            } else {
                field.append((char) c);
            }
        }
    }

    /** Finishes a line break that began with {@code c} (consumed); returns it as text. */
    private String lineBreak(int c) {
        String text = "\n";
        if (c == '\r') {
            text = "\r";
            if (peek() == '\n') {
                read();
                text = "\r\n";
            }
        }
        line++;
        column = 0;
        return text;
    }

    private TaskFormatException error(long at, String problem) {
        return new TaskFormatException(source, line, at, problem);
    }

    private int peek() {
        if (lookahead == NONE) {
            lookahead = position == limit && !fill() ? EOF : buffer[position++];
        }
        return lookahead;
    }

    private int read() {
        int c = peek();
        lookahead = NONE;
        if (c != EOF) {
            column++;
        }
        return c;
    }

    private boolean fill() {
        try {
            int read = reader.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(source + ": not valid UTF-8, at line " + line, e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ":" + line + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }
}
