package dev.quarry.patterns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Splits a UTF-8 byte stream into lines (ended by {@code \n}, {@code \r\n} or {@code \r}, as Jackson and
 * {@link java.io.BufferedReader} count them), decoding each line on its own so that a
 * line that is not valid UTF-8 is reported with its own line number and reading can go on. Not thread-safe.
 */
final class Utf8Lines {

    /** A line that is not valid UTF-8; the reader has moved past it. */
    static final class InvalidLine extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
    }

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break, or null at the end. */
    String next() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    return take(i, i + 1);
                }
                if (b == '\r') {
                    if (i + 1 < limit) {
                        return take(i, buffer[i + 1] == '\n' ? i + 2 : i + 1);
                    }
                    if (eof) {
                        return take(i, i + 1);
                    }
                    break;
                }
            }
            if (eof) {
                return position < limit ? take(limit, limit) : null;
            }
            fill();
        }
    }

    private String take(int end, int next) throws CharacterCodingException {
        int start = position;
        position = next;
        return decode(start, end - start);
    }

    private String decode(int start, int length) throws CharacterCodingException {
        String line = new String(buffer, start, length, StandardCharsets.UTF_8);
        if (line.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, start, length));
            } catch (CharacterCodingException e) {
                throw new InvalidLine();
            }
        }
        return line;
    }

    /** Moves the unread bytes to the front, grows the buffer if they fill it, and reads more. */
    private void fill() throws IOException {
        int unread = limit - position;
        if (unread == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, position, buffer, 0, unread);
        }
        position = 0;
        limit = unread;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }
}
