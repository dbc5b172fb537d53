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

    void addAll(List<Problem> problems) {
        problems.forEach(this::add);
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

    /** Problems of several files in one capped list, ordered by file (in {@code fileOrder}), line and column. */
    static List<Problem> merge(List<String> fileOrder, List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> rank(fileOrder, p.file()))
                .thenComparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(Problem::column));
        Problems capped = new Problems();
        capped.addAll(sorted);
        return capped.list();
    }

    private static int rank(List<String> fileOrder, String file) {
        int index = fileOrder.indexOf(file);
        return index < 0 ? fileOrder.size() : index;
    }
}
