package dev.quarry.cli;

import dev.quarry.terms.Answer;
import dev.quarry.terms.Candidate;
import dev.quarry.terms.InvalidSessionStateException;
import dev.quarry.terms.SessionState;
import dev.quarry.terms.TermEntry;
import dev.quarry.terms.TermExpander;
import dev.quarry.terms.TermSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The interactive review loop of {@code quarry terms --interactive}. Input is line-buffered: each key is followed by
 * Enter (raw single-key input needs a terminal library, which Quarry does not take on); only the first character of a
 * line counts. End of input saves and quits like {@code q}. The state file is rewritten (atomically) after every
 * answer, so an interrupted run loses nothing.
 */
final class TermsReview {

    private static final String HELP = "a = accept, r = reject, s = skip, u = undo, q = save and quit";

    private final TermExpander expander;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;

    TermsReview(TermExpander expander, InputStream in, PrintWriter out, PrintWriter err) {
        this.expander = expander;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the loop; returns the terms of the list (seeds and accepted) when the user quits or nothing is left. */
    List<TermEntry> run(Path statePath, String label, List<String> seeds, double threshold) throws IOException {
        TermSession session = open(statePath, label, seeds, threshold);
        try (KeyInput keys = KeyInput.open(in)) {
            out.println(HELP + (keys.needsEnter() ? " (then Enter)" : ""));
            while (true) {
                Optional<Candidate> current = session.current();
                if (current.isEmpty()) {
                    out.println("no more candidates above the threshold");
                    break;
                }
                show(session, current.get());
                int key = keys.next();
                if (!keys.needsEnter() && key >= 0) {
                    out.println((char) key);
                }
                if (!answer(session, key)) {
                    break;
                }
                save(session.state(), statePath);
            }
        }
        save(session.state(), statePath);
        out.printf(Locale.ROOT, "saved the session to %s: %d accepted, %d rejected, %d skipped%n", statePath,
                session.accepted().size(), session.rejected().size(), session.skipped().size());
        out.flush();
        return session.terms();
    }

    /** Applies one key ({@link KeyInput#next}); false to stop. */
    private boolean answer(TermSession session, int key) {
        if (key < 0) {
            return false;
        }
        switch (key) {
            case 'a' -> session.answer(Answer.ACCEPT);
            case 'r' -> session.answer(Answer.REJECT);
            case 's' -> session.answer(Answer.SKIP);
            case 'u' -> undo(session);
            case 'q' -> {
                return false;
            }
            default -> out.println(HELP);
        }
        return true;
    }

    private void undo(TermSession session) {
        Optional<SessionState.Answered> last = session.lastAnswer();
        if (session.undo()) {
            out.println("undid: " + last.get().answer().jsonName() + " \"" + last.get().entry().term() + "\"");
        } else {
            out.println("nothing to undo");
        }
    }

    private void show(TermSession session, Candidate c) {
        out.println();
        out.printf(Locale.ROOT, "[%s: %d accepted, %d rejected, %d skipped]%n", session.label(),
                session.accepted().size(), session.rejected().size(), session.skipped().size());
        out.printf(Locale.ROOT, "  %s   score %.3f%s%n", c.term(), c.score(),
                c.frequency() >= 0 ? String.format(Locale.ROOT, "   frequency %,d", c.frequency()) : "");
        if (!c.variants().isEmpty()) {
            out.println("  variants: " + String.join(", ", c.variants()));
        }
        expander.example(c.entry()).ifPresent(e -> out.println("  example: " + e));
        out.print("a/r/s/u/q? ");
        out.flush();
    }

    private TermSession open(Path statePath, String label, List<String> seeds, double threshold) {
        if (!Files.exists(statePath)) {
            TermsCommand.checkSeeds(expander, seeds, "seeds", err);
            return TermSession.start(expander, label, seeds, threshold);
        }
        SessionState state = read(statePath);
        if (!state.label().equals(label)) {
            throw UserException.invalidInput(statePath + ": the session is for label \"" + state.label()
                    + "\", not \"" + label + "\" (use another --state)");
        }
        if (!state.seeds().equals(seeds)) {
            err.println("quarry: warning: " + statePath + " was started with other seeds; resuming with its seeds");
        }
        TermsCommand.checkSeeds(expander, state.seeds(), statePath.toString(), err);
        out.printf(Locale.ROOT, "resuming %s: %d answers so far%n", statePath, state.answers().size());
        return TermSession.resume(expander, state, threshold);
    }

    private static SessionState read(Path statePath) {
        try {
            return SessionState.fromJson(Files.readString(statePath, StandardCharsets.UTF_8));
        } catch (InvalidSessionStateException e) {
            throw UserException.invalidInput(statePath + ": not a terms session state: " + e.getMessage()
                    + "; the file was left as it is (use another --state, or delete it to start over)");
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, statePath + ": cannot read: " + Main.describe(e));
        }
    }

    /** Writes the state to a temporary file beside {@code file}, then moves it into place. */
    private static void save(SessionState state, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".tmp");
        try {
            Files.writeString(temp, state.toJson() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
