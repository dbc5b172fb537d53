/**
 * Finds pattern matches in tokenized text: phrase patterns and spaCy-style token patterns compiled into one
 * {@link dev.quarry.matching.Matcher}.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * Matcher matcher = Matcher.compile(patterns, MatchOptions.defaults().withPhraseAttr(Attr.LOWER));
 * Doc doc = matcher.options().tokenizer().tokenize(text);
 * for (Match m : matcher.match(doc)) {          // Overlap.LONGEST by default
 *     System.out.println(m.label() + " " + text.substring(m.start(), m.end()) + " " + m.source());
 * }
 * matcher.forEachMatch(doc, (pattern, tokenStart, tokenEnd) -> ...);   // every match, no objects
 * matcher.forEachMatch(text, (pattern, tokenStart, tokenEnd) -> ...);  // the same from the text: no Doc, fastest
 * matcher.explain(doc, match);                  // which pattern element took which token
 * matcher.save(file); Matcher.open(file);       // the compiled form, reopened in a fraction of the compile time
 * }</pre>
 *
 * <h2>Semantics (as spaCy's PhraseMatcher, Matcher and EntityRuler)</h2>
 * <ul>
 *   <li>A phrase pattern is tokenized with the matcher's tokenizer and matches the same token sequence, compared on
 *   the pattern's own attribute (the file's {@code phrase_matcher_attr}) or else {@link
 *   dev.quarry.matching.MatchOptions#phraseAttr()}: ORTH (exact), LOWER, or NORM (lower case, ASCII-folded, so
 *   {@code arzte} matches {@code Ärzte}). Whitespace between tokens does not matter.</li>
 *   <li>A token pattern matches runs of tokens spec by spec, with {@code ? + * {n} {n,m} {n,} {,m}} and {@code !}
 *   (exactly one token that fails the spec). With {@link dev.quarry.matching.Overlap#ALL} every distinct
 *   (pattern, start, end) is reported, never an empty match.</li>
 *   <li>Overlaps are resolved by {@link dev.quarry.matching.Overlap}: all, longest-then-earliest, or label
 *   priority.</li>
 *   <li>Offsets: token indices and UTF-16 char offsets, start inclusive, end exclusive.</li>
 * </ul>
 *
 * <h2>How it is built (for maintainers)</h2>
 * Phrases: per attribute, a {@code TermDictionary} (open addressing, looked up from the doc's chars with
 * lower-casing on the fly, no {@code String} per token; a key of up to 16 ASCII chars is packed into its slot, beside
 * the trie's transition from the root on it, so a hit is one cache line) gives each token a term id and its first
 * transition; a {@code PhraseTrie} over term ids (one primitive table keyed by (parent state, term id), each child
 * state numbered by its slot, so an edge with the child's flags and pattern fits in 8 bytes; a small edge filter keeps
 * most misses out of the big table) is walked from every
 * token. Nothing is allocated per token. {@link dev.quarry.matching.Matcher#forEachMatch(String, MatchSink)}
 * looks each token up as the tokenizer makes it ({@code Tokenizer.forEachToken}), so no {@code Doc} is built; in
 * ASCII text the tokenizer hands over a short token's chars already packed ({@code TokenSink.packedToken}).
 *
 * <p>At a million phrases the tables outgrow the processor's caches and most reads miss, so the work is arranged
 * for the processor to overlap the misses, and to need few of them: a large dictionary's lookups are batched per
 * doc ({@code TermBatch}: filter, then the first slot, which holds the packed key and the root transition, each one
 * loop over all tokens), and the trie is walked one depth at a time over all starts (edge filter, first slot,
 * transition, each one loop), rather than start by start. The edge filter is capped to stay in the L2 cache, and the
 * edges from the root's children, which walks take most, are placed in the table first. Each thread keeps the answers
 * of its last batched lookups in a small cache, so the most frequent words of a text skip the dictionary's table; and
 * a trie step keeps a walk and notes a match without a branch, as whether a token ends or continues a phrase is as
 * good as random to the processor's branch predictor.
 *
 * <p>Why not Lucene's {@code FST}: measured over the same term-id sequences (1M phrases of 1-3 words from a 100k
 * vocabulary, 2.3M tokens of newsgroup text, CPU time on a busy 2-core machine), the FST is 4.5x smaller (8.2 MB vs
 * 37 MB) but walks at 0.4-0.7M tokens/s, or 16-23M tokens/s with its root arcs copied into an array, against
 * 41-54M tokens/s for the trie in the same runs; it also needs sorted unique input and allocates a boxed output per
 * step. The benchmarks under {@code benchmarks/} price a char-level FST against the whole matcher.
 *
 * <p>Token patterns: a small NFA per pattern ({@code TokenProgram}) simulated from each start token that its first
 * spec's literal values allow ({@code TokenEngine}); attribute values are computed once per token and doc
 * ({@code TokenValues}).
 */
package dev.quarry.matching;
