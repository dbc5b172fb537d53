package dev.quarry.service;

import dev.quarry.matching.MatchOptions;
import dev.quarry.matching.Matcher;
import dev.quarry.patterns.PatternException;
import dev.quarry.patterns.PatternFiles;
import dev.quarry.patterns.PatternSet;
import dev.quarry.patterns.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pattern set being served, and its replacement when the files change: a new set is loaded and compiled in full
 * off to the side, then published with one volatile write, so a request sees either the old set or the new one,
 * whole. A set with errors is not published; the old one keeps serving and the errors are kept for
 * {@code /v1/health} and printed on the log.
 *
 * <p>{@link #current()} and {@link #lastAttempt()} are safe from any thread; {@link #checkNow()} is synchronized
 * (the watcher thread calls it, tests may too).
 */
final class PatternReloader {
    /* Change detection compares a Fingerprint (path, size, mtime of every file) with the one of the last attempt.
       A set is published only if the fingerprint taken before loading equals the one taken after compiling, so a
       file rewritten while it was being read never gets served half-read; the next check loads it again. */

    /** A published set: the matcher and what /v1/health says about it. Immutable. */
    record Loaded(Matcher matcher, String version, List<String> files, int count, Instant loadedAt) {
        Loaded {
            files = List.copyOf(files);
        }
    }

    /** The outcome of the latest load attempt; errors are empty when it succeeded. */
    record Attempt(Instant at, boolean ok, List<String> errors) {
        Attempt {
            errors = List.copyOf(errors);
        }
    }

    private final Path path;
    private final MatchOptions options;
    private final Clock clock;
    private final PrintWriter log;
    private final AtomicLong reloadsOk = new AtomicLong();
    private final AtomicLong reloadsFailed = new AtomicLong();
    private volatile Loaded current;
    private volatile Attempt lastAttempt;
    private Fingerprint attempted;

    private PatternReloader(Path path, MatchOptions options, Clock clock, PrintWriter log) {
        this.path = path;
        this.options = options;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Loads the first set; unlike a reload, errors here throw, as there is no older set to keep serving. A null
     * {@code path} gives an empty set that never changes (do not watch it), as {@link #fixed} does.
     *
     * @throws IOException      if the path does not exist or cannot be read
     * @throws PatternException if a pattern file has errors
     */
    static PatternReloader load(Path path, MatchOptions options, Clock clock, PrintWriter log)
            throws IOException, PatternException {
        if (path == null) {
            return fixed(Matcher.compile(List.of(), options), List.of(), clock, log);
        }
        PatternReloader reloader = new PatternReloader(path, options, clock, log);
        Fingerprint before = Fingerprint.of(path);
        reloader.current = reloader.compile(PatternFiles.load(path));
        reloader.lastAttempt = new Attempt(reloader.current.loadedAt(), true, List.of());
        reloader.attempted = before;
        return reloader;
    }

    /**
     * A set that never changes (do not watch it): {@code matcher}, from {@code files} (a model package's
     * patterns.jsonl; none for an empty set, whose version is {@code none}).
     *
     * @throws IOException if a file cannot be read for its version
     */
    static PatternReloader fixed(Matcher matcher, List<Path> files, Clock clock, PrintWriter log) throws IOException {
        return fixed(matcher, files.isEmpty() ? "none" : ContentHash.of(files),
                files.stream().map(Path::toString).toList(), clock, log);
    }

    /** A set that never changes, as {@link #fixed(Matcher, List, Clock, PrintWriter)}, with its version and names given. */
    static PatternReloader fixed(Matcher matcher, String version, List<String> names, Clock clock, PrintWriter log) {
        PatternReloader reloader = new PatternReloader(null, matcher.options(), clock, log);
        reloader.current = new Loaded(matcher, version, names, matcher.size(), clock.instant());
        reloader.lastAttempt = new Attempt(reloader.current.loadedAt(), true, List.of());
        return reloader;
    }

    Loaded current() {
        return current;
    }

    Attempt lastAttempt() {
        return lastAttempt;
    }

    long reloadsOk() {
        return reloadsOk.get();
    }

    long reloadsFailed() {
        return reloadsFailed.get();
    }

    Path path() {
        return path;
    }

    /**
     * Loads the files again if they changed since the last attempt and have then stayed unchanged for
     * {@code debounceMillis}; returns whether an attempt was made. Never throws for bad files.
     *
     * @throws InterruptedException if interrupted while waiting out the debounce
     */
    synchronized boolean checkNow(long debounceMillis) throws InterruptedException {
        Fingerprint seen = Fingerprint.of(path);
        while (!seen.equals(attempted)) {
            Thread.sleep(debounceMillis);
            Fingerprint again = Fingerprint.of(path);
            if (again.equals(seen)) {
                return attempt(seen);
            }
            seen = again;
        }
        return false;
    }

    private boolean attempt(Fingerprint seen) {
        try {
            Loaded loaded = compile(PatternFiles.load(path));
            if (!Fingerprint.of(path).equals(seen)) {
                return false;
            }
            current = loaded;
            succeeded(loaded);
        } catch (PatternException e) {
            failed(e.problems().stream().map(Problem::toString).toList());
        } catch (IOException | UncheckedIOException e) {
            failed(List.of(path + ": " + e.getMessage()));
        }
        attempted = seen;
        return true;
    }

    private Loaded compile(PatternSet set) throws IOException {
        Matcher matcher = Matcher.compile(set.patterns(), options);
        List<String> files = set.files().stream().map(Path::toString).toList();
        return new Loaded(matcher, ContentHash.of(set.files()), files, matcher.size(), clock.instant());
    }

    private void succeeded(Loaded loaded) {
        reloadsOk.incrementAndGet();
        lastAttempt = new Attempt(loaded.loadedAt(), true, List.of());
        log.println("quarry: reloaded " + loaded.count() + " patterns from " + path + " (version "
                + loaded.version() + ")");
    }

    private void failed(List<String> errors) {
        reloadsFailed.incrementAndGet();
        lastAttempt = new Attempt(clock.instant(), false, errors);
        log.println("quarry: pattern files changed but have errors; still serving version " + current.version()
                + ":");
        errors.forEach(error -> log.println("  " + error));
    }
}
