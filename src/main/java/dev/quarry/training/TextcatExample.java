package dev.quarry.training;

import java.util.List;
import java.util.Objects;

/**
 * One text with its category (exclusive labels) and, optionally, the labels of entities found in it (from patterns
 * or an NER), which become {@code ENT=LABEL} features when the settings ask for them.
 *
 * @param text         the text, never null
 * @param label        the gold category; null for a text to classify
 * @param entityLabels one entry per entity found (repeats allowed); copied
 */
public record TextcatExample(String text, String label, List<String> entityLabels) {

    public TextcatExample {
        Objects.requireNonNull(text, "text");
        if (label != null && label.isBlank()) {
            throw new IllegalArgumentException("label must be non-blank or null, got \"" + label + "\"");
        }
        entityLabels = List.copyOf(entityLabels);
    }

    public TextcatExample(String text, String label) {
        this(text, label, List.of());
    }
}
