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
 * Two words are variants when their keys agree: lower case, ASCII-folded, possessive dropped, and a plural ending
 * ({@code -ies}, {@code -es}, {@code -s}) undone when what remains is a known word; for phrases only the last word is
 * inflected. The rule is English and light on purpose (no dictionary): {@code berries/berry}, {@code viruses/virus},
 * {@code houses/house} group; irregular plurals ({@code mice}) do not.
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
