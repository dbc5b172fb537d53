package dev.quarry.training;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of gold label (row) against predicted label (column) for an exclusive classifier.
 *
 * @param labels the labels, in row and column order; copied
 * @param counts {@code counts[gold][predicted]}, a square matrix of size {@code labels.size()}; copied
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + counts.length + " rows");
        }
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns, need "
                        + labels.size());
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /**
     * Counts pairs of gold and predicted labels.
     *
     * @param labels every label that may occur, in the order wanted
     * @throws IllegalArgumentException if the lists differ in length or hold a label not in {@code labels}
     */
    public static ConfusionMatrix of(List<String> labels, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predicted.size() + " predictions");
        }
        long[][] counts = new long[labels.size()][labels.size()];
        for (int i = 0; i < gold.size(); i++) {
            counts[index(labels, gold.get(i))][index(labels, predicted.get(i))]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    private static int index(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label \"" + label + "\" is not one of " + labels);
        }
        return i;
    }

    /** A copy of the counts, {@code [gold][predicted]}. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Texts of gold label {@code gold} predicted as {@code predicted}. */
    public long count(String gold, String predicted) {
        return counts[index(labels, gold)][index(labels, predicted)];
    }

    /** {@code {"labels": [...], "counts": [[...], ...]}}, rows gold, columns predicted. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        labels.forEach(json.putArray("labels")::add);
        var rows = json.putArray("counts");
        for (long[] row : counts) {
            var array = rows.addArray();
            for (long c : row) {
                array.add(c);
            }
        }
        return json;
    }

    /** Rows gold, columns predicted (numbered; the key lists the numbers' labels). */
    public String table() {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-4s %-26s", "", "gold \\ predicted"));
        for (int j = 0; j < labels.size(); j++) {
            head.append(String.format(Locale.ROOT, " %5d", j + 1));
        }
        lines.add(head.toString());
        for (int i = 0; i < labels.size(); i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-4d %-26s", i + 1,
                    abbreviate(labels.get(i))));
            for (long c : counts[i]) {
                line.append(String.format(Locale.ROOT, " %5d", c));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private static String abbreviate(String label) {
        return label.length() <= 26 ? label : label.substring(0, 25) + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && java.util.Arrays.deepEquals(counts,
                m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + java.util.Arrays.deepToString(counts);
    }
}
