package dev.quarry.training;

/**
 * Optional NER features beyond those {@link NerSettings} sets by its own fields, each switched on by being in
 * {@link NerSettings#features()}. A model records the set it was trained with; a model whose settings name none of
 * these (one trained before they existed) is read as having none.
 */
public enum NerFeature {

    /**
     * The previous-outcome features OpenNLP adds to every token ({@code pow=} outcome and word, {@code powf=} outcome
     * and word class) read the plain word. Without it they read the token with its document and pattern features
     * appended (see {@link FeatureGenerators#encode}), which splits one word into many rare features; that was the
     * behaviour of every model trained before this switch existed.
     */
    PLAIN_HISTORY,

    /** For each clustering, the cluster ids of the token and its left and right neighbours as pairs. */
    CLUSTER_BIGRAMS,

    /** For each clustering, the token's cluster id joined with its compressed shape ({@code Xx}, {@code d-d}). */
    CLUSTER_SHAPE,

    /**
     * Sentences written in capitals (no lower-case letter, at least one word of two letters: headlines, datelines)
     * get the flag {@code hl} on every token, and each of their words that the rest of the document writes in
     * another case (outside such sentences, not first in a sentence) is read as it is written there most often.
     */
    TRUECASE_HEADLINES,

    /** For each clustering, the previous token's outcome joined with the token's cluster id. */
    OUTCOME_CLUSTERS,

    /**
     * The document's topic, when its first sentence opens like a news-wire slug (one to three words in capitals,
     * then {@code -}, as in {@code SOCCER - JAPAN GET LUCKY WIN}): {@code tp=soccer} on every token, and for each
     * clustering the topic joined with the token's cluster id (a city is a team in a sports table).
     */
    DOCUMENT_TOPIC,

    /**
     * For a capitalised word, the (lower-cased) words just before and after its other occurrences in the document,
     * up to eight of each ({@code ca-=played}, {@code ca+=volgograd}): what the rest of the document says about it.
     */
    CONTEXT_AGGREGATION,
}
