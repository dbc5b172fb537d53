package dev.quarry.training;

import java.util.List;
import java.util.Objects;

/**
 * One sentence with <b>incomplete</b> entity knowledge, as binary annotation leaves it: spans an annotator accepted
 * and spans an annotator rejected (a rejected span is not an entity of that label; it may still be part of another
 * entity). Tokens in no accepted span are <em>unknown</em>, not O.
 *
 * @param documentId the document's id, never null (may be empty)
 * @param tokens     the tokens, each non-empty
 * @param accepted   spans known to be entities, non-overlapping; copied
 * @param rejected   spans known not to be entities of their label; copied
 */
public record BinaryNerExample(String documentId, List<String> tokens, List<EntitySpan> accepted,
                               List<EntitySpan> rejected) {

    public BinaryNerExample {
        Objects.requireNonNull(documentId, "documentId");
        tokens = List.copyOf(tokens);
        accepted = new NerExample(documentId, tokens, accepted).spans();
        rejected = List.copyOf(rejected);
        for (EntitySpan span : rejected) {
            if (span.end() > tokens.size()) {
                throw new IllegalArgumentException("rejected span " + span + " ends after the last token ("
                        + tokens.size() + " tokens)");
            }
        }
    }
}
