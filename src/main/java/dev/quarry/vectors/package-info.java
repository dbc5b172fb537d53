/**
 * Word vectors: loading, a fast binary cache, phrase vectors and nearest neighbours. Knows nothing about terms or
 * labels; the {@code terms} package builds on it.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * WordVectors vectors = WordVectors.load(Path.of("glove.6B.100d.txt"), progress); // any format, or a cache
 * Path cache = Path.of("glove.qvec");
 * vectors.writeCache(cache);                                      // once; WordVectors.load(cache) takes ~20 ms
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
 * exactly. Exact search first scores every row against an int8 copy of the matrix (a quarter of its bytes, built on
 * the first search and kept), then rescores with the floats only the rows whose approximate score is within a proven
 * error bound of the {@code k}-th best, so its results are those of a full float scan
 * ({@link dev.quarry.vectors.WordVectors#exactFloatSearch()}, kept for comparison and to save the copy's memory); the
 * argument is on {@code ExactSearch}. On GloVe 100k that rescored about 20 rows for k = 10 and 200 for k = 100.
 * Both use the Java Vector API when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * (the {@code quarry} launcher and the test runs pass it; the JVM then prints one incubator warning), and plain
 * loops otherwise. Lucene's own vector code follows the same flag. The Vector API leaves the order of its lane sums
 * open, so a score may differ in its last bit between an interpreted and a compiled call; rankings of scores that
 * differ by more than that do not change. {@link dev.quarry.vectors.HnswSettings#defaults()} (M 16, beam width 100,
 * search beam 20) gave recall@10 0.972 against exact search on GloVe 100k; numbers are in
 * {@code benchmarks/vectors/README.md}.
 *
 * <p>Everything here is thread-safe once built: tables are immutable (the int8 copy is built once, under a lock) and
 * both searches may be shared.
 */
package dev.quarry.vectors;
