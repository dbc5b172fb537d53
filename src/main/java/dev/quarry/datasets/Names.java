package dev.quarry.datasets;

/** The rule for dataset and session names. */
final class Names {

    static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** @throws DatasetException unless {@code name} is 1..200 chars, without control chars or surrounding spaces */
    static void check(String name, String what) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !name.strip().equals(name)
                || name.chars().anyMatch(Character::isISOControl)) {
            String shown = name == null ? "null"
                    : "\"" + (name.length() > 40 ? name.substring(0, 37) + "..." : name) + "\"";
            throw new DatasetException(what + " name must be 1 to " + MAX_LENGTH
                    + " characters without control characters or surrounding spaces, got " + shown);
        }
    }
}
