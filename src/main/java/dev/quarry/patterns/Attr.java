package dev.quarry.patterns;

import java.util.Locale;
import java.util.Optional;

/**
 * The token attributes a token pattern can test, with spaCy's names. {@code TEXT} is read as {@link #ORTH}.
 * See {@link dev.quarry.text.TokenAttributes} for what each means.
 */
public enum Attr {
    ORTH(Kind.STRING), LOWER(Kind.STRING), NORM(Kind.STRING), SHAPE(Kind.STRING), LENGTH(Kind.INTEGER),
    IS_ALPHA(Kind.BOOLEAN), IS_ASCII(Kind.BOOLEAN), IS_DIGIT(Kind.BOOLEAN), IS_LOWER(Kind.BOOLEAN),
    IS_UPPER(Kind.BOOLEAN), IS_TITLE(Kind.BOOLEAN), IS_PUNCT(Kind.BOOLEAN), IS_SPACE(Kind.BOOLEAN),
    IS_STOP(Kind.BOOLEAN), LIKE_NUM(Kind.BOOLEAN), LIKE_URL(Kind.BOOLEAN), LIKE_EMAIL(Kind.BOOLEAN);

    /** The type of an attribute's value. */
    public enum Kind { STRING, INTEGER, BOOLEAN }

    private final Kind kind;

    Attr(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The attribute for a pattern key, case-insensitive; {@code TEXT} is {@link #ORTH}. */
    public static Optional<Attr> byName(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        if (upper.equals("TEXT")) {
            return Optional.of(ORTH);
        }
        for (Attr attr : values()) {
            if (attr.name().equals(upper)) {
                return Optional.of(attr);
            }
        }
        return Optional.empty();
    }

    /** Whether phrase patterns can be matched on this attribute ({@link #ORTH}, {@link #LOWER}, {@link #NORM}). */
    public boolean isPhraseAttr() {
        return this == ORTH || this == LOWER || this == NORM;
    }
}
