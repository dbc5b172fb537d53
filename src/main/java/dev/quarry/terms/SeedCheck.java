package dev.quarry.terms;

import java.util.List;

/**
 * Seeds split by whether they have a vector.
 *
 * @param found   seeds with a vector, as entries with their variants from the vocabulary
 * @param missing seeds of which no word has a vector, as given (whitespace collapsed)
 */
public record SeedCheck(List<TermEntry> found, List<String> missing) {

    public SeedCheck {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
    }
}
