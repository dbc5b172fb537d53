package dev.quarry.text;

/**
 * Receives the tokens of one text from {@link Tokenizer#forEachToken}, in order, one call per token, without a
 * {@link Doc}: for callers that look at each token once. Offsets are {@code String} indices, start inclusive, end
 * exclusive; the {@code i}-th call is token {@code i} of {@link Tokenizer#tokenize} on the same text.
 */
@FunctionalInterface
public interface TokenSink {

    void token(int start, int end);
}
