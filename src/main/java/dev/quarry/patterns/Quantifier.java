package dev.quarry.patterns;

/**
 * spaCy's {@code OP}: how many consecutive tokens a spec matches, or ({@code !}) one token that must not match it.
 *
 * @param min     at least this many tokens
 * @param max     at most this many; {@link #UNBOUNDED} for no limit
 * @param negated {@code !}: exactly one token, which must fail the spec's constraints
 * @param op      the operator as written ({@code "?"}, {@code "{2,3}"}, ...), or null when none was given
 */
public record Quantifier(int min, int max, boolean negated, String op) {

    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public static final Quantifier ONE = new Quantifier(1, 1, false, null);
    public static final Quantifier NOT = new Quantifier(1, 1, true, "!");
    public static final Quantifier OPTIONAL = new Quantifier(0, 1, false, "?");
    public static final Quantifier ONE_OR_MORE = new Quantifier(1, UNBOUNDED, false, "+");
    public static final Quantifier ZERO_OR_MORE = new Quantifier(0, UNBOUNDED, false, "*");

    public Quantifier {
        if (min < 0 || max < min || max == 0) {
            throw new IllegalArgumentException("quantifier needs 0 <= min <= max and max >= 1, got {" + min + ","
                    + (max == UNBOUNDED ? "" : max) + "}");
        }
        if (negated && (min != 1 || max != 1)) {
            throw new IllegalArgumentException("a negated spec matches exactly one token");
        }
    }

    /** {@code {n}}, {@code {n,m}}, {@code {n,}} or {@code {,m}} as spaCy writes them. */
    public static Quantifier range(int min, int max) {
        String op = min == max ? "{" + min + "}"
                : "{" + (min == 0 ? "" : min) + "," + (max == UNBOUNDED ? "" : max) + "}";
        return new Quantifier(min, max, false, op);
    }
}
