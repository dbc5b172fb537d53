package dev.quarry.training;

/**
 * The features of one text with their values, in a stable order (first occurrence in the text). Package-private:
 * arrays are shared, never modified after construction.
 *
 * @param index the feature index {@code ids} refers to, or null when the vector has names only
 * @param ids   per feature its id in {@code index} (null with it): classifiers bound to that index
 *              ({@link TextcatScorer#bind}) read these instead of looking the names up
 */
record FeatureVector(String[] names, float[] values, FeatureIndex index, int[] ids) {

    FeatureVector {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
        if ((index == null) != (ids == null) || ids != null && ids.length != names.length) {
            throw new IllegalArgumentException("ids must come with their index, one per name");
        }
    }

    FeatureVector(String[] names, float[] values) {
        this(names, values, null, null);
    }

    int size() {
        return names.length;
    }

    /** Whether the features carry ids of {@code index} (compared by identity). */
    boolean indexedBy(FeatureIndex other) {
        return index != null && index == other;
    }
}
