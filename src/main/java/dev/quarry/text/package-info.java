/**
 * Text as Quarry sees it: a {@link dev.quarry.text.Doc} of {@link dev.quarry.text.Token}s made by a
 * {@link dev.quarry.text.Tokenizer}, {@link dev.quarry.text.Span}s over them, token attributes
 * ({@link dev.quarry.text.TokenAttributes}), paragraph splitting ({@link dev.quarry.text.Paragraphs}) and sentence
 * splitting ({@link dev.quarry.text.Sentences}).
 *
 * <h2>Offsets</h2>
 * Every offset in the Java API is a {@code String} index (UTF-16 code units): {@code start} inclusive, {@code end}
 * exclusive, so {@code text.substring(start, end)} is the covered text. In JSON (pattern files, tasks, HTTP) offsets
 * count Unicode code points, as Python string indices do, so spaCy and Prodigy files line up exactly: an emoji is one
 * character there and two Java {@code char}s here. The conversion happens once, at the JSON boundary, through
 * {@link dev.quarry.text.Offsets}.
 *
 * <h2>Tokens</h2>
 * Words come from Lucene's UAX#29 {@code StandardTokenizer}; the punctuation and symbols it drops between words are
 * kept as tokens of their own (runs of {@code .} or {@code -} stay together, so {@code ...} is one token). With
 * {@link dev.quarry.text.Language#ENGLISH} the clitics spaCy splits off ({@code 's}, {@code n't}, {@code 're},
 * {@code 'll}, {@code 've}, {@code 'm}, {@code 'd}) become tokens of their own. Whitespace never becomes a token.
 *
 * <p>Words are exactly those of Lucene's {@code StandardTokenizer} (its default 255-char limit included). Lucene's
 * scanner is driven directly, without the token-stream attributes, and text that is all ASCII goes to a hand-written
 * scanner with the same rules (for ASCII they come down to a few char classes; the tests check it against Lucene on
 * every short string over those classes, on random text and on all 20 Newsgroups posts).
 *
 * <p>Start with {@code Tokenizer.forLanguage(Language.ENGLISH).tokenize(text)}, or
 * {@link dev.quarry.text.Tokenizer#forEachToken} to see the tokens without building a {@code Doc}.
 */
package dev.quarry.text;
