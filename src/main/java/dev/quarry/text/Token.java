package dev.quarry.text;

/**
 * One token of a {@link Doc}: its position in the doc and its UTF-16 character span in the doc's text.
 *
 * @param index position of the token in its doc, from 0
 * @param start first char, inclusive
 * @param end   last char, exclusive
 * @param text  the covered text, {@code doc.text().substring(start, end)}
 */
public record Token(int index, int start, int end, String text) {

    public Token {
        if (index < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "token needs 0 <= index and 0 <= start <= end, got index " + index + ", " + start + ".." + end);
        }
        if (text.length() != end - start) {
            throw new IllegalArgumentException(
                    "token text must be " + (end - start) + " chars long, got " + text.length());
        }
    }

    public String lower() {
        return TokenAttributes.lower(text);
    }

    public String norm() {
        return TokenAttributes.norm(text);
    }

    public String shape() {
        return TokenAttributes.shape(text);
    }
}
