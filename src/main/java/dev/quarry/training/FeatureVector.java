package dev.quarry.training;

/**
 * The features of one text with their values, in a stable order (first occurrence in the text). Package-private:
 * arrays are shared, never modified after construction.
 */
record FeatureVector(String[] names, float[] values) {

    FeatureVector {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
    }

    int size() {
        return names.length;
    }
}
