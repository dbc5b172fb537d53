package dev.quarry.patterns;

import java.util.regex.Matcher;

/** Reads spaCy's {@code OP} values into {@link Quantifier}s, keeping the value as written. */
final class Quantifiers {

    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("\\{([0-9]{0,9})(,?)([0-9]{0,9})\\}");

    private Quantifiers() {
    }

    /**
     * The quantifier for an {@code OP} value; null if it is not one of {@code ! ? + *} or a range;
     * {@link IllegalArgumentException} (with the rule as its message) for a range that allows no tokens.
     */
    static Quantifier parse(String op) {
        return switch (op) {
            case "!" -> Quantifier.NOT;
            case "?" -> Quantifier.OPTIONAL;
            case "+" -> Quantifier.ONE_OR_MORE;
            case "*" -> Quantifier.ZERO_OR_MORE;
            default -> range(op);
        };
    }

    private static Quantifier range(String op) {
        Matcher m = RANGE.matcher(op);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(3).isEmpty())
                || (m.group(2).isEmpty() && !m.group(3).isEmpty())) {
            return null;
        }
        int min = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
        int max = m.group(2).isEmpty() ? min
                : m.group(3).isEmpty() ? Quantifier.UNBOUNDED : Integer.parseInt(m.group(3));
        if (max == 0) {
            throw new IllegalArgumentException("must allow at least one token");
        }
        if (max < min) {
            throw new IllegalArgumentException("must have n <= m in {n,m}");
        }
        return new Quantifier(min, max, false, op);
    }

    /** The op to write for a quantifier: as written, else the canonical spelling; null for exactly one token. */
    static String opOf(Quantifier q) {
        if (q.op() != null) {
            return q.op();
        }
        if (q.negated()) {
            return "!";
        }
        if (q.min() == 1 && q.max() == 1) {
            return null;
        }
        if (q.min() == 0 && q.max() == 1) {
            return "?";
        }
        if (q.max() == Quantifier.UNBOUNDED && q.min() <= 1) {
            return q.min() == 0 ? "*" : "+";
        }
        return Quantifier.range(q.min(), q.max()).op();
    }
}
