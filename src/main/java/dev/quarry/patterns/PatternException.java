package dev.quarry.patterns;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pattern content that cannot be loaded. {@link #getMessage()} lists every problem, one per line, in the form of
 * {@link Problem#toString()}; {@link #problems()} gives them as values.
 */
public final class PatternException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public PatternException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PatternException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, errors and warnings, in file and line order, capped as the reader caps them. */
    public List<Problem> problems() {
        return problems;
    }
}
