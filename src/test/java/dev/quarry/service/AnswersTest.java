package dev.quarry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example stored for a ner binary "no, it is L": the question kept, its span relabelled. */
class AnswersTest {

    private static final List<String> LABELS = List.of("DISEASE", "ORG", "PER");
    private static final AnnotateOptions BINARY = AnnotateOptions.of("news", Path.of("corpus.jsonl"),
            AnnotateOptions.Kind.NER, LABELS).withMode(AnnotateOptions.Mode.BINARY);
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String TEXT = "{\"text\": \"The WHO warned about flu.\", \"_input_hash\": 11, "
            + "\"_task_hash\": 22, \"spans\": [";
    /** A pattern's question: is "flu" a DISEASE? */
    private static final Task PATTERN_QUESTION = Task.parse(TEXT + "{\"start\": 21, \"end\": 24, \"token_start\": 4, "
            + "\"token_end\": 4, \"label\": \"DISEASE\", \"pattern_id\": \"flu\", \"source\": \"p.jsonl:1\", "
            + "\"origin\": \"pattern\"}]}");
    /** The model's question: is "WHO" a PER? */
    private static final Task MODEL_QUESTION = Task.parse(TEXT + "{\"start\": 4, \"end\": 7, \"token_start\": 1, "
            + "\"token_end\": 1, \"label\": \"PER\", \"origin\": \"model\", \"score\": 0.61}]}");

    private static Task stored(Task served, String answer, String label) {
        AnswerRequest request = new AnswerRequest("alice", 22, Answer.parse(answer), null, null, label);
        return Answers.stored(served, request, BINARY, LABELS, "news-alice", NOW);
    }

    @Test
    void aRelabelIsAnAcceptOfTheNamedLabelOnTheSameTokensRecordingTheQuestion() {
        Task stored = stored(MODEL_QUESTION, "accept", "ORG");
        assertEquals("{\"text\":\"The WHO warned about flu.\",\"_input_hash\":11,\"_task_hash\":22,"
                + "\"spans\":[{\"start\":4,\"end\":7,\"token_start\":1,\"token_end\":1,\"label\":\"ORG\"}],"
                + "\"_suggested_label\":\"PER\",\"answer\":\"accept\",\"_view_id\":\"binary\","
                + "\"_session_id\":\"news-alice\",\"_timestamp\":" + NOW.getEpochSecond() + "}", stored.toJson());
    }

    @Test
    void aRelabelDropsWhatThePatternSaidAboutTheAskedLabel() {
        assertEquals("[{\"start\":21,\"end\":24,\"token_start\":4,\"token_end\":4,\"label\":\"ORG\"}]",
                stored(PATTERN_QUESTION, "accept", "ORG").get("spans").toString());
        assertEquals("DISEASE", stored(PATTERN_QUESTION, "accept", "ORG").get("_suggested_label").asText());
    }

    @Test
    void namingTheAskedLabelIsAPlainAccept() {
        assertEquals(stored(PATTERN_QUESTION, "accept", null), stored(PATTERN_QUESTION, "accept", "DISEASE"));
        assertEquals(PATTERN_QUESTION.get("spans"), stored(PATTERN_QUESTION, "accept", "DISEASE").get("spans"));
    }

    @Test
    void aLabelThatIsNotTheAppsIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> stored(PATTERN_QUESTION, "accept", "disease"));
        assertEquals(ErrorCode.UNKNOWN_LABEL, e.code());
        assertEquals("\"label\" is \"disease\", not one of the labels DISEASE, ORG, PER", e.getMessage());
    }
}
