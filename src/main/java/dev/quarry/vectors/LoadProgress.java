package dev.quarry.vectors;

/**
 * Told how far a loader has got, so a command line can draw a progress bar. Called on the loading thread, at most about
 * once per megabyte read and once at the end with {@code bytesRead == totalBytes}. The library never prints.
 */
@FunctionalInterface
public interface LoadProgress {

    /** A progress callback that ignores every report. */
    LoadProgress NONE = (bytesRead, totalBytes) -> { };

    /**
     * @param bytesRead  bytes of the file consumed so far
     * @param totalBytes the file's size in bytes
     */
    void update(long bytesRead, long totalBytes);
}
