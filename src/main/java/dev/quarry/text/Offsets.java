package dev.quarry.text;

/**
 * Converts between the UTF-16 {@code String} indices of the Java API and the Unicode code point offsets of JSON files
 * (spaCy, Prodigy). Built once per text; texts without surrogate pairs (most) convert without any table.
 */
public final class Offsets {

    private final String text;
    /** codePointOf[charIndex] for texts with surrogates; null when both offsets are the same. */
    private final int[] codePointOf;
    private final int[] charOf;

    private Offsets(String text, int[] codePointOf, int[] charOf) {
        this.text = text;
        this.codePointOf = codePointOf;
        this.charOf = charOf;
    }

    public static Offsets of(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return new Offsets(text, null, null);
        }
        int[] codePointOf = new int[text.length() + 1];
        int[] charOf = new int[codePoints + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            int next = i + Character.charCount(text.codePointAt(i));
            charOf[cp] = i;
            for (int j = i; j < next; j++) {
                codePointOf[j] = j == i ? cp : -1;
            }
            cp++;
            i = next;
        }
        codePointOf[text.length()] = cp;
        charOf[cp] = text.length();
        return new Offsets(text, codePointOf, charOf);
    }

    /** The number of code points, the length of the text in JSON offsets. */
    public int codePointLength() {
        return charOf == null ? text.length() : charOf.length - 1;
    }

    /**
     * The code point offset of a char index.
     *
     * @throws IllegalArgumentException if the index is outside the text or inside a surrogate pair
     */
    public int toCodePoint(int charIndex) {
        if (charIndex < 0 || charIndex > text.length()) {
            throw new IllegalArgumentException(
                    "char offset must be within 0.." + text.length() + ", got " + charIndex);
        }
        if (codePointOf == null) {
            return charIndex;
        }
        int cp = codePointOf[charIndex];
        if (cp < 0) {
            throw new IllegalArgumentException(
                    "char offset " + charIndex + " is inside a surrogate pair (an emoji or other supplementary character)");
        }
        return cp;
    }

    /**
     * The char index of a code point offset.
     *
     * @throws IllegalArgumentException if the offset is outside the text
     */
    public int toChar(int codePoint) {
        if (codePoint < 0 || codePoint > codePointLength()) {
            throw new IllegalArgumentException(
                    "offset must be within 0.." + codePointLength() + " code points, got " + codePoint);
        }
        return charOf == null ? codePoint : charOf[codePoint];
    }
}
