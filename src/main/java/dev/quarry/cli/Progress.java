package dev.quarry.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress report on standard error, redrawn at most four times a second, shown only when standard error
 * is a terminal (the launcher passes {@code -Dquarry.stderr.tty}); silent when piped or redirected.
 */
final class Progress implements AutoCloseable {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final String what;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos = startNanos;
    private long count;
    private long bytes;
    private boolean drawn;

    Progress(PrintWriter err, String what) {
        this(err, what, Boolean.getBoolean("quarry.stderr.tty"));
    }

    Progress(PrintWriter err, String what, boolean enabled) {
        this.err = err;
        this.what = what;
        this.enabled = enabled;
    }

    void add(long items, long itemBytes) {
        count += items;
        bytes += itemBytes;
        if (enabled) {
            long now = System.nanoTime();
            if (now - lastDrawNanos >= INTERVAL_NANOS) {
                lastDrawNanos = now;
                draw(now);
            }
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        err.print(String.format(Locale.ROOT, "\r%,d %s, %.1f MB, %.1f MB/s   ", count, what, bytes / 1e6,
                bytes / 1e6 / seconds));
        err.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
