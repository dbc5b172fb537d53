package dev.quarry.patterns;

/**
 * One line of a pattern file: a {@link PhrasePattern} or a {@link TokenPattern}, with its label, optional id and
 * where it was written.
 */
public sealed interface Pattern permits PhrasePattern, TokenPattern {

    String label();

    /** The pattern's {@code id}, or null when the file gave none. */
    String id();

    PatternSource source();

    /** Whether the id was a JSON number in the file ({@code "id": 42}) and is written back as one. */
    boolean numericId();
}
