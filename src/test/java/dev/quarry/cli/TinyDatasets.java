package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.model.TinyModels;

/** Two small datasets imported through {@code quarry db-in}, for the training commands' tests. */
final class TinyDatasets {

    private TinyDatasets() {
    }

    /**
     * Imports {@code news} (36 complete NER sentences "PERSON visited CITY." with PER and LOC spans) and
     * {@code topics} (72 texts, SPORT or MEDICINE) into the database at {@code db}.
     */
    static void importNewsAndTopics(String db) {
        StringBuilder ner = new StringBuilder();
        StringBuilder topics = new StringBuilder();
        for (int i = 0; i < 36; i++) {
            String person = TinyModels.PEOPLE.get(i % 6);
            String city = TinyModels.CITIES.get(i / 6);
            int cityStart = person.length() + " visited ".length();
            ner.append(String.format("{\"text\":\"%s visited %s.\",\"spans\":[{\"start\":0,\"end\":%d,\"label\":\"PER\"},"
                    + "{\"start\":%d,\"end\":%d,\"label\":\"LOC\"}],\"answer\":\"accept\"}%n", person, city,
                    person.length(), cityStart, cityStart + city.length()));
            topics.append(String.format("{\"text\":\"the team scored a goal %d\",\"label\":\"SPORT\"}%n"
                    + "{\"text\":\"the doctor saw a patient %d\",\"label\":\"MEDICINE\"}%n", i, i));
        }
        assertEquals(0, CliRun.withInput(ner.toString(), "db-in", "news", "-", "--db", db).exitCode());
        assertEquals(0, CliRun.withInput(topics.toString(), "db-in", "topics", "-", "--db", db).exitCode());
    }
}
