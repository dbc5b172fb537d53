package dev.quarry.patterns;

import java.util.List;
import java.util.Objects;

/**
 * A test on one attribute's value. Values are {@code String}, {@code Integer} or {@code Boolean}, matching the
 * attribute's {@link Attr.Kind}.
 */
public sealed interface Predicate {

    /** Whether the attribute value passes. */
    boolean test(Object value);

    /** A literal value: {@code "LOWER": "apple"}, {@code "IS_DIGIT": true}, {@code "LENGTH": 3}. */
    record Equals(Object value) implements Predicate {
        public Equals {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Object actual) {
            return value.equals(actual);
        }
    }

    /** {@code {"IN": [...]}}. */
    record In(List<Object> values) implements Predicate {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean test(Object actual) {
            return values.contains(actual);
        }
    }

    /** {@code {"NOT_IN": [...]}}. */
    record NotIn(List<Object> values) implements Predicate {
        public NotIn {
            values = List.copyOf(values);
        }

        @Override
        public boolean test(Object actual) {
            return !values.contains(actual);
        }
    }

    /**
     * {@code {"REGEX": "..."}}: passes when the expression is found anywhere in the value, as Python's
     * {@code re.search} in spaCy.
     */
    record Regex(java.util.regex.Pattern regex) implements Predicate {
        public Regex {
            Objects.requireNonNull(regex, "regex");
        }

        public static Regex of(String expression) {
            return new Regex(java.util.regex.Pattern.compile(expression));
        }

        @Override
        public boolean test(Object actual) {
            return actual != null && regex.matcher(actual.toString()).find();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Regex that && regex.pattern().equals(that.regex.pattern())
                    && regex.flags() == that.regex.flags();
        }

        @Override
        public int hashCode() {
            return regex.pattern().hashCode();
        }
    }

    /** {@code {">=": 3}} and the other comparisons, for {@link Attr#LENGTH}. */
    record Compare(Comparison op, int value) implements Predicate {
        public Compare {
            Objects.requireNonNull(op, "op");
        }

        @Override
        public boolean test(Object actual) {
            if (!(actual instanceof Integer number)) {
                return false;
            }
            return switch (op) {
                case EQ -> number == value;
                case NE -> number != value;
                case GE -> number >= value;
                case LE -> number <= value;
                case GT -> number > value;
                case LT -> number < value;
            };
        }
    }

    /** The comparison operators, with the symbols of pattern files. */
    enum Comparison {
        EQ("=="), NE("!="), GE(">="), LE("<="), GT(">"), LT("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The comparison for a symbol, or null. */
        public static Comparison bySymbol(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            return null;
        }
    }
}
