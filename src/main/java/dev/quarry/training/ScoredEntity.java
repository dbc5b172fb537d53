package dev.quarry.training;

import java.util.Objects;

/**
 * An entity the NER found, with the model's probability for it.
 *
 * @param span        the entity (token indices within its sentence, end exclusive)
 * @param probability in [0, 1]: the mean probability of the outcomes chosen for its tokens
 */
public record ScoredEntity(EntitySpan span, double probability) {

    public ScoredEntity {
        Objects.requireNonNull(span, "span");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }
}
