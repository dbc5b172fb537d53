package dev.quarry.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The word-vector file formats Quarry reads.
 *
 * <h2>Detection ({@link #detect})</h2>
 * From the first 64 KiB of the file:
 * <ol>
 *   <li>If the first line is two whitespace-separated decimal integers ({@code count dim}), the file has a header.
 *       Then the first record after it decides: its word ends at the first space; if the rest of that line (up to
 *       {@code \n}) is non-empty, made only of {@code 0-9 + - . e E}, spaces, tabs and {@code \r}, and holds a
 *       digit, the file is text, else binary ({@link #WORD2VEC_BINARY}: raw little-endian float32 values contain
 *       bytes outside that set). Text with a header is {@link #FASTTEXT_VEC} when the file name ends in
 *       {@code .vec} (any case), else {@link #WORD2VEC_TEXT}: the two are the same format.</li>
 *   <li>Otherwise the file is {@link #GLOVE_TEXT}, whose dimension is the number of values on its first line. (A
 *       GloVe file whose first line is a one-dimensional vector for an integer word would be taken for a header.)</li>
 * </ol>
 */
public enum VectorFormat {
    /** UTF-8 text, one {@code word v1 ... vN} per line, no header (Stanford GloVe). */
    GLOVE_TEXT,
    /** UTF-8 text with a {@code count dim} header line, then GloVe-like lines (word2vec {@code -binary 0}). */
    WORD2VEC_TEXT,
    /** A {@code count dim} header line, then per word: UTF-8 word, a space, {@code dim} little-endian float32. */
    WORD2VEC_BINARY,
    /** fastText's {@code .vec}: the word2vec text format (lines may end in a space). */
    FASTTEXT_VEC;

    private static final int PROBE_BYTES = 64 * 1024;

    /** Whether the file starts with a {@code count dim} header line. */
    boolean hasHeader() {
        return this != GLOVE_TEXT;
    }

    /**
     * Detects the format of a vectors file by the rule in the class comment.
     *
     * @throws VectorsFormatException if the file is empty
     */
    public static VectorFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE_BYTES);
        }
        if (head.length == 0) {
            throw new VectorsFormatException(file + ": empty file, expected word vectors");
        }
        return detect(head, file.getFileName() == null ? "" : file.getFileName().toString());
    }

    static VectorFormat detect(byte[] head, String fileName) {
        int headerEnd = lineEnd(head, 0);
        if (!isHeader(head, headerEnd)) {
            return GLOVE_TEXT;
        }
        int recordStart = Math.min(headerEnd + 1, head.length);
        if (recordStart < head.length && !isTextRecord(head, recordStart)) {
            return WORD2VEC_BINARY;
        }
        return fileName.toLowerCase(Locale.ROOT).endsWith(".vec") ? FASTTEXT_VEC : WORD2VEC_TEXT;
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isHeader(byte[] head, int end) {
        String line = new String(head, 0, end, java.nio.charset.StandardCharsets.US_ASCII).strip();
        return line.matches("[0-9]+[ \t]+[0-9]+");
    }

    private static boolean isTextRecord(byte[] head, int start) {
        int i = start;
        while (i < head.length && head[i] != ' ' && head[i] != '\t' && head[i] != '\n') {
            i++;
        }
        int end = lineEnd(head, i);
        boolean digit = false;
        for (int j = i; j < end; j++) {
            byte b = head[j];
            digit |= b >= '0' && b <= '9';
            if (!(b >= '0' && b <= '9') && "+-.eE \t\r".indexOf(b) < 0) {
                return false;
            }
        }
        return digit;
    }
}
