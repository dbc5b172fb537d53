package dev.quarry.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    private static String error(String json) {
        return assertThrows(InvalidSessionStateException.class, () -> SessionState.fromJson(json)).getMessage();
    }

    @Test
    void roundTripsThroughJson() throws InvalidSessionStateException {
        SessionState state = new SessionState("DISEASE", List.of("flu", "measles"), List.of(
                new SessionState.Answered(Answer.ACCEPT, new TermEntry("virus", List.of("viruses"))),
                new SessionState.Answered(Answer.SKIP, TermEntry.of("swine flu"))));
        assertEquals(state, SessionState.fromJson(state.toJson()));
        assertEquals("{\"quarry_terms_session\":1,\"label\":\"DISEASE\",\"seeds\":[\"flu\",\"measles\"],"
                + "\"answers\":[{\"answer\":\"accept\",\"term\":\"virus\",\"variants\":[\"viruses\"]},"
                + "{\"answer\":\"skip\",\"term\":\"swine flu\",\"variants\":[]}]}", state.toJson());
    }

    @Test
    void corruptStatesNameTheFieldAndTheValue() {
        assertEquals("not valid JSON: Unexpected end-of-input: expected close marker for Object (line 1, column 27)",
                error("{\"quarry_terms_session\": 1"));
        assertEquals("must be a JSON object, got nothing", error(""));
        assertEquals("must be a JSON object, got array [1]", error("[1]"));
        assertEquals("unknown key \"lable\"", error("{\"quarry_terms_session\":1,\"lable\":\"X\"}"));
        assertEquals("\"quarry_terms_session\" must be 1, got 2", error("{\"quarry_terms_session\":2}"));
        assertEquals("missing \"label\"", error("{\"quarry_terms_session\":1}"));
        assertEquals("\"answers[0].answer\" must be one of accept, reject, skip, got \"maybe\"",
                error("{\"quarry_terms_session\":1,\"label\":\"X\",\"seeds\":[],"
                        + "\"answers\":[{\"answer\":\"maybe\",\"term\":\"t\"}]}"));
        assertEquals("\"seeds[1]\" must be a string, got number 3",
                error("{\"quarry_terms_session\":1,\"label\":\"X\",\"seeds\":[\"a\",3],\"answers\":[]}"));
        assertEquals("unknown key \"answers[0].score\"", error("{\"quarry_terms_session\":1,\"label\":\"X\","
                + "\"seeds\":[],\"answers\":[{\"answer\":\"accept\",\"term\":\"t\",\"score\":1}]}"));
    }
}
