package dev.quarry.patterns;

import java.util.List;
import java.util.Objects;

/**
 * The tests on one attribute of a token spec, all of which must hold: {@code "LOWER": "apple"} is one
 * {@link Predicate.Equals}; {@code "LENGTH": {">=": 3, "<=": 5}} two {@link Predicate.Compare}s.
 *
 * @param attr       the attribute
 * @param key        the key as written in the file ({@code "lower"}, {@code "TEXT"}), for lossless writing
 * @param predicates at least one
 */
public record Constraint(Attr attr, String key, List<Predicate> predicates) {

    public Constraint {
        Objects.requireNonNull(attr, "attr");
        Objects.requireNonNull(key, "key");
        predicates = List.copyOf(predicates);
        if (predicates.isEmpty()) {
            throw new IllegalArgumentException("constraint on " + attr + " needs at least one predicate");
        }
    }

    public static Constraint of(Attr attr, Predicate... predicates) {
        return new Constraint(attr, attr.name(), List.of(predicates));
    }

    /** {@code {"ATTR": value}}. */
    public static Constraint equals(Attr attr, Object value) {
        return of(attr, new Predicate.Equals(value));
    }
}
