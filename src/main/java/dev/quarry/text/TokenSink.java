package dev.quarry.text;

/**
 * Receives the tokens of one text from {@link Tokenizer#forEachToken}, in order, one call per token, without a
 * {@link Doc}: for callers that look at each token once. Offsets are {@code String} indices, start inclusive, end
 * exclusive; the {@code i}-th call is token {@code i} of {@link Tokenizer#tokenize} on the same text.
 */
@FunctionalInterface
public interface TokenSink {

    void token(int start, int end);

    /**
     * Whether this sink takes some tokens through {@link #packedToken}, with their chars packed as the tokenizer
     * scans them. Asked once per call of {@link Tokenizer#forEachToken}; the default is false.
     */
    default boolean wantsPackedTokens() {
        return false;
    }

    /**
     * A token of 1 to 16 chars, each ASCII and none NUL, in place of a {@link #token} call for it (only if
     * {@link #wantsPackedTokens}; the tokenizer may still report such tokens through {@link #token}). Its chars are
     * packed one per byte, little-endian: {@code k0} holds the first eight (char {@code i} in bits {@code 8i} up),
     * {@code k1} the ninth on; the bytes past the token are 0. The default calls {@code token(start, end)}.
     */
    default void packedToken(int start, int end, long k0, long k1) {
        token(start, end);
    }
}
