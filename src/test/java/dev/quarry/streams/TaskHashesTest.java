package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins contract version 1. The golden values were computed independently of this code, in Python, from the contract
 * as documented ({@code int.from_bytes(sha256(s.encode()).digest()[:8], "big") >> 11} over the canonical JSON from
 * {@code json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}). If one fails, the contract
 * changed: make a new version instead.
 */
class TaskHashesTest {

    private static final TaskHashes HASHES = TaskHashes.DEFAULT;

    @Test
    void goldenInputAndTaskHashOfAPlainText() {
        Task task = Task.of("Apple bought a startup");
        assertEquals(4772176238239877L, HASHES.inputHash(task));
        assertEquals(228349264220243L, HASHES.taskHash(task));
    }

    @Test
    void goldenInputHashOfTextWithEmojiAccentsAndEscapes() {
        Task task = Task.of("Caf\u00e9 \uD83D\uDE00\n\"quoted\"\t\u0001");
        assertEquals(1203619996748368L, HASHES.inputHash(task));
    }

    @Test
    void goldenTaskHashOverLabelAndReducedSortedSpans() {
        Task task = Task.parse("{\"text\":\"Apple bought Fooly\",\"label\":\"ORG_NEWS\",\"spans\":["
                + "{\"start\":13,\"end\":18,\"label\":\"ORG\",\"token_start\":2,\"token_end\":2,\"source\":\"p.jsonl\"},"
                + "{\"start\":0,\"end\":5,\"label\":\"ORG\"}],\"meta\":{\"id\":1}}");
        assertEquals(5134500359987260L, HASHES.inputHash(task));
        assertEquals(6577945030020685L, HASHES.taskHash(task));
    }

    @Test
    void goldenTaskHashOverOptionsWithNumbersInCanonicalForm() {
        Task task = Task.parse("{\"text\":\"t\",\"options\":[{\"id\":1,\"text\":\"One\",\"score\":1.50},"
                + "{\"text\":\"Bee\",\"id\":\"B\"}]}");
        assertEquals(615233131284601L, HASHES.inputHash(task));
        assertEquals(1343715876035985L, HASHES.taskHash(task));
    }

    @Test
    void goldenInputHashIncludesImageWhenPresent() {
        Task task = Task.parse("{\"text\":\"cap\",\"image\":\"http://x/y.png\"}");
        assertEquals(3366484859004509L, HASHES.inputHash(task));
        assertNotEquals(HASHES.inputHash(Task.of("cap")), HASHES.inputHash(task));
    }

    @Test
    void metaAnswerAndUnknownKeysDoNotChangeTheHashes() {
        Task plain = Task.parse("{\"text\":\"x\",\"label\":\"A\"}");
        Task decorated = Task.parse("{\"meta\":{\"id\":9},\"text\":\"x\",\"answer\":\"reject\",\"label\":\"A\","
                + "\"_session_id\":\"s\",\"priority\":0.5}");
        assertEquals(HASHES.inputHash(plain), HASHES.inputHash(decorated));
        assertEquals(HASHES.taskHash(plain), HASHES.taskHash(decorated));
    }

    @Test
    void theQuestionChangesTheTaskHashButNotTheInputHash() {
        Task a = Task.parse("{\"text\":\"x\",\"label\":\"A\"}");
        Task b = Task.parse("{\"text\":\"x\",\"label\":\"B\"}");
        assertEquals(HASHES.inputHash(a), HASHES.inputHash(b));
        assertNotEquals(HASHES.taskHash(a), HASHES.taskHash(b));
    }

    @Test
    void equalNumbersWrittenDifferentlyHashTheSame() {
        Task a = Task.parse("{\"text\":\"x\",\"options\":[{\"id\":1,\"w\":1.0}]}");
        Task b = Task.parse("{\"text\":\"x\",\"options\":[{\"id\":1,\"w\":1}]}");
        Task c = Task.parse("{\"text\":\"x\",\"options\":[{\"id\":1,\"w\":10E-1}]}");
        assertEquals(HASHES.taskHash(a), HASHES.taskHash(b));
        assertEquals(HASHES.taskHash(a), HASHES.taskHash(c));
    }

    @Test
    void hashesFitInJavaScriptSafeIntegers() {
        for (int i = 0; i < 2000; i++) {
            long hash = HASHES.inputHash(Task.of("text " + i));
            assertEquals(hash, (long) (double) hash);
            assertEquals(0, hash >>> 53);
        }
    }

    @Test
    void withHashesKeepsHashesAlreadyPresentAsProdigyDoes() {
        Task prodigy = Task.parse("{\"text\":\"x\",\"_input_hash\":-12,\"_task_hash\":34}");
        assertSame(prodigy, HASHES.withHashes(prodigy));
        Task half = Task.parse("{\"text\":\"x\",\"_input_hash\":-12}");
        assertEquals(HASHES.taskHash(half, -12), HASHES.withHashes(half).taskHash().getAsLong());
        Task fresh = HASHES.rehash(prodigy);
        assertEquals(HASHES.inputHash(prodigy), fresh.inputHash().getAsLong());
        assertEquals(HASHES.taskHash(prodigy), fresh.taskHash().getAsLong());
    }

    @Test
    void configuredInputKeysHashOnlyThoseKeys() {
        TaskHashes byId = new TaskHashes(List.of("doc_id"), List.of("label"));
        Task a = Task.parse("{\"text\":\"one\",\"doc_id\":7}");
        Task b = Task.parse("{\"text\":\"two\",\"doc_id\":7}");
        assertEquals(byId.inputHash(a), byId.inputHash(b));
        assertEquals("task has none of the input keys [doc_id]",
                assertThrows(IllegalArgumentException.class, () -> byId.inputHash(Task.of("x"))).getMessage());
        assertEquals("inputKeys must not repeat a key, got [text, text]",
                assertThrows(IllegalArgumentException.class,
                        () -> new TaskHashes(List.of("text", "text"), List.of())).getMessage());
    }
}
