package dev.quarry.patterns;

import java.nio.file.Path;
import java.util.List;

/**
 * The patterns of one or more files, as {@link PatternFiles#load} returns them.
 *
 * @param patterns every pattern, file by file in the order of {@code files}, each file in line order
 * @param files    the files read, sorted by path
 */
public record PatternSet(List<Pattern> patterns, List<Path> files) {

    public PatternSet {
        patterns = List.copyOf(patterns);
        files = List.copyOf(files);
    }
}
