package dev.quarry.datasets;

import java.time.Instant;

/** A dataset, its creation time and the number of examples (decisions) in it. */
public record DatasetInfo(String name, Instant created, long examples) {
}
