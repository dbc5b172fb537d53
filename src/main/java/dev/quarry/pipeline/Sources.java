package dev.quarry.pipeline;

/** Which parts of a model a {@link Pipeline} run uses. */
public enum Sources {
    /** Pattern matches only; no model runs and no categories are given. */
    PATTERNS,
    /** The NER's entities and the text classifier's categories; the patterns do not run (except as NER features). */
    MODEL,
    /** Match-then-predict: pattern matches, model entities merged by the {@link MergePolicy}, and categories. */
    BOTH
}
