package dev.quarry.vectors;

import dev.quarry.text.TokenAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * A table of word vectors: {@link #size()} words, each with an L2-normalised vector of {@link #dimension()} floats,
 * stored row-major in one contiguous {@code float[]} (row {@code i} is
 * {@code [i * dimension, (i + 1) * dimension)}). Rows keep file order, which for GloVe and word2vec is frequency
 * order, so a lower index is a more frequent word. A zero vector in the input stays zero.
 *
 * <p>Immutable and thread-safe. Start with {@link #load(Path)} (any supported file, or a cache written by
 * {@link #writeCache(Path)}); then {@link #indexOf}, {@link #phraseVector}, {@link #exactSearch()} or an
 * {@link HnswIndex}.
 */
public final class WordVectors {

    private final String[] words;
    private final float[] matrix;
    private final int dim;
    private final ObjectIntHashMap<String> index;
    private volatile ObjectIntHashMap<String> normIndex;
    private volatile long fingerprint;
    private volatile Int8Matrix int8;
    private final Object int8Lock = new Object();

    WordVectors(String[] words, float[] matrix, int dim, ObjectIntHashMap<String> index) {
        this.words = words;
        this.matrix = matrix;
        this.dim = dim;
        this.index = index;
    }

    /** {@link #load(Path, LoadProgress)} without progress reports. */
    public static WordVectors load(Path file) throws IOException {
        return load(file, LoadProgress.NONE);
    }

    /**
     * Reads a vectors file: a cache written by {@link #writeCache} (recognised by its magic bytes) or any
     * {@link VectorFormat}, detected by {@link VectorFormat#detect}.
     *
     * @throws VectorsFormatException on malformed input, naming the file and line (or byte offset)
     * @throws IOException            if the file cannot be read
     */
    public static WordVectors load(Path file, LoadProgress progress) throws IOException {
        if (VectorCache.isCache(file)) {
            return openCache(file);
        }
        return load(file, VectorFormat.detect(file), progress);
    }

    /** Reads a vectors file in the given format (no detection). */
    public static WordVectors load(Path file, VectorFormat format, LoadProgress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        return switch (format) {
            case WORD2VEC_BINARY -> BinaryReader.read(file, progress);
            case GLOVE_TEXT, WORD2VEC_TEXT, FASTTEXT_VEC -> TextReader.read(file, format, progress);
        };
    }

    /**
     * A table from words and their vectors (normalised on the way in; the arrays are copied).
     *
     * @throws IllegalArgumentException on no words, a duplicate word, or vectors of different dimensions
     */
    public static WordVectors of(List<String> words, List<float[]> vectors) {
        if (words.isEmpty() || words.size() != vectors.size()) {
            throw new IllegalArgumentException("need as many vectors as words (at least one), got "
                    + words.size() + " words and " + vectors.size() + " vectors");
        }
        if (vectors.get(0).length == 0) {
            throw new IllegalArgumentException("vectors must have at least one value, got 0 for "
                    + TextReader.quote(words.get(0)));
        }
        TableBuilder table = new TableBuilder(vectors.get(0).length, words.size());
        for (int i = 0; i < words.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length != table.dim()) {
                throw new IllegalArgumentException("vector " + i + " (" + TextReader.quote(words.get(i))
                        + ") has dimension " + v.length + ", expected " + table.dim());
            }
            System.arraycopy(v, 0, table.rowBuffer(), table.nextRowOffset(), v.length);
            if (table.add(words.get(i), i) >= 0) {
                throw new IllegalArgumentException("duplicate word " + TextReader.quote(words.get(i)));
            }
        }
        return table.build();
    }

    /** Opens a cache written by {@link #writeCache}: the matrix is read from a memory mapping. */
    public static WordVectors openCache(Path file) throws IOException {
        return VectorCache.open(file);
    }

    /**
     * Writes this table as a cache file: written to a temporary file beside {@code file}, then moved into place, so
     * {@code file} is either the old content or the complete new one.
     */
    public void writeCache(Path file) throws IOException {
        VectorCache.write(this, file);
    }

    /** Loads {@code in} (any format) and writes it as a cache to {@code out}; nothing is written if loading fails. */
    public static WordVectors convert(Path in, Path out, LoadProgress progress) throws IOException {
        WordVectors vectors = load(in, progress);
        vectors.writeCache(out);
        return vectors;
    }

    public int size() {
        return words.length;
    }

    public int dimension() {
        return dim;
    }

    /** The word in row {@code index}. */
    public String word(int index) {
        return words[index];
    }

    /** All words, in row order (unmodifiable). */
    public List<String> words() {
        return java.util.Collections.unmodifiableList(Arrays.asList(words));
    }

    /** The row of exactly {@code word}, if present. */
    public OptionalInt indexOf(String word) {
        int i = index.getIfAbsent(word, -1);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * The row of the first (most frequent) word whose {@link TokenAttributes#norm} (lower case, ASCII-folded) equals
     * that of {@code word}: {@code "Café"} finds {@code cafe} or {@code café}, whichever comes first in the file.
     */
    public OptionalInt indexOfNormalised(String word) {
        int i = normIndex().getIfAbsent(TokenAttributes.norm(word), -1);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** {@link #indexOf}, falling back to {@link #indexOfNormalised}. */
    public OptionalInt lookup(String word) {
        OptionalInt exact = indexOf(word);
        return exact.isPresent() ? exact : indexOfNormalised(word);
    }

    /** A copy of row {@code index} (unit length, or zero). */
    public float[] vector(int index) {
        Objects.checkIndex(index, words.length);
        return Arrays.copyOfRange(matrix, index * dim, (index + 1) * dim);
    }

    /** The cosine similarity of rows {@code a} and {@code b}. */
    public float similarity(int a, int b) {
        Objects.checkIndex(a, words.length);
        Objects.checkIndex(b, words.length);
        return DotKernel.DEFAULT.dot(matrix, a * dim, matrix, b * dim, dim);
    }

    /** The dot product of row {@code index} with {@code query} (the cosine, if the query is unit length). */
    public float dot(int index, float[] query) {
        Objects.checkIndex(index, words.length);
        checkDimension(query);
        return DotKernel.DEFAULT.dot(matrix, index * dim, query, 0, dim);
    }

    /**
     * The mean of the tokens' vectors, normalised. Each token is looked up with {@link #lookup} (exact, then
     * normalised form); tokens with no vector are listed in {@link PhraseVector#missing()} and left out of the mean.
     */
    public PhraseVector phraseVector(List<String> tokens) {
        float[] sum = new float[dim];
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (String token : tokens) {
            OptionalInt row = lookup(token);
            if (row.isEmpty()) {
                missing.add(token);
                continue;
            }
            found++;
            int offset = row.getAsInt() * dim;
            for (int d = 0; d < dim; d++) {
                sum[d] += matrix[offset + d];
            }
        }
        TableBuilder.normalise(sum, 0, dim);
        return new PhraseVector(sum, found, missing);
    }

    /**
     * Exact nearest neighbours over every row (thread-safe). Every row is scored against an int8 copy of the matrix
     * first and only the rows that can still make the top {@code k} are rescored with the floats, so the results are
     * those of {@link #exactFloatSearch()}, about three times faster. The first search of a table builds the copy
     * ({@code size() * dimension()} bytes, a quarter of the matrix; about 30 ms for 100k x 100) and keeps it.
     */
    public NearestNeighbours exactSearch() {
        return new ExactSearch(this, DotKernel.DEFAULT, true);
    }

    /**
     * Exact nearest neighbours from the float matrix alone: the same results as {@link #exactSearch()}, slower, with
     * no int8 copy to build or hold. Thread-safe, no setup cost.
     */
    public NearestNeighbours exactFloatSearch() {
        return new ExactSearch(this, DotKernel.DEFAULT, false);
    }

    /**
     * A 64-bit hash of the words and every vector value, to tell whether an index on disk was built from this table.
     * Computed once (one pass over the matrix), then cached.
     */
    public long fingerprint() {
        long f = fingerprint;
        if (f == 0) {
            f = computeFingerprint();
            fingerprint = f;
        }
        return f;
    }

    private long computeFingerprint() {
        long h = 0x9E3779B97F4A7C15L * (words.length * 31L + dim);
        for (String w : words) {
            h = (h ^ w.hashCode()) * 0x100000001B3L;
        }
        for (float v : matrix) {
            h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001B3L;
        }
        return h == 0 ? 1 : h;
    }

    float[] matrix() {
        return matrix;
    }

    /** The int8 copy of the matrix, built on the first call (once, even when threads race). */
    Int8Matrix int8() {
        Int8Matrix copy = int8;
        if (copy == null) {
            synchronized (int8Lock) {
                copy = int8;
                if (copy == null) {
                    copy = Int8Matrix.of(matrix, words.length, dim);
                    int8 = copy;
                }
            }
        }
        return copy;
    }

    void checkQuery(float[] query, int k) {
        checkDimension(query);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    private void checkDimension(float[] query) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", expected " + dim);
        }
    }

    private ObjectIntHashMap<String> normIndex() {
        ObjectIntHashMap<String> norms = normIndex;
        if (norms == null) {
            norms = new ObjectIntHashMap<>(words.length);
            for (int i = 0; i < words.length; i++) {
                norms.getIfAbsentPut(TokenAttributes.norm(words[i]), i);
            }
            normIndex = norms;
        }
        return norms;
    }

    @Override
    public String toString() {
        return "WordVectors[" + words.length + " x " + dim + "]";
    }
}
