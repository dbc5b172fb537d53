package dev.quarry.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermSessionTest {

    private final TermExpander expander = TermExpander.create(TinyTable.vectors(), ExpansionSettings.defaults());

    private TermSession start() {
        return TermSession.start(expander, "FRUIT", List.of("apple", "pear"), -1);
    }

    private static String current(TermSession session) {
        return session.current().orElseThrow().term();
    }

    @Test
    void firstCandidateIsTheBestAndAcceptingAddsItToTheTerms() {
        TermSession session = start();
        assertEquals("plum", current(session));
        session.answer(Answer.ACCEPT);
        assertEquals(List.of("apple", "pear", "plum"), session.terms().stream().map(TermEntry::term).toList());
        assertEquals(List.of(new TermEntry("plum", List.of("plums"))), session.accepted());
        assertEquals("cherry", current(session));
    }

    @Test
    void rejectingReRanksSoThatTermsLikeTheRejectedOneComeLast() {
        TermSession session = start();
        session.answer(Answer.SKIP);
        session.answer(Answer.SKIP);
        session.answer(Answer.SKIP);
        session.answer(Answer.SKIP);
        session.answer(Answer.SKIP);
        assertEquals("red", current(session));
        session.answer(Answer.REJECT);
        assertEquals("car", current(session), "crimson went below car when red was rejected");
    }

    @Test
    void skippedTermsAreNotShownAgainAndUndoBringsTheLastOneBack() {
        TermSession session = start();
        session.answer(Answer.SKIP);
        assertEquals("cherry", current(session));
        assertEquals(List.of(TermEntry.of("plum").term()), session.skipped().stream().map(TermEntry::term).toList());
        assertTrue(session.undo());
        assertEquals("plum", current(session));
        assertTrue(session.skipped().isEmpty());
        assertFalse(session.undo(), "nothing left to undo");
    }

    @Test
    void whenEverythingIsAnsweredThereIsNoCurrentCandidate() {
        TermSession session = start();
        while (session.current().isPresent()) {
            session.answer(Answer.REJECT);
        }
        assertEquals(8, session.rejected().size());
        assertThrows(IllegalStateException.class, () -> session.answer(Answer.ACCEPT));
    }

    @Test
    void aSavedStateResumesWhereTheSessionStopped() throws InvalidSessionStateException {
        TermSession session = start();
        session.answer(Answer.ACCEPT);
        session.answer(Answer.REJECT);
        String skipped = current(session);
        session.answer(Answer.SKIP);
        String json = session.state().toJson();
        TermSession resumed = TermSession.resume(expander, SessionState.fromJson(json), -1);
        assertEquals(session.state(), resumed.state());
        assertEquals(current(session), current(resumed));
        assertEquals(session.terms(), resumed.terms());
        assertTrue(resumed.undo());
        assertEquals(skipped, current(resumed), "the skipped term is back after undo");
    }

    @Test
    void startingWithoutAnySeedVectorIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TermSession.start(expander, "FRUIT", List.of("durian", "rambutan"), 0));
        assertEquals("none of the 2 seeds has a vector: durian, rambutan", e.getMessage());
    }

    @Test
    void seedsWithoutVectorsStayInTheTermList() {
        TermSession session = TermSession.start(expander, "FRUIT", List.of("apple", "durian"), -1);
        assertEquals(List.of("apple", "durian"), session.terms().stream().map(TermEntry::term).toList());
    }
}
