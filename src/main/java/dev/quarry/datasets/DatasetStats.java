package dev.quarry.datasets;

import dev.quarry.streams.Answer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over every decision in a dataset. Maps are sorted by key and unmodifiable.
 *
 * @param examples every stored decision
 * @param tasks distinct task hashes: the questions answered at least once (what {@link Database#latest} yields)
 * @param inputs distinct input hashes: the texts seen
 * @param byAnswer decisions per answer (every answer is present, maybe with 0)
 * @param byLabel decisions per label: an example counts once for each distinct label it holds in its top-level
 *     {@code label}, its spans' labels and its {@code accept} ids
 * @param bySession decisions per session name
 */
public record DatasetStats(String dataset, long examples, long tasks, long inputs, Map<Answer, Long> byAnswer,
                           Map<String, Long> byLabel, Map<String, Long> bySession) {

    public DatasetStats {
        EnumMap<Answer, Long> answers = new EnumMap<>(Answer.class);
        for (Answer answer : Answer.values()) {
            answers.put(answer, byAnswer.getOrDefault(answer, 0L));
        }
        byAnswer = Collections.unmodifiableMap(answers);
        byLabel = Collections.unmodifiableMap(new TreeMap<>(byLabel));
        bySession = Collections.unmodifiableMap(new TreeMap<>(bySession));
    }
}
