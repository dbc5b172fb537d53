/**
 * Word vectors: loading, a fast binary cache, phrase vectors and nearest neighbours. Knows nothing about terms or
 * labels; the {@code terms} package builds on it.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * WordVectors vectors = WordVectors.load(Path.of("glove.6B.100d.txt"), progress); // any format, or a cache
 * vectors.writeCache(Path.of("glove.qvec"));                      // once; later loads take milliseconds
 * PhraseVector flu = vectors.phraseVector(List.of("swine", "flu"));  // mean of token vectors, normalised
 * List<Neighbour> near = vectors.exactSearch().search(flu.vector(), 10, i -> i != 42);
 * try (HnswIndex hnsw = HnswIndex.build(vectors, HnswIndex.besideCache(cache), HnswSettings.defaults())) {
 *     near = hnsw.search(flu.vector(), 10, null);                  // same interface, approximate
 * }
 * }</pre>
 *
 * <h2>Formats</h2>
 * GloVe text, word2vec text, word2vec binary and fastText {@code .vec} are read, the format detected from the first
 * line (the rule is on {@link dev.quarry.vectors.VectorFormat}). A file that starts with the cache magic is opened as a
 * cache. Every vector is L2-normalised on load (an all-zero vector stays zero), so a dot product is a cosine; the whole
 * table is one row-major {@code float[]}. Malformed input throws {@link dev.quarry.vectors.VectorsFormatException}
 * (a checked {@code IOException}) naming {@code file:line} (or {@code file:line:column} for a bad number, or
 * {@code file: byte N} in binary files), what was expected and what was found. Loaders report progress through a
 * {@link dev.quarry.vectors.LoadProgress} and never print.
 *
 * <h2>The cache</h2>
 * {@link dev.quarry.vectors.WordVectors#writeCache} writes a versioned binary file (layout in {@code VectorCache}):
 * header, compact vocabulary, then the float32 matrix, 64-byte aligned; it is written to a temporary file and moved
 * into place, so a failure never leaves a half-written cache. Opening memory-maps the file and bulk-copies the matrix
 * (about 20 ms for 100k x 100). A table is limited to one Java array: about 2^31 values (8 GiB).
 *
 * <h2>Search</h2>
 * {@link dev.quarry.vectors.NearestNeighbours} has two implementations with the same results format
 * ({@link dev.quarry.vectors.Neighbour}: row, word, cosine): {@link dev.quarry.vectors.WordVectors#exactSearch()}
 * scores every row; {@link dev.quarry.vectors.HnswIndex} searches Lucene's HNSW graph and rescores its candidates
 * exactly. Exact search uses the Java Vector API when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * (the {@code quarry} launcher and the test runs pass it; the JVM then prints one incubator warning), and a plain
 * loop otherwise, about twice as slow. Lucene's own vector code follows the same flag. Numbers are in
 * {@code benchmarks/vectors/README.md}.
 *
 * <p>Everything here is thread-safe once built: tables are immutable and both searches may be shared.
 */
package dev.quarry.vectors;
