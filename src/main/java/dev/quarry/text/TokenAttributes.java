package dev.quarry.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The token attributes of spaCy's token patterns, as functions of a token's text. The boolean tests follow Python's
 * {@code str} methods, as spaCy's do ({@code IS_TITLE} is {@code str.istitle()}, {@code IS_DIGIT} is
 * {@code str.isdigit()}, ...). {@link #length} counts code points, as Python's {@code len} does.
 */
public final class TokenAttributes {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern URL_SCHEME = Pattern.compile("(?i)(https?|ftp)://\\S+|www\\.\\S+\\.\\S+");
    private static final Pattern HOST_AND_PATH =
            Pattern.compile("(?i)[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.([a-z]{2,6})(:\\d+)?(/\\S*)?");
    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev", "co", "uk",
            "us", "ca", "au", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "ru",
            "jp", "cn", "in", "br", "mx", "ar", "eu", "me", "tv", "ly");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d+)*|\\d*[.,]\\d+)");
    private static final Pattern FRACTION = Pattern.compile("\\d+/\\d+");

    private TokenAttributes() {
    }

    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Lower case, then ASCII-folded ({@code Ärzte} becomes {@code arzte}, {@code ß} becomes {@code ss}). */
    public static String norm(String text) {
        String lower = lower(text);
        if (isAscii(lower)) {
            return lower;
        }
        char[] input = lower.toCharArray();
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }

    /**
     * spaCy's word shape: upper-case letters become {@code X}, lower-case {@code x}, digits {@code d}, anything else
     * stays; a run of one shape character is cut after four ({@code Wikipedia} is {@code Xxxxx}).
     */
    public static String shape(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 16));
        int last = -1;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int shape = Character.isUpperCase(cp) ? 'X'
                    : Character.isLowerCase(cp) || Character.isLetter(cp) ? 'x'
                    : Character.isDigit(cp) ? 'd' : cp;
            run = shape == last ? run + 1 : 1;
            last = shape;
            if (run <= 4) {
                out.appendCodePoint(shape);
            }
        }
        return out.toString();
    }

    /** The number of code points, as Python's {@code len}. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean isAlpha(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(Character::isLetter);
    }

    public static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    public static boolean isDigit(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(Character::isDigit);
    }

    /** Has a cased letter and no upper-case one, as {@code str.islower()}. */
    public static boolean isLower(String text) {
        return text.codePoints().anyMatch(TokenAttributes::isCased)
                && text.codePoints().noneMatch(cp -> Character.isUpperCase(cp) || Character.isTitleCase(cp));
    }

    /** Has a cased letter and no lower-case one, as {@code str.isupper()}. */
    public static boolean isUpper(String text) {
        return text.codePoints().anyMatch(TokenAttributes::isCased)
                && text.codePoints().noneMatch(Character::isLowerCase);
    }

    /**
     * As {@code str.istitle()}: at least one cased letter; upper-case letters only after uncased characters,
     * lower-case ones only after cased characters ({@code Hello-World} is title case, {@code HeLLo} is not).
     */
    public static boolean isTitle(String text) {
        boolean previousCased = false;
        boolean sawCased = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                sawCased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                sawCased = true;
            } else {
                previousCased = false;
            }
        }
        return sawCased;
    }

    /** Every code point is Unicode punctuation (general category P). */
    public static boolean isPunct(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(TokenAttributes::isPunctuation);
    }

    public static boolean isSpace(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(Character::isWhitespace);
    }

    /**
     * Looks like a number: digits with {@code ,} or {@code .} separators and an optional sign ({@code 1,000.5}), a
     * fraction ({@code 3/4}), or a number word of the language ({@code ten}, {@code diez}, {@code zehn}).
     */
    public static boolean likeNum(String text, Language language) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (Character.isLetter(first)) {
            return text.length() <= 12 && language.isNumberWord(lower(text));
        }
        if (!(first >= '0' && first <= '9') && first != '+' && first != '-' && first != '.' && first != ',') {
            return false;
        }
        return NUMBER.matcher(text).matches() || FRACTION.matcher(text).matches();
    }

    /** Starts with a scheme or {@code www.}, or is a host name with a common top-level domain and an optional path. */
    public static boolean likeUrl(String text) {
        if (URL_SCHEME.matcher(text).matches()) {
            return true;
        }
        var host = HOST_AND_PATH.matcher(text);
        return host.matches() && TOP_LEVEL_DOMAINS.contains(lower(host.group(2)));
    }

    public static boolean likeEmail(String text) {
        return EMAIL.matcher(text).matches();
    }

    static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }
}
