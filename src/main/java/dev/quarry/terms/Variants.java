package dev.quarry.terms;

import dev.quarry.text.TokenAttributes;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The grouping key of a term's case and inflection variants: {@code Viruses}, {@code virus} and {@code virus's} share
 * the key {@code virus}. The rule (English, deliberately light):
 * <ol>
 *   <li>Lower case and ASCII folding ({@link TokenAttributes#norm}).</li>
 *   <li>A possessive ending is dropped: {@code 's}, {@code ’s}, or the apostrophe of {@code s'}.</li>
 *   <li>A plural ending is undone if the result is a known base of the word (of at least three letters; for the
 *       vectors, a word not much rarer than the plural, see {@code Vocabulary}), trying in order
 *       {@code -ies → -y} ({@code berries}), {@code -es →} after s, x, z, ch, sh ({@code boxes, viruses}),
 *       {@code -s →} ({@code dogs, houses}). Words ending in {@code ss}, {@code us}, {@code is} or {@code ics}
 *       ({@code glass, virus, analysis, physics}) and a few fixed words ({@code news, series, species}) are
 *       not plurals.</li>
 * </ol>
 * For a phrase only the last word is inflected: {@code "Swine Flus"} has the key {@code "swine flu"}. This is the
 * spelling step only: {@code TermExpander} also asks the vectors whether two forms agree for the query at hand.
 */
final class Variants {

    private static final Set<String> NOT_PLURAL = Set.of("news", "series", "species", "means", "lens", "gas", "bus",
            "yes", "this", "its", "has", "was", "does", "goes", "his", "hers", "ours", "yours", "theirs", "always",
            "perhaps", "whereas", "less", "unless", "plus", "thus", "chaos", "canvas", "atlas", "bias", "alias");

    private Variants() {
    }

    /**
     * The key of a term (words separated by single spaces); {@code isBase.test(base, word)} says whether
     * {@code base} is a real word that {@code word} may be the plural of.
     */
    static String key(String term, BiPredicate<String, String> isBase) {
        String norm = TokenAttributes.norm(term);
        int space = norm.lastIndexOf(' ');
        return norm.substring(0, space + 1) + wordKey(norm.substring(space + 1), isBase);
    }

    private static String wordKey(String word, BiPredicate<String, String> known) {
        String w = stripPossessive(word);
        if (w.length() < 4 || !w.endsWith("s") || NOT_PLURAL.contains(w) || w.endsWith("ss") || w.endsWith("us")
                || w.endsWith("is") || w.endsWith("ics")) {
            return w;
        }
        String stem = w.substring(0, w.length() - 1);
        if (w.endsWith("ies") && usable(stem.substring(0, stem.length() - 2) + "y", w, known)) {
            return stem.substring(0, stem.length() - 2) + "y";
        }
        String es = w.substring(0, w.length() - 2);
        if (w.endsWith("es") && endsInSibilant(es) && usable(es, w, known)) {
            return es;
        }
        return usable(stem, w, known) ? stem : w;
    }

    private static boolean endsInSibilant(String stem) {
        return stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("z") || stem.endsWith("ch")
                || stem.endsWith("sh");
    }

    private static boolean usable(String stem, String word, BiPredicate<String, String> known) {
        return stem.length() >= 3 && known.test(stem, word);
    }

    private static String stripPossessive(String word) {
        if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("\u2019s"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 2 && (word.endsWith("s'") || word.endsWith("s\u2019"))) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
