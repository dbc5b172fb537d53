package dev.quarry.vectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * The binary cache, version 1. All numbers little-endian.
 * <pre>
 * offset  size  field
 *      0     8  magic "QVECTORS"
 *      8     4  version (1)
 *     12     4  count (words)
 *     16     4  dimension
 *     20     4  reserved (0)
 *     24     8  vocabulary offset (64)
 *     32     8  vocabulary length in bytes
 *     40     8  matrix offset (a multiple of 64)
 *     48     8  total file length
 *     56     8  reserved (0)
 *     64        vocabulary: per word, its UTF-8 length as an unsigned LEB128 varint, then the bytes
 *      ...      zero padding to the matrix offset
 * matrix         count * dimension float32, row-major, rows L2-normalised
 * </pre>
 * Opening maps the file and copies the matrix into the heap {@code float[]} (bulk copies of up to 1 GiB) so that
 * search runs on an array; the vocabulary is decoded into strings.
 */
final class VectorCache {

    static final byte[] MAGIC = "QVECTORS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int HEADER_BYTES = 64;
    private static final int WRITE_CHUNK_FLOATS = 1 << 18;
    /** Floats per mapping when reading the matrix: mappings are limited to 2 GiB. */
    private static final int MAP_CHUNK_FLOATS = 1 << 28;

    private VectorCache() {
    }

    static boolean isCache(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    static void write(WordVectors vectors, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        // not Files.createTempFile: that makes the file owner-only, and a cache should get the usual permissions
        Path temp = target.resolveSibling(target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        Files.createFile(temp);
        boolean done = false;
        try {
            writeTo(vectors, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeTo(WordVectors vectors, Path temp) throws IOException {
        byte[] vocab = encodeVocabulary(vectors);
        long matrixOffset = align64(HEADER_BYTES + (long) vocab.length);
        long length = matrixOffset + 4L * vectors.size() * vectors.dimension();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(VERSION).putInt(vectors.size()).putInt(vectors.dimension()).putInt(0)
                .putLong(HEADER_BYTES).putLong(vocab.length).putLong(matrixOffset).putLong(length).putLong(0);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            writeFully(out, header.flip());
            writeFully(out, ByteBuffer.wrap(vocab));
            writeFully(out, ByteBuffer.allocate((int) (matrixOffset - HEADER_BYTES - vocab.length)));
            writeMatrix(out, vectors.matrix());
            out.force(true);
        }
    }

    private static byte[] encodeVocabulary(WordVectors vectors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(vectors.size() * 10);
        for (int i = 0; i < vectors.size(); i++) {
            byte[] word = vectors.word(i).getBytes(StandardCharsets.UTF_8);
            for (int n = word.length; ; n >>>= 7) {
                if (n < 0x80) {
                    out.write(n);
                    break;
                }
                out.write((n & 0x7F) | 0x80);
            }
            out.write(word, 0, word.length);
        }
        return out.toByteArray();
    }

    private static void writeMatrix(FileChannel out, float[] matrix) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(WRITE_CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < matrix.length; from += WRITE_CHUNK_FLOATS) {
            int n = Math.min(WRITE_CHUNK_FLOATS, matrix.length - from);
            chunk.clear();
            chunk.asFloatBuffer().put(matrix, from, n);
            chunk.limit(n * Float.BYTES);
            writeFully(out, chunk);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static long align64(long n) {
        return (n + 63) & ~63L;
    }

    static WordVectors open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new VectorsFormatException(file + ": truncated cache: " + size + " bytes, shorter than the "
                        + HEADER_BYTES + "-byte header");
            }
            Header header = Header.read(file, map(channel, 0, HEADER_BYTES), size);
            String[] words = new String[header.count];
            ObjectIntHashMap<String> index =
                    decodeVocabulary(file, map(channel, 0, HEADER_BYTES + header.vocabBytes), header, words);
            long values = (long) header.count * header.dim;
            if (values > Integer.MAX_VALUE - 8) {
                throw new VectorsFormatException(file + ": " + header.count + " x " + header.dim
                        + " values do not fit in one Java array (at most " + (Integer.MAX_VALUE - 8) + ")");
            }
            float[] matrix = new float[(int) values];
            for (int from = 0; from < matrix.length; from += MAP_CHUNK_FLOATS) {
                int n = Math.min(MAP_CHUNK_FLOATS, matrix.length - from);
                map(channel, header.matrixOffset + 4L * from, 4L * n).asFloatBuffer().get(matrix, from, n);
            }
            return new WordVectors(words, matrix, header.dim, index);
        }
    }

    private static MappedByteBuffer map(FileChannel channel, long offset, long length) throws IOException {
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
        map.order(ByteOrder.LITTLE_ENDIAN);
        return map;
    }

    private static ObjectIntHashMap<String> decodeVocabulary(Path file, ByteBuffer map, Header header, String[] words)
            throws VectorsFormatException {
        ObjectIntHashMap<String> index = new ObjectIntHashMap<>(header.count);
        int pos = HEADER_BYTES;
        int end = (int) (HEADER_BYTES + header.vocabBytes);
        byte[] bytes = new byte[(int) header.vocabBytes];
        map.get(HEADER_BYTES, bytes);
        for (int i = 0; i < header.count; i++) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                if (pos >= end || shift > 28) {
                    throw corrupt(file, "vocabulary ends inside word " + i);
                }
                byte b = bytes[pos++ - HEADER_BYTES];
                length |= (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            if (length < 0 || pos + length > end) {
                throw corrupt(file, "vocabulary ends inside word " + i);
            }
            words[i] = new String(bytes, pos - HEADER_BYTES, length, StandardCharsets.UTF_8);
            pos += length;
            if (index.getIfAbsentPut(words[i], i) != i) {
                throw corrupt(file, "duplicate word " + TextReader.quote(words[i]) + " at rows "
                        + index.get(words[i]) + " and " + i);
            }
        }
        return index;
    }

    private static VectorsFormatException corrupt(Path file, String what) {
        return new VectorsFormatException(file + ": corrupt cache: " + what);
    }

    /** The fixed-size header, validated against the file size. */
    private record Header(int count, int dim, long vocabBytes, long matrixOffset) {

        static Header read(Path file, ByteBuffer map, long size) throws VectorsFormatException {
            byte[] magic = new byte[MAGIC.length];
            map.get(0, magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new VectorsFormatException(file + ": not a Quarry vectors cache (no \"QVECTORS\" magic)");
            }
            int version = map.getInt(8);
            if (version != VERSION) {
                throw new VectorsFormatException(file + ": cache version " + version
                        + " is not supported, this build reads version " + VERSION);
            }
            Header header = new Header(map.getInt(12), map.getInt(16), map.getLong(32), map.getLong(40));
            long expected = map.getLong(48);
            if (header.count <= 0 || header.dim <= 0 || header.vocabBytes < 0
                    || header.matrixOffset < HEADER_BYTES + header.vocabBytes
                    || expected != header.matrixOffset + 4L * header.count * header.dim) {
                throw corrupt(file, "inconsistent header");
            }
            if (size != expected) {
                throw new VectorsFormatException(
                        file + ": truncated cache: expected " + expected + " bytes, found " + size);
            }
            return header;
        }
    }
}
