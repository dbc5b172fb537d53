/**
 * Seed expansion: from a handful of seed terms to a reviewed terminology list and a pattern file.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * TermExpander expander = TermExpander.create(vectors, vectors.exactSearch(), ExpansionSettings.defaults(),
 *         Tokenizer.standard(), corpusIndex);           // corpus may be null
 * SeedCheck seeds = expander.checkSeeds(List.of("influenza", "measles", "tuberculosis"));
 * List<Candidate> top = expander.rank(seeds.found(), List.of(), List.of(), 100, 0.4);   // batch
 * TermSession session = TermSession.start(expander, "DISEASE", seedList, 0.0);          // interactive
 * session.current(); session.answer(Answer.ACCEPT); session.undo(); session.state().toJson();
 * List<TokenPattern> patterns = TermPatterns.toPatterns(session.terms(), "DISEASE", Tokenizer.standard());
 * }</pre>
 *
 * <h2>Ranking</h2>
 * {@code score(c) = cos(c, q) - λ · max(0, max cos(c, rejected) - cos(c, q))}, {@code q} the mean of the accepted
 * terms, λ = 1 by default: candidates more like a rejected term than like the accepted ones go down; details on
 * {@link dev.quarry.terms.TermExpander}. Multi-word terms use the mean of their word vectors.
 *
 * <h2>Variants</h2>
 * Case and inflection variants are one entry, {@link dev.quarry.terms.TermEntry#variants()} listing the other forms.
 * Two steps decide:
 * <ol>
 * <li><b>Spelling.</b> Two words may be variants when their keys agree: lower case, ASCII-folded, possessive dropped,
 * and a plural ending ({@code -ies}, {@code -es}, {@code -s}) undone when what remains is a known word; for phrases
 * only the last word is inflected. The rule is English and light on purpose (no dictionary): {@code viruses/virus},
 * {@code houses/house} qualify; irregular plurals ({@code mice}) do not; {@code measles} stays itself, as the vectors
 * have no {@code measle}.</li>
 * <li><b>The vectors agree, for this query.</b> A single word and its base form (the word its key spells) that both
 * have vectors are grouped only if their cosines to the query (the mean of the accepted terms) differ by at most
 * {@link dev.quarry.terms.ExpansionSettings#maxVariantGap()} (0.4). With disease seeds {@code aids} scores 0.77 and
 * {@code aid} 0.29 on GloVe: two entries, and {@code aid} is never written as a disease pattern; {@code diseases} (0.77)
 * and {@code disease} (0.78) stay one. A form split off is its own entry, keyed by its spelling without the plural
 * undone. The test is on the query, not on the two words alone: on GloVe {@code aids/aid} have a cosine of 0.52,
 * higher than true pairs such as {@code thighs/thigh} (0.50) or {@code berries/berry} (0.44), so no fixed
 * word-to-word threshold separates them. A seed's variants are tested against the mean of the other seeds (its own
 * vector would pull the mean towards it); a lone seed keeps all its spelling variants.</li>
 * </ol>
 * Exclusion stays by spelling: nothing that shares a key with an accepted, rejected or skipped term is suggested (a
 * seed {@code aids} also keeps {@code aid} out). Benchmark: {@code benchmarks/terms/README.md}.
 *
 * <h2>Corpus</h2>
 * A {@link dev.quarry.terms.CorpusStatistics} (a Lucene index of the corpus, see
 * {@code dev.quarry.streams.CorpusIndex})
 * restricts suggestions to words and n-grams that occur in it, adds their frequency, supplies frequent 2–4-grams as
 * multi-word candidates and an example sentence per term. This package reads nothing itself: no files, no indexes.
 *
 * <h2>Sessions</h2>
 * {@link dev.quarry.terms.TermSession} holds accepted, rejected and skipped terms and the answer history (undo);
 * {@link dev.quarry.terms.SessionState} is its JSON form for resuming later, strictly validated.
 */
package dev.quarry.terms;
