package dev.quarry.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One sentence with its gold entities: pre-split tokens, non-overlapping spans (token indices), and the id of the
 * document it belongs to. Consecutive examples with the same {@code documentId} form one document; document-level
 * state of the NER (adaptive data, document features) is reset where the id changes.
 *
 * @param documentId the document's id, never null (may be empty)
 * @param tokens     the tokens, each non-empty
 * @param spans      the entities, sorted by start; copied
 */
public record NerExample(String documentId, List<String> tokens, List<EntitySpan> spans) {

    public NerExample {
        Objects.requireNonNull(documentId, "documentId");
        tokens = List.copyOf(tokens);
        List<EntitySpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(EntitySpan::start));
        for (int i = 0; i < sorted.size(); i++) {
            EntitySpan span = sorted.get(i);
            if (span.end() > tokens.size()) {
                throw new IllegalArgumentException("span " + span + " ends after the last token (" + tokens.size()
                        + " tokens)");
            }
            if (i > 0 && sorted.get(i - 1).end() > span.start()) {
                throw new IllegalArgumentException("spans overlap: " + sorted.get(i - 1) + " and " + span);
            }
        }
        spans = List.copyOf(sorted);
    }

    /** The examples grouped into documents: runs of consecutive examples with the same document id. */
    public static List<List<NerExample>> documents(List<NerExample> examples) {
        return runs(examples, NerExample::documentId);
    }

    /** Runs of consecutive items with the same document id, in order. */
    static <T> List<List<T>> runs(List<T> items, Function<T, String> documentId) {
        List<List<T>> documents = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T item : items) {
            if (!current.isEmpty() && !documentId.apply(current.getFirst()).equals(documentId.apply(item))) {
                documents.add(List.copyOf(current));
                current.clear();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            documents.add(List.copyOf(current));
        }
        return documents;
    }
}
