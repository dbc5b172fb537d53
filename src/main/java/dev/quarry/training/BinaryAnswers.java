package dev.quarry.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers the binary answers about one input into one {@link BinaryNerExample}, as an annotation app leaves them: one
 * stored answer per question, several questions per sentence. Training must see the sentence once with everything
 * known about it: answers kept apart would each be completed on their own, so one answer's completion could make an
 * entity of the very span another answer rejected, and the sentence would count once per question.
 *
 * <p>Answers are taken in the order given (oldest first); a later answer wins over an earlier one it contradicts: an
 * accept of a span rejected before (or the reverse), or an accept overlapping another accepted span. Each answer
 * overridden so is counted as a conflict. Not thread-safe.
 */
final class BinaryAnswers {

    /** The sentence the answers are about: its input hash and tokens. */
    private record Key(long inputHash, List<String> tokens) {
    }

    private static final class Merged {
        final String documentId;
        final List<EntitySpan> accepted = new ArrayList<>();
        final List<EntitySpan> rejected = new ArrayList<>();
        int answers;

        Merged(String documentId) {
            this.documentId = documentId;
        }
    }

    private final Map<Key, Merged> byInput = new LinkedHashMap<>();
    private long conflicts;

    /** Adds one answer (its spans accepted or rejected) about the input {@code inputHash} with these tokens. */
    void add(long inputHash, BinaryNerExample answer) {
        Merged merged = byInput.computeIfAbsent(new Key(inputHash, answer.tokens()),
                key -> new Merged(answer.documentId()));
        merged.answers++;
        answer.accepted().forEach(span -> accept(merged, span));
        answer.rejected().forEach(span -> reject(merged, span));
    }

    private void accept(Merged merged, EntitySpan span) {
        if (merged.rejected.remove(span)) {
            conflicts++;
        }
        int before = merged.accepted.size();
        merged.accepted.removeIf(other -> !other.equals(span) && overlaps(other, span));
        conflicts += before - merged.accepted.size();
        if (!merged.accepted.contains(span)) {
            merged.accepted.add(span);
        }
    }

    private void reject(Merged merged, EntitySpan span) {
        if (merged.accepted.remove(span)) {
            conflicts++;
        }
        if (!merged.rejected.contains(span)) {
            merged.rejected.add(span);
        }
    }

    private static boolean overlaps(EntitySpan a, EntitySpan b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** How many answers were added. */
    long answers() {
        return byInput.values().stream().mapToLong(merged -> merged.answers).sum();
    }

    /** How many earlier answers a later one overrode. */
    long conflicts() {
        return conflicts;
    }

    /**
     * One example per input, in the order each input was first answered, leaving out the inputs in {@code except}
     * (those with a complete annotation, which knows more than any binary answer).
     */
    List<BinaryNerExample> examples(Set<Long> except) {
        List<BinaryNerExample> examples = new ArrayList<>(byInput.size());
        byInput.forEach((key, merged) -> {
            if (!except.contains(key.inputHash())) {
                examples.add(new BinaryNerExample(merged.documentId, key.tokens(), merged.accepted, merged.rejected));
            }
        });
        return examples;
    }

    /** How many answers are about the inputs in {@code inputs}. */
    long answersAbout(Set<Long> inputs) {
        long about = 0;
        for (Map.Entry<Key, Merged> entry : byInput.entrySet()) {
            if (inputs.contains(entry.getKey().inputHash())) {
                about += entry.getValue().answers;
            }
        }
        return about;
    }
}
