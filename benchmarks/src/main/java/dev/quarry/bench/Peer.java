package dev.quarry.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One thing measured: a phrase matcher built from phrases, or a tokenizer floor that ignores them.
 *
 * <p>Phrases are lowercase, their tokens separated by single spaces, each token letters or digits only, so that every
 * peer's tokenizer splits them alike. Every peer matches case-insensitively (Quarry's {@code LOWER} attribute).
 */
interface Peer extends AutoCloseable {

    /** Builds the matcher. Called once, timed, before any {@link #scanner()}. */
    void compile(List<Phrase> phrases) throws IOException;

    /**
     * A scanner for one thread. Peers that are thread-safe return one shared scanner over one matcher; the others a
     * new scanner per call (documented per peer in {@link #threading()}).
     */
    Scanner scanner() throws IOException;

    /** Called before a corpus is timed, untimed: a peer may precompute per-document work it does not want timed. */
    default void prepare(Corpus corpus) {
    }

    /** How threads share the peer, for the report. */
    String threading();

    /** Whether {@link Scanner#scan} counts tokens (a tokenizer floor) rather than matches. */
    default boolean countsTokens() {
        return false;
    }

    /** Saves and reopens the compiled matcher; {@code null} if the peer has no persistent form. */
    default SaveOpen saveAndOpen(Path file) throws IOException {
        return null;
    }

    @Override
    default void close() throws IOException {
    }

    /** Matches (or tokens) in one document. */
    @FunctionalInterface
    interface Scanner {
        long scan(String text) throws IOException;
    }

    /** Milliseconds to save, milliseconds to reopen, and the file size. */
    record SaveOpen(double saveMillis, double openMillis, long bytes) {
    }

    /** One pattern: its label and its phrase. */
    record Phrase(String label, String text) {
        String[] words() {
            return text.split(" ");
        }
    }
}
