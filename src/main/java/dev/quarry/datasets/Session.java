package dev.quarry.datasets;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of annotating or importing into a dataset, made by {@link Database#startSession}. Every example belongs to
 * exactly one session.
 *
 * @param id the database's id, only meaningful within that database
 */
public record Session(long id, String dataset, String name, Instant created) {

    public Session {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
    }
}
