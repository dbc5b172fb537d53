package dev.quarry.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads word2vec's binary format: a {@code count dim} text line, then per word its UTF-8 bytes up to a space and
 * {@code dim} little-endian float32 values, optionally followed by {@code \n}. Errors give byte offsets (0-based) of
 * the record concerned. Not thread-safe.
 */
final class BinaryReader {

    private final Path file;
    private final ByteSource source;

    private BinaryReader(Path file, ByteSource source) {
        this.file = file;
        this.source = source;
    }

    static WordVectors read(Path file, LoadProgress progress) throws IOException {
        try (ByteSource source = new ByteSource(file, progress)) {
            return new BinaryReader(file, source).readAll();
        }
    }

    private WordVectors readAll() throws IOException {
        int newline = source.indexOf((byte) '\n', source.pos);
        String[] header = new String(source.buf, source.pos, newline - source.pos, StandardCharsets.US_ASCII)
                .strip().split("[ \t]+");
        int count = Integer.parseInt(header[0]);
        int dim = Integer.parseInt(header[1]);
        if (count == 0 || dim == 0) {
            throw new VectorsFormatException(
                    file + ":1: header count and dimension must be positive, got " + count + " " + dim);
        }
        source.pos = newline + 1;
        TableBuilder table = new TableBuilder(dim, (int) Math.min(count, source.size / (4L * dim) + 1));
        for (int i = 0; i < count; i++) {
            readRecord(table, count);
        }
        skipWhitespace();
        if (!source.exhausted()) {
            throw new VectorsFormatException(file + ": byte " + source.offset(source.pos)
                    + ": data after the " + count + " words declared in the header");
        }
        return table.build();
    }

    private void readRecord(TableBuilder table, int count) throws IOException {
        skipWhitespace();
        long recordStart = source.offset(source.pos);
        int space = source.indexOf((byte) ' ', source.pos);
        if (space < 0) {
            throw new VectorsFormatException(file + ": byte " + recordStart + ": truncated: header declares "
                    + count + " words, found " + table.size());
        }
        String word = new String(source.buf, source.pos, space - source.pos, StandardCharsets.UTF_8);
        source.pos = space + 1;
        int bytes = table.dim() * Float.BYTES;
        int available = source.ensure(bytes);
        if (available < bytes) {
            throw new VectorsFormatException(file + ": byte " + recordStart + ": truncated: word "
                    + TextReader.quote(word) + " needs " + bytes + " bytes of vector, found " + available);
        }
        FloatBuffer values = ByteBuffer.wrap(source.buf, source.pos, bytes).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        values.get(table.rowBuffer(), table.nextRowOffset(), table.dim());
        checkFinite(table, word, recordStart);
        source.pos += bytes;
        long previous = table.add(word, recordStart);
        if (previous >= 0) {
            throw new VectorsFormatException(file + ": byte " + recordStart + ": duplicate word "
                    + TextReader.quote(word) + ", first at byte " + previous);
        }
    }

    private void checkFinite(TableBuilder table, String word, long recordStart) throws VectorsFormatException {
        float[] m = table.rowBuffer();
        int offset = table.nextRowOffset();
        for (int d = 0; d < table.dim(); d++) {
            if (!Float.isFinite(m[offset + d])) {
                throw new VectorsFormatException(file + ": byte " + recordStart + ": word " + TextReader.quote(word)
                        + " has a non-finite value at dimension " + (d + 1) + ", got " + m[offset + d]);
            }
        }
    }

    private void skipWhitespace() throws IOException {
        while (source.ensure(1) > 0 && (source.buf[source.pos] == '\n' || source.buf[source.pos] == '\r')) {
            source.pos++;
        }
    }
}
