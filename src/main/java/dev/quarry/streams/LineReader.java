package dev.quarry.streams;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/**
 * Reads lines and tells which line break ended each ({@code \n}, {@code \r\n}, {@code \r} or none at the end), so
 * offsets into the whole file can be kept. Counts lines from 1. Not thread-safe.
 */
final class LineReader implements AutoCloseable {

    private final Reader reader;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private int breakLength;
    private String lineBreak = "";
    private boolean pendingCr;

    LineReader(Reader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /** The next line without its line break, or null at the end of the input. */
    String readLine() {
        StringBuilder line = null;
        breakLength = 0;
        lineBreak = "";
        while (true) {
            if (position == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                return finish(line);
            }
            if (pendingCr) {
                pendingCr = false;
                if (buffer[position] == '\n') {
                    position++;
                    breakLength = 2;
                    lineBreak = "\r\n";
                    continue;
                }
                return finish(line);
            }
            if (breakLength > 0) {
                return finish(line);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            line = line == null ? new StringBuilder(position - start + 16) : line;
            line.append(buffer, start, position - start);
            if (position < limit) {
                char c = buffer[position++];
                breakLength = 1;
                pendingCr = c == '\r';
                lineBreak = pendingCr ? "\r" : "\n";
                if (!pendingCr) {
                    return finish(line);
                }
            }
        }
    }

    private String finish(StringBuilder line) {
        lineNumber++;
        String text = line.toString();
        return lineNumber == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The length in chars of the line break after the last line read (0 at the end of the input). */
    int breakLength() {
        return breakLength;
    }

    /** The line break after the last line read: {@code "\n"}, {@code "\r\n"}, {@code "\r"} or {@code ""}. */
    String lineBreak() {
        return lineBreak;
    }

    /** The number of the last line read, from 1; 0 before the first. */
    long lineNumber() {
        return lineNumber;
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
            throw new UncheckedIOException(source + ": not valid UTF-8, after line " + lineNumber, e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ":" + (lineNumber + 1) + ": " + e.getMessage(), e);
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
