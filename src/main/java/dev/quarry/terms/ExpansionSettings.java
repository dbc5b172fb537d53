package dev.quarry.terms;

import dev.quarry.text.Language;
import java.util.Objects;

/**
 * How a {@link TermExpander} ranks.
 *
 * @param language       stop words and number words to exclude
 * @param poolSize       nearest neighbours of the query fetched per ranking (1..100,000); the ranking is re-scored from
 *                       this pool, so a larger pool lets the rejection penalty bring up words further away
 * @param rejectWeight   λ in {@code score = cos(c, q) - λ * max(0, max_r cos(c, r) - cos(c, q))}, {@code q} the mean
 *                       of the accepted terms, {@code >= 0}
 * @param minNgramCount  an n-gram must occur at least this often in the corpus to be a candidate ({@code >= 1})
 * @param maxNgrams      at most this many of the corpus's most frequent n-grams are candidates ({@code >= 0})
 * @param maxVariants    at most this many variants are listed per term ({@code >= 0})
 * @param maxVariantGap  a form and its base form (a plural and its singular, say) that both have vectors are one
 *                       entry only if their cosines to the query differ by at most this ({@code 0..2}; {@code 2}
 *                       groups by spelling alone): with disease seeds {@code aids} is not grouped under {@code aid}
 *                       (see the package documentation)
 */
public record ExpansionSettings(Language language, int poolSize, double rejectWeight, int minNgramCount,
                                int maxNgrams, int maxVariants, double maxVariantGap) {

    public ExpansionSettings {
        Objects.requireNonNull(language, "language");
        check("poolSize", poolSize, 1, 100_000);
        if (!(rejectWeight >= 0) || Double.isInfinite(rejectWeight)) {
            throw new IllegalArgumentException("rejectWeight must be a finite number >= 0, got " + rejectWeight);
        }
        check("minNgramCount", minNgramCount, 1, Integer.MAX_VALUE);
        check("maxNgrams", maxNgrams, 0, 10_000_000);
        check("maxVariants", maxVariants, 0, 1000);
        if (!(maxVariantGap >= 0 && maxVariantGap <= 2)) {
            throw new IllegalArgumentException("maxVariantGap must be in [0, 2], got " + maxVariantGap);
        }
    }

    /**
     * English, a pool of 500, λ = 1, n-grams seen at least 3 times, the 50,000 most frequent, 8 variants, variants
     * grouped while their cosines to the query differ by at most 0.4.
     */
    public static ExpansionSettings defaults() {
        return new ExpansionSettings(Language.ENGLISH, 500, 1.0, 3, 50_000, 8, 0.4);
    }

    public ExpansionSettings withPoolSize(int size) {
        return new ExpansionSettings(language, size, rejectWeight, minNgramCount, maxNgrams, maxVariants,
                maxVariantGap);
    }

    public ExpansionSettings withRejectWeight(double weight) {
        return new ExpansionSettings(language, poolSize, weight, minNgramCount, maxNgrams, maxVariants,
                maxVariantGap);
    }

    public ExpansionSettings withMinNgramCount(int count) {
        return new ExpansionSettings(language, poolSize, rejectWeight, count, maxNgrams, maxVariants,
                maxVariantGap);
    }

    public ExpansionSettings withMaxVariantGap(double gap) {
        return new ExpansionSettings(language, poolSize, rejectWeight, minNgramCount, maxNgrams, maxVariants, gap);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
