package dev.quarry.matching;

import java.io.IOException;
import java.nio.file.Path;

/** The file format of {@link Matcher#save}. */
final class MatcherFile {

    private MatcherFile() {
    }

    static void write(Matcher matcher, Path file) throws IOException {
        throw new IOException(file + ": saving a matcher is not implemented yet");
    }

    static Matcher read(Path file) throws IOException {
        throw new IOException(file + ": opening a matcher is not implemented yet");
    }
}
