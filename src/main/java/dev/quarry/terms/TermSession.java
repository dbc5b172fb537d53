package dev.quarry.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An accept/reject review of suggested terms. The session shows one {@link #current() candidate} at a time; every
 * {@link #answer answer} and every {@link #undo() undo} re-ranks with the new accepted and rejected terms, so the next
 * candidate reflects everything said so far. Accepted terms join the seeds in the query; rejected ones push similar
 * terms down (see {@link TermExpander}); skipped ones are not shown again.
 *
 * <p>{@link #state()} captures the session for {@link #resume}; the caller decides where to store it. Not thread-safe.
 */
public final class TermSession {

    private final TermExpander expander;
    private final String label;
    private final List<String> seeds;
    private final List<TermEntry> seedEntries;
    private final double threshold;
    private final List<SessionState.Answered> answers = new ArrayList<>();
    private Candidate current;

    private TermSession(TermExpander expander, String label, List<String> seeds, double threshold) {
        this.expander = Objects.requireNonNull(expander, "expander");
        this.label = label;
        this.seeds = List.copyOf(seeds);
        this.threshold = threshold;
        SeedCheck check = expander.checkSeeds(seeds);
        if (check.found().isEmpty()) {
            throw new IllegalArgumentException("none of the " + seeds.size() + " seeds has a vector: "
                    + String.join(", ", check.missing()));
        }
        this.seedEntries = check.found();
    }

    /**
     * A new session.
     *
     * @param threshold candidates scoring below this are not shown
     * @throws IllegalArgumentException if no seed has a vector
     */
    public static TermSession start(TermExpander expander, String label, List<String> seeds, double threshold) {
        TermSession session = new TermSession(expander, label, seeds, threshold);
        session.rerank();
        return session;
    }

    /** A session that continues from a saved state, with the state's label, seeds and answers. */
    public static TermSession resume(TermExpander expander, SessionState state, double threshold) {
        TermSession session = new TermSession(expander, state.label(), state.seeds(), threshold);
        session.answers.addAll(state.answers());
        session.rerank();
        return session;
    }

    /** The candidate to answer next, or empty when none is left above the threshold. */
    public Optional<Candidate> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Records an answer about the current candidate and re-ranks.
     *
     * @throws IllegalStateException if there is no current candidate
     */
    public void answer(Answer answer) {
        if (current == null) {
            throw new IllegalStateException("no candidate left to answer");
        }
        answers.add(new SessionState.Answered(Objects.requireNonNull(answer, "answer"), current.entry()));
        rerank();
    }

    /** Takes back the last answer (its term becomes a candidate again); false if there was none. */
    public boolean undo() {
        if (answers.isEmpty()) {
            return false;
        }
        answers.remove(answers.size() - 1);
        rerank();
        return true;
    }

    /** The last answer, if any. */
    public Optional<SessionState.Answered> lastAnswer() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
    }

    public String label() {
        return label;
    }

    /** The terms of the list so far: every seed (with or without a vector), then the accepted terms in order. */
    public List<TermEntry> terms() {
        List<TermEntry> terms = new ArrayList<>();
        for (String seed : seeds) {
            String term = String.join(" ", seed.strip().split("\\s+"));
            if (!term.isEmpty()) {
                terms.add(seedEntries.stream().filter(e -> e.term().equals(term)).findFirst()
                        .orElse(TermEntry.of(term)));
            }
        }
        terms.addAll(entries(Answer.ACCEPT));
        return terms;
    }

    /** Terms accepted in this session (not the seeds), oldest first. */
    public List<TermEntry> accepted() {
        return entries(Answer.ACCEPT);
    }

    public List<TermEntry> rejected() {
        return entries(Answer.REJECT);
    }

    public List<TermEntry> skipped() {
        return entries(Answer.SKIP);
    }

    /** A snapshot for {@link #resume}. */
    public SessionState state() {
        return new SessionState(label, seeds, answers);
    }

    private List<TermEntry> entries(Answer kind) {
        return answers.stream().filter(a -> a.answer() == kind).map(SessionState.Answered::entry).toList();
    }

    private void rerank() {
        List<TermEntry> query = new ArrayList<>(seedEntries);
        query.addAll(accepted());
        List<String> excluded = new ArrayList<>();
        skipped().forEach(e -> excluded.addAll(e.forms()));
        List<Candidate> top = expander.rank(query, rejected(), excluded, 1, threshold);
        current = top.isEmpty() ? null : top.get(0);
    }
}
