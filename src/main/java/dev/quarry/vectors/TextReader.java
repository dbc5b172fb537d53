package dev.quarry.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the text formats: GloVe (no header; the first line fixes the dimension) and word2vec text / fastText
 * {@code .vec} (a {@code count dim} header). Fields are separated by runs of spaces or tabs; trailing whitespace and
 * {@code \r} are ignored, and so are blank lines. Line numbers in errors are 1-based and count every line, columns are
 * 1-based code points. Not thread-safe; one instance reads one file.
 */
final class TextReader {

    private final Path file;
    private final boolean header;
    private TableBuilder table;
    private int declared = -1;
    private int line;

    private TextReader(Path file, VectorFormat format) {
        this.file = file;
        this.header = format.hasHeader();
    }

    static WordVectors read(Path file, VectorFormat format, LoadProgress progress) throws IOException {
        TextReader reader = new TextReader(file, format);
        try (ByteSource source = new ByteSource(file, progress)) {
            while (!source.exhausted()) {
                int newline = source.indexOf((byte) '\n', source.pos);
                int end = newline < 0 ? source.limit : newline;
                reader.line++;
                reader.parseLine(source, source.pos, end);
                source.pos = newline < 0 ? source.limit : newline + 1;
            }
        }
        return reader.finish();
    }

    private void parseLine(ByteSource source, int start, int end) throws VectorsFormatException {
        byte[] b = source.buf;
        while (end > start && isBlank(b[end - 1])) {
            end--;
        }
        if (end == start) {
            return;
        }
        if (header && declared < 0) {
            parseHeader(b, start, end, source.size);
            return;
        }
        int wordEnd = start;
        while (wordEnd < end && !isBlank(b[wordEnd])) {
            wordEnd++;
        }
        String word = new String(b, start, wordEnd - start, StandardCharsets.UTF_8);
        if (table == null) {
            int dim = countFields(b, wordEnd, end);
            if (dim == 0) {
                throw new VectorsFormatException(file + ":" + line + ": word " + quote(word) + " has no values");
            }
            table = new TableBuilder(dim, estimateCount(end - start, source.size));
        }
        parseValues(b, start, wordEnd, end, word);
    }

    private void parseHeader(byte[] b, int start, int end, long fileSize) throws VectorsFormatException {
        String[] fields = new String(b, start, end - start, StandardCharsets.US_ASCII).strip().split("[ \t]+");
        declared = headerNumber(fields[0], "count");
        int dim = headerNumber(fields[1], "dimension");
        if (dim == 0) {
            throw new VectorsFormatException(
                    file + ":" + line + ": header dimension must be a positive integer, got " + fields[1]);
        }
        table = new TableBuilder(dim, (int) Math.min(declared, fileSize / (2L * dim) + 1));
    }

    private int headerNumber(String field, String name) throws VectorsFormatException {
        long value = field.length() > 10 ? Long.MAX_VALUE : Long.parseLong(field);
        if (value > Integer.MAX_VALUE) {
            throw new VectorsFormatException(file + ":" + line + ": header " + name + " must be at most "
                    + Integer.MAX_VALUE + ", got " + quote(field));
        }
        return (int) value;
    }

    private void parseValues(byte[] b, int lineStart, int wordEnd, int end, String word)
            throws VectorsFormatException {
        if (declared >= 0 && table.size() == declared) {
            throw new VectorsFormatException(
                    file + ":" + line + ": more words than the " + declared + " declared in the header");
        }
        int dim = table.dim();
        float[] m = table.rowBuffer();
        int offset = table.nextRowOffset();
        int count = 0;
        int i = wordEnd;
        while (i < end) {
            while (i < end && isBlank(b[i])) {
                i++;
            }
            int tokenEnd = i;
            while (tokenEnd < end && !isBlank(b[tokenEnd])) {
                tokenEnd++;
            }
            if (count == dim) {
                throw dimensionError(word, dim + countFields(b, i, end));
            }
            float value = FloatParser.parse(b, i, tokenEnd);
            if (Float.isNaN(value)) {
                throw notANumber(b, lineStart, i, tokenEnd);
            }
            m[offset + count++] = value;
            i = tokenEnd;
        }
        if (count != dim) {
            throw dimensionError(word, count);
        }
        long previous = table.add(word, line);
        if (previous >= 0) {
            throw new VectorsFormatException(
                    file + ":" + line + ": duplicate word " + quote(word) + ", first on line " + previous);
        }
    }

    private WordVectors finish() throws VectorsFormatException {
        if (table == null || table.size() == 0) {
            throw new VectorsFormatException(file + ": no word vectors found");
        }
        if (declared >= 0 && table.size() != declared) {
            throw new VectorsFormatException(
                    file + ": header declares " + declared + " words, found " + table.size());
        }
        return table.build();
    }

    private VectorsFormatException dimensionError(String word, int found) {
        return new VectorsFormatException(file + ":" + line + ": word " + quote(word) + " has dimension " + found
                + ", expected " + table.dim());
    }

    private VectorsFormatException notANumber(byte[] b, int lineStart, int tokenStart, int tokenEnd) {
        int column = 1;
        for (int i = lineStart; i < tokenStart; i++) {
            column += (b[i] & 0xC0) == 0x80 ? 0 : 1;
        }
        String token = new String(b, tokenStart, tokenEnd - tokenStart, StandardCharsets.UTF_8);
        return new VectorsFormatException(
                file + ":" + line + ":" + column + ": vector value must be a finite number, got " + quote(token));
    }

    private static int countFields(byte[] b, int from, int end) {
        int fields = 0;
        for (int i = from; i < end; i++) {
            if (!isBlank(b[i]) && (i == from || isBlank(b[i - 1]))) {
                fields++;
            }
        }
        return fields;
    }

    private static int estimateCount(int lineBytes, long fileSize) {
        return (int) Math.min(Integer.MAX_VALUE / 1024, fileSize / Math.max(1, lineBytes) + 16);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    /** {@code s} in double quotes, cut to 40 characters, so error messages stay bounded. */
    static String quote(String s) {
        return '"' + (s.length() <= 40 ? s : s.substring(0, 40) + "...") + '"';
    }
}
