package dev.quarry.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A term with its case and inflection variants, as it goes into a term list or a pattern file.
 *
 * @param term     the term: one word, or words separated by single spaces
 * @param variants other surface forms of the same term ({@code measles}, {@code Measles}); never contains
 *                 {@code term} itself, no duplicates, in a stable order
 */
public record TermEntry(String term, List<String> variants) {

    public TermEntry {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("a term must be non-blank, got \"" + term + "\"");
        }
        List<String> distinct = new ArrayList<>();
        for (String variant : Objects.requireNonNull(variants, "variants")) {
            if (variant == null || variant.isBlank()) {
                throw new IllegalArgumentException("a variant of \"" + term + "\" is blank");
            }
            if (!variant.equals(term) && !distinct.contains(variant)) {
                distinct.add(variant);
            }
        }
        variants = List.copyOf(distinct);
    }

    /** A term without variants. */
    public static TermEntry of(String term) {
        return new TermEntry(term, List.of());
    }

    /** The term followed by its variants. */
    public List<String> forms() {
        List<String> forms = new ArrayList<>(variants.size() + 1);
        forms.add(term);
        forms.addAll(variants);
        return forms;
    }
}
