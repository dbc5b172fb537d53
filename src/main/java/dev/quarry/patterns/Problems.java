package dev.quarry.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems up to {@link PatternReader#MAX_PROBLEMS}, then only counts them; {@link #list()} ends with one
 * "... and N more problems" entry when some were left out. Not thread-safe.
 */
final class Problems {

    private final List<Problem> kept = new ArrayList<>();
    private Problem firstDropped;
    private int dropped;
    private boolean droppedError;

    void add(Problem problem) {
        if (kept.size() < PatternReader.MAX_PROBLEMS) {
            kept.add(problem);
            return;
        }
        if (firstDropped == null) {
            firstDropped = problem;
        }
        dropped++;
        droppedError |= problem.isError();
    }

    boolean hasErrors() {
        return droppedError || kept.stream().anyMatch(Problem::isError);
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    List<Problem> list() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        List<Problem> out = new ArrayList<>(kept);
        out.add(new Problem(droppedError ? Problem.Severity.ERROR : Problem.Severity.WARNING, firstDropped.file(),
                0, 0, null, "... and " + dropped + " more problem" + (dropped == 1 ? "" : "s")));
        return List.copyOf(out);
    }

    /**
     * The problems of several collectors in one list, ordered by file (in {@code fileOrder}), line and column, and
     * capped again at {@link PatternReader#MAX_PROBLEMS}; what any collector only counted stays counted.
     */
    static List<Problem> merge(List<String> fileOrder, List<Problems> parts) {
        List<Problem> sorted = new ArrayList<>();
        Problems merged = new Problems();
        for (Problems part : parts) {
            sorted.addAll(part.kept);
            if (part.dropped > 0 && merged.firstDropped == null) {
                merged.firstDropped = part.firstDropped;
            }
            merged.dropped += part.dropped;
            merged.droppedError |= part.droppedError;
        }
        sorted.sort(Comparator.comparingInt((Problem p) -> rank(fileOrder, p.file()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        sorted.forEach(merged::add);
        return merged.list();
    }

    private static int rank(List<String> fileOrder, String file) {
        int index = fileOrder.indexOf(file);
        return index < 0 ? fileOrder.size() : index;
    }
}
