package dev.quarry.patterns;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link PatternFiles#check} found.
 *
 * @param files        the files checked, sorted by path
 * @param patternCount how many lines parsed into patterns
 * @param problems     errors and warnings, file by file in the order of {@code files}, then by line and column;
 *                     capped at {@value PatternReader#MAX_PROBLEMS} plus one "... and N more problems" entry
 */
public record CheckReport(List<Path> files, int patternCount, List<Problem> problems) {

    public CheckReport {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
