package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.streams.Answer;
import org.junit.jupiter.api.Test;

/** The answer's shape per kind and mode, "no, it is L" (ner binary) above all. */
class AnswerRequestTest {

    private static final AnnotateOptions.Kind NER = AnnotateOptions.Kind.NER;
    private static final AnnotateOptions.Kind TEXTCAT = AnnotateOptions.Kind.TEXTCAT;
    private static final AnnotateOptions.Mode BINARY = AnnotateOptions.Mode.BINARY;

    private static JsonNode body(String answer, String extra) throws Exception {
        return RunningService.JSON.readTree("{\"session\": \"alice\", \"task_id\": 7, \"answer\": \"" + answer + "\""
                + (extra.isEmpty() ? "" : ", " + extra) + "}");
    }

    private static void assertRefused(ErrorCode code, String message, JsonNode body, AnnotateOptions.Kind kind,
                                      AnnotateOptions.Mode mode) {
        ApiException e = assertThrows(ApiException.class, () -> AnswerRequest.parse(body, kind, mode));
        assertEquals(message, e.getMessage());
        assertEquals(code, e.code());
    }

    @Test
    void aNerBinaryAcceptMayNameTheLabelTheTokensAre() throws Exception {
        AnswerRequest request = AnswerRequest.parse(body("accept", "\"label\": \"ORG\""), NER, BINARY);
        assertEquals(Answer.ACCEPT, request.answer());
        assertEquals(7, request.taskId());
        assertEquals("ORG", request.label());
        assertNull(AnswerRequest.parse(body("accept", ""), NER, BINARY).label());
        assertNull(AnswerRequest.parse(body("reject", ""), NER, BINARY).label());
    }

    @Test
    void aLabelGoesWithAnAcceptOnly() throws Exception {
        assertRefused(ErrorCode.INVALID_VALUE, "\"label\" (the label the highlighted tokens are) goes with "
                + "\"answer\": \"accept\" only, got \"answer\": \"reject\"", body("reject", "\"label\": \"ORG\""),
                NER, BINARY);
        assertRefused(ErrorCode.INVALID_VALUE, "\"label\" (the label the highlighted tokens are) goes with "
                + "\"answer\": \"accept\" only, got \"answer\": \"ignore\"", body("ignore", "\"label\": \"ORG\""),
                NER, BINARY);
    }

    @Test
    void aLabelThatIsNotAStringIsTheWrongType() throws Exception {
        assertRefused(ErrorCode.WRONG_TYPE, "\"label\" must be a string, got number 2", body("accept",
                "\"label\": 2"), NER, BINARY);
        assertRefused(ErrorCode.WRONG_TYPE, "\"label\" must be a string, got null", body("accept",
                "\"label\": null"), NER, BINARY);
        assertRefused(ErrorCode.WRONG_TYPE, "\"label\" must be a string, got an array", body("reject",
                "\"label\": [\"ORG\"]"), NER, BINARY);
    }

    @Test
    void aLabelIsAnUnknownFieldOutsideNerBinary() throws Exception {
        JsonNode relabel = body("accept", "\"label\": \"ORG\"");
        assertRefused(ErrorCode.UNKNOWN_FIELD, "unknown field \"label\"; expected \"session\", \"task_id\", "
                + "\"answer\"", relabel, TEXTCAT, BINARY);
        assertRefused(ErrorCode.UNKNOWN_FIELD, "unknown field \"label\"; expected \"session\", \"task_id\", "
                + "\"answer\" and, in manual mode, \"spans\"", relabel, NER, AnnotateOptions.Mode.MANUAL);
        assertRefused(ErrorCode.UNKNOWN_FIELD, "unknown field \"label\"; expected \"session\", \"task_id\", "
                + "\"answer\" and, in choice mode, \"accept\"", relabel, TEXTCAT, AnnotateOptions.Mode.CHOICE);
    }

    @Test
    void nerBinaryNamesTheLabelAmongTheFieldsItTakes() throws Exception {
        assertRefused(ErrorCode.UNKNOWN_FIELD, "unknown field \"spans\"; expected \"session\", \"task_id\", "
                + "\"answer\" and, in ner binary mode, \"label\"", body("accept", "\"spans\": []"), NER, BINARY);
    }
}
