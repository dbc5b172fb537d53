package dev.quarry.terms;

import java.util.Locale;

/** A curator's answer to a suggested term. */
public enum Answer {
    /** The term belongs to the list; it joins the query. */
    ACCEPT,
    /** The term does not belong; terms like it are pushed down. */
    REJECT,
    /** No decision; the term is not suggested again in this session. */
    SKIP;

    /** The name used in session state files: {@code accept}, {@code reject}, {@code skip}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
