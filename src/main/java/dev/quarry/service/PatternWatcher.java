package dev.quarry.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that asks the {@link PatternReloader} to check the files whenever the file system reports a change
 * in the watched directory, and at least every poll interval anyway: a {@link WatchService} can miss events (network
 * and container file systems, subdirectories, overflow), the size-and-mtime check cannot.
 */
final class PatternWatcher implements AutoCloseable {

    private final PatternReloader reloader;
    private final Duration pollInterval;
    private final Duration debounce;
    private final PrintWriter log;
    private final WatchService watch;
    private final Thread thread;

    PatternWatcher(PatternReloader reloader, Duration pollInterval, Duration debounce, PrintWriter log) {
        this.reloader = reloader;
        this.pollInterval = pollInterval;
        this.debounce = debounce;
        this.log = log;
        this.watch = register(reloader.path());
        this.thread = Thread.ofPlatform().name("quarry-pattern-watcher").daemon().unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    private WatchService register(Path patterns) {
        Path directory = Files.isDirectory(patterns) ? patterns : patterns.toAbsolutePath().getParent();
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            log.println("quarry: warning: cannot watch " + directory + " (" + e.getMessage()
                    + "); checking the pattern files every " + pollInterval.toMillis() + " ms instead");
            return null;
        }
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                awaitChangeOrTimeout();
                reloader.checkNow(debounce.toMillis());
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.println("quarry: pattern watcher stopped, patterns will no longer reload: " + e);
        }
    }

    private void awaitChangeOrTimeout() throws InterruptedException {
        if (watch == null) {
            Thread.sleep(pollInterval.toMillis());
            return;
        }
        WatchKey key = watch.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = watch.poll();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            if (watch != null) {
                watch.close();
            }
            thread.join(5_000);
        } catch (IOException e) {
            log.println("quarry: warning: closing the file watcher: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
