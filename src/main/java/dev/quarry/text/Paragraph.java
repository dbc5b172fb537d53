package dev.quarry.text;

/**
 * A paragraph of a longer document.
 *
 * @param index position of the paragraph in its document, from 0
 * @param start char offset of the paragraph's first char in the document
 * @param text  the paragraph, without the blank lines around it and without leading or trailing whitespace
 */
public record Paragraph(int index, int start, String text) {

    /** Char offset just past the paragraph in the document. */
    public int end() {
        return start + text.length();
    }
}
