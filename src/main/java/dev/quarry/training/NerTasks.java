package dev.quarry.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.streams.Task;

/**
 * Turns {@link NerExample}s into Prodigy-style annotation tasks, so CoNLL files can be imported as datasets.
 *
 * <p>The task's {@code "text"} is the tokens joined by single spaces; {@code "tokens"} lists each token with
 * {@code text}, {@code start}, {@code end} (code points, end exclusive), {@code id} and {@code ws}; each entity in
 * {@code "spans"} has {@code start}/{@code end} in code points and {@code token_start}/{@code token_end} as token
 * indices, <b>both inclusive</b> as Prodigy writes them; {@code "meta"} holds {@code "document"}; {@code "answer"}
 * is {@code "accept"} (a complete gold annotation).
 */
public final class NerTasks {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NerTasks() {
    }

    /** The example as an accepted task with complete spans. */
    public static Task toTask(NerExample example) {
        int size = example.tokens().size();
        int[] starts = new int[size];
        int[] ends = new int[size];
        StringBuilder text = new StringBuilder();
        ArrayNode tokens = NODES.arrayNode();
        int offset = 0;
        for (int i = 0; i < size; i++) {
            String token = example.tokens().get(i);
            starts[i] = offset;
            offset += token.codePointCount(0, token.length());
            ends[i] = offset;
            text.append(token);
            boolean space = i + 1 < size;
            if (space) {
                text.append(' ');
                offset++;
            }
            tokens.add(NODES.objectNode().put("text", token).put("start", starts[i]).put("end", ends[i])
                    .put("id", i).put("ws", space));
        }
        ObjectNode json = NODES.objectNode().put("text", text.toString());
        json.set("tokens", tokens);
        json.set("spans", spans(example, starts, ends));
        json.set("meta", NODES.objectNode().put("document", example.documentId()));
        json.put("answer", "accept");
        return Task.of(json);
    }

    private static ArrayNode spans(NerExample example, int[] starts, int[] ends) {
        ArrayNode spans = NODES.arrayNode();
        for (EntitySpan span : example.spans()) {
            spans.add(NODES.objectNode().put("start", starts[span.start()]).put("end", ends[span.end() - 1])
                    .put("token_start", span.start()).put("token_end", span.end() - 1).put("label", span.label()));
        }
        return spans;
    }
}
