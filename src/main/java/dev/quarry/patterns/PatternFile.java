package dev.quarry.patterns;

import java.util.List;
import java.util.Objects;

/**
 * One parsed pattern file.
 *
 * @param file       the file as the caller named it
 * @param phraseAttr the attribute of the file's {@code {"phrase_matcher_attr": ...}} line, or null if it has none
 * @param patterns   the patterns of the lines that parsed, in line order; lines with errors are left out
 * @param problems   the errors found, in line order, capped (see {@link PatternReader})
 */
public record PatternFile(String file, Attr phraseAttr, List<Pattern> patterns, List<Problem> problems) {

    public PatternFile {
        Objects.requireNonNull(file, "file");
        patterns = List.copyOf(patterns);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
