package dev.quarry.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers typed one key at a time. On a terminal (the launcher passes {@code -Dquarry.stdin.tty=true}) the terminal is
 * switched to non-canonical, no-echo mode with {@code stty} on {@code /dev/tty}, so a key counts without Enter, and
 * restored on {@link #close()} and at exit. Elsewhere (a pipe, a test) each line gives its first non-blank char.
 */
abstract class KeyInput implements AutoCloseable {

    /** The next key, lower-cased; {@code ' '} for a blank line; -1 at the end of input. */
    abstract int next() throws IOException;

    /** Whether each key must be followed by Enter. */
    abstract boolean needsEnter();

    @Override
    public void close() {
    }

    static KeyInput open(InputStream in) {
        if (Boolean.getBoolean("quarry.stdin.tty")) {
            KeyInput terminal = Terminal.open(in);
            if (terminal != null) {
                return terminal;
            }
        }
        return new Lines(in);
    }

    /** One key per line: the line's first non-blank char. */
    static final class Lines extends KeyInput {
        private final BufferedReader in;

        Lines(InputStream in) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        @Override
        int next() throws IOException {
            String line = in.readLine();
            if (line == null) {
                return -1;
            }
            String key = line.strip().toLowerCase(Locale.ROOT);
            return key.isEmpty() ? ' ' : key.charAt(0);
        }

        @Override
        boolean needsEnter() {
            return true;
        }
    }

    /** Single keys from a terminal in non-canonical mode. */
    static final class Terminal extends KeyInput {
        private final InputStream in;
        private final String saved;
        private final Thread restoreAtExit;

        private Terminal(InputStream in, String saved) {
            this.in = in;
            this.saved = saved;
            this.restoreAtExit = new Thread(() -> stty(saved));
            Runtime.getRuntime().addShutdownHook(restoreAtExit);
        }

        /** The terminal in single-key mode, or null if {@code stty} cannot do it (then lines are read). */
        static Terminal open(InputStream in) {
            String saved = stty("-g");
            if (saved == null || saved.isBlank() || stty("-icanon -echo min 1") == null) {
                return null;
            }
            return new Terminal(in, saved.strip());
        }

        @Override
        int next() throws IOException {
            int c = in.read();
            if (c == 4) {
                return -1;
            }
            return c < 0 ? -1 : Character.toLowerCase((char) c);
        }

        @Override
        boolean needsEnter() {
            return false;
        }

        @Override
        public void close() {
            stty(saved);
            try {
                Runtime.getRuntime().removeShutdownHook(restoreAtExit);
            } catch (IllegalStateException e) {
                // the JVM is already exiting; the hook restores the terminal
            }
        }

        /** Runs {@code stty ARGS < /dev/tty}; its output, or null if it failed. */
        private static String stty(String args) {
            try {
                Process process = new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty")
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return process.waitFor() == 0 ? output : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
