package dev.quarry.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small vector files written by the tests, in every format, and what the loader makes of them. */
class VectorFilesTest {

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** word2vec's binary layout: header line, then word, space, little-endian floats, newline. */
    static byte[] binary(String header, List<String> words, float[][] vectors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((header + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < words.size(); i++) {
            out.writeBytes((words.get(i) + " ").getBytes(StandardCharsets.UTF_8));
            ByteBuffer values = ByteBuffer.allocate(vectors[i].length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : vectors[i]) {
                values.putFloat(v);
            }
            out.writeBytes(values.array());
            out.write('\n');
        }
        return out.toByteArray();
    }

    static void assertUnit(float[] expectedDirection, float[] actual) {
        double norm = 0;
        for (float v : expectedDirection) {
            norm += v * v;
        }
        float[] expected = new float[expectedDirection.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) (expectedDirection[i] / Math.sqrt(norm));
        }
        assertArrayEquals(expected, actual, 1e-6f);
    }

    @Test
    void gloveTextIsDetectedAndReadNormalised() throws IOException {
        Path file = write("g.txt", "cat 3 0 4\ndog 0 -2 0\n");
        assertEquals(VectorFormat.GLOVE_TEXT, VectorFormat.detect(file));
        WordVectors v = WordVectors.load(file);
        assertEquals(2, v.size());
        assertEquals(3, v.dimension());
        assertEquals(List.of("cat", "dog"), v.words());
        assertUnit(new float[] {3, 0, 4}, v.vector(0));
        assertUnit(new float[] {0, -1, 0}, v.vector(1));
    }

    @Test
    void word2vecTextWithHeaderCrlfAndExponentsIsRead() throws IOException {
        Path file = write("w.txt", "2 2\r\nthe 1e0 0.0\r\nof -7.0514e-7 2E+1\r\n\r\n");
        assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFormat.detect(file));
        WordVectors v = WordVectors.load(file);
        assertEquals(List.of("the", "of"), v.words());
        assertUnit(new float[] {1, 0}, v.vector(0));
        assertUnit(new float[] {-7.0514e-7f, 20f}, v.vector(1));
    }

    @Test
    void fastTextVecWithTrailingSpacesIsRead() throws IOException {
        Path file = write("ft.vec", "2 3 \nkönig 1 2 2 \n, 0 0 1 \n");
        assertEquals(VectorFormat.FASTTEXT_VEC, VectorFormat.detect(file));
        WordVectors v = WordVectors.load(file);
        assertEquals(List.of("könig", ","), v.words());
        assertUnit(new float[] {1, 2, 2}, v.vector(0));
    }

    @Test
    void word2vecBinaryIsDetectedAndRead() throws IOException {
        float[][] values = {{0.5f, -0.25f, 1f}, {3f, 4f, 0f}};
        Path file = Files.write(dir.resolve("w.bin"), binary("2 3", List.of("naïve", "b"), values));
        assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFormat.detect(file));
        WordVectors v = WordVectors.load(file);
        assertEquals(List.of("naïve", "b"), v.words());
        assertUnit(values[0], v.vector(0));
        assertUnit(values[1], v.vector(1));
    }

    @Test
    void binaryWithoutNewlinesBetweenRecordsIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("2 1\na ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(2f).array());
        out.writeBytes("b ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(-3f).array());
        WordVectors v = WordVectors.load(Files.write(dir.resolve("tight.bin"), out.toByteArray()));
        assertArrayEquals(new float[] {-1f}, v.vector(1));
    }

    @Test
    void detectionLooksAtTheRecordAfterTheHeader() {
        assertEquals(VectorFormat.GLOVE_TEXT, VectorFormat.detect("a 1 2\n".getBytes(StandardCharsets.UTF_8), "x"));
        assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFormat.detect("1 2\na 1 2\n".getBytes(StandardCharsets.UTF_8), "x"));
        assertEquals(VectorFormat.FASTTEXT_VEC, VectorFormat.detect("1 1\na 7\n".getBytes(StandardCharsets.UTF_8), "X.VEC"));
        assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFormat.detect(
                binary("1 2", List.of("a"), new float[][] {{0.1f, 0.2f}}), "x.txt"));
    }

    @Test
    void zeroVectorStaysZero() throws IOException {
        WordVectors v = WordVectors.load(write("z.txt", "a 0 0\nb 1 1\n"));
        assertArrayEquals(new float[] {0, 0}, v.vector(0));
    }

    @Test
    void largeFileSpanningManyReadChunksIsReadCompletely() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            words.add("w" + i);
            text.append("w").append(i).append(" 0.123456789 -1.5 ").append(i).append(" 2.25e-3\n");
        }
        WordVectors v = WordVectors.load(write("big.txt", text.toString()));
        assertEquals(words, v.words());
        assertUnit(new float[] {0.123456789f, -1.5f, 29_999f, 2.25e-3f}, v.vector(29_999));
    }

    @Test
    void progressReachesTheFileSize() throws IOException {
        Path file = write("g.txt", "cat 3 0 4\ndog 0 -2 0\n");
        long[] last = {-1, -1};
        WordVectors.load(file, (read, total) -> {
            last[0] = read;
            last[1] = total;
        });
        assertEquals(Files.size(file), last[0]);
        assertEquals(Files.size(file), last[1]);
    }

    @Test
    void wrongDimensionNamesFileLineWordAndBothDimensions() throws IOException {
        Path file = write("g.txt", "cat 1 2 3\n\ndog 1 2\n");
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ":3: word \"dog\" has dimension 2, expected 3", e.getMessage());
    }

    @Test
    void tooManyValuesIsAWrongDimension() throws IOException {
        Path file = write("w.txt", "2 2\na 1 2\nb 1 2 3 4\n");
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ":3: word \"b\" has dimension 4, expected 2", e.getMessage());
    }

    @Test
    void nonNumberNamesFileLineAndCodePointColumn() throws IOException {
        Path file = write("g.txt", "a 1 2\nétoile 0.5 1,5\n");
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ":2:12: vector value must be a finite number, got \"1,5\"", e.getMessage());
    }

    @Test
    void infinityIsNotAccepted() throws IOException {
        Path file = write("g.txt", "a 1 Infinity\n");
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ":1:5: vector value must be a finite number, got \"Infinity\"", e.getMessage());
    }

    @Test
    void duplicateWordNamesBothLines() throws IOException {
        Path file = write("g.txt", "a 1 2\nb 1 2\n\na 3 4\n");
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ":4: duplicate word \"a\", first on line 1", e.getMessage());
    }

    @Test
    void headerCountMustMatchTheLines() throws IOException {
        Path fewer = write("few.txt", "3 2\na 1 2\nb 1 2\n");
        assertEquals(fewer + ": header declares 3 words, found 2",
                assertThrows(VectorsFormatException.class, () -> WordVectors.load(fewer)).getMessage());
        Path more = write("more.txt", "1 2\na 1 2\nb 1 2\n");
        assertEquals(more + ":3: more words than the 1 declared in the header",
                assertThrows(VectorsFormatException.class, () -> WordVectors.load(more)).getMessage());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = write("e.txt", "");
        assertEquals(file + ": empty file, expected word vectors",
                assertThrows(VectorsFormatException.class, () -> WordVectors.load(file)).getMessage());
    }

    @Test
    void truncatedBinaryNamesTheRecordOffset() throws IOException {
        byte[] whole = binary("2 3", List.of("a", "bb"), new float[][] {{1, 2, 3}, {4, 5, 6}});
        // header "2 3\n" is 4 bytes, record "a " + 12 + "\n" is 15: "bb" starts at byte 19; cut 5 bytes into its floats
        byte[] cut = java.util.Arrays.copyOf(whole, 19 + 3 + 5);
        Path file = Files.write(dir.resolve("cut.bin"), cut);
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ": byte 19: truncated: word \"bb\" needs 12 bytes of vector, found 5", e.getMessage());
    }

    @Test
    void binaryWithMissingRecordsIsTruncated() throws IOException {
        byte[] one = binary("2 3", List.of("a"), new float[][] {{1, 2, 3}});
        Path file = Files.write(dir.resolve("short.bin"), one);
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ": byte 19: truncated: header declares 2 words, found 1", e.getMessage());
    }

    @Test
    void duplicateWordInBinaryNamesBothOffsets() throws IOException {
        byte[] bytes = binary("2 3", List.of("a", "a"), new float[][] {{1, 2, 3}, {4, 5, 6}});
        Path file = Files.write(dir.resolve("dup.bin"), bytes);
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ": byte 19: duplicate word \"a\", first at byte 4", e.getMessage());
    }

    @Test
    void longWordsAreCutInMessages() throws IOException {
        String word = "x".repeat(100);
        Path file = write("g.txt", "a 1 2\n" + word + " 1\n");
        var e = assertThrows(VectorsFormatException.class, () -> WordVectors.load(file));
        assertEquals(file + ":2: word \"" + "x".repeat(40) + "...\" has dimension 1, expected 2", e.getMessage());
    }
}
