package dev.quarry.training;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One text with what is known about its labels and, optionally, the labels of entities found in it (from patterns or
 * an NER), which become {@code ENT=LABEL} features when the settings ask for them.
 *
 * <p>What is known about a label L: the text <em>is</em> L ({@code labels} holds L), <em>is not</em> L
 * ({@code rejected} holds L, or the example is {@code complete} and {@code labels} does not hold L), or nothing.
 * Gold data with every label known is complete; a binary answer ("is this text L?") knows one label; a choice
 * answer knows the options shown. An exclusive classifier learns from examples with exactly one label; a multi-label
 * classifier trains one binary model per label, and each learns only from the examples that know its label.
 *
 * @param text         the text, never null
 * @param labels       the labels the text has; copied, sorted
 * @param rejected     labels the text is known not to have; copied, sorted; empty when {@code complete}
 * @param complete     every label not in {@code labels} is known to be absent
 * @param entityLabels one entry per entity found (repeats allowed); copied
 */
public record TextcatExample(String text, Set<String> labels, Set<String> rejected, boolean complete,
                             List<String> entityLabels) {

    public TextcatExample {
        Objects.requireNonNull(text, "text");
        labels = sortedCopy(labels, "labels");
        rejected = sortedCopy(rejected, "rejected");
        Set<String> both = new HashSet<>(labels);
        both.retainAll(rejected);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a label cannot be both accepted and rejected, got " + new TreeSet<>(both));
        }
        if (complete && !rejected.isEmpty()) {
            throw new IllegalArgumentException("a complete example has no rejected labels (every other label is), got "
                    + rejected);
        }
        entityLabels = List.copyOf(entityLabels);
    }

    private static Set<String> sortedCopy(Set<String> labels, String name) {
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(name + " must be non-blank, got "
                        + (label == null ? "null" : "\"" + label + "\""));
            }
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(labels));
    }

    /** A text with one label of an exclusive set (complete), or with {@code label} null a text to classify. */
    public TextcatExample(String text, String label, List<String> entityLabels) {
        this(text, label == null ? Set.of() : Set.of(check(label)), Set.of(), label != null, entityLabels);
    }

    public TextcatExample(String text, String label) {
        this(text, label, List.of());
    }

    private static String check(String label) {
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must be non-blank or null, got \"" + label + "\"");
        }
        return label;
    }

    /** Gold data with every label known: the text has exactly {@code labels} (possibly none). */
    public static TextcatExample of(String text, Set<String> labels) {
        return new TextcatExample(text, labels, Set.of(), true, List.of());
    }

    /** A binary answer "accept": the text is {@code label}; nothing is known about other labels. */
    public static TextcatExample accepted(String text, String label) {
        return new TextcatExample(text, Set.of(label), Set.of(), false, List.of());
    }

    /** A binary answer "reject": the text is not {@code label}; nothing is known about other labels. */
    public static TextcatExample rejected(String text, String label) {
        return new TextcatExample(text, Set.of(), Set.of(label), false, List.of());
    }

    /**
     * A choice answer: the text has the {@code accepted} options and none of the other {@code options}; labels not
     * among the options are unknown.
     *
     * @throws IllegalArgumentException if an accepted label is not among the options
     */
    public static TextcatExample choice(String text, Set<String> accepted, Set<String> options) {
        if (!options.containsAll(accepted)) {
            Set<String> extra = new TreeSet<>(accepted);
            extra.removeAll(options);
            throw new IllegalArgumentException("accepted labels must be among the options " + new TreeSet<>(options)
                    + ", got " + extra);
        }
        Set<String> rejected = new HashSet<>(options);
        rejected.removeAll(accepted);
        return new TextcatExample(text, accepted, rejected, false, List.of());
    }

    /** A copy with the labels of the entities found in the text. */
    public TextcatExample withEntityLabels(List<String> entityLabels) {
        return new TextcatExample(text, labels, rejected, complete, entityLabels);
    }

    /** The only label when there is exactly one, else null (for a text to classify, or several labels). */
    public String label() {
        return labels.size() == 1 ? labels.iterator().next() : null;
    }

    /** {@code TRUE} if the text has the label, {@code FALSE} if it is known not to, null if unknown. */
    public Boolean has(String label) {
        if (labels.contains(label)) {
            return Boolean.TRUE;
        }
        return complete || rejected.contains(label) ? Boolean.FALSE : null;
    }
}
