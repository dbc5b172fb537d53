package dev.quarry.text;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Splits documents into paragraphs at blank lines (lines that are empty or hold only whitespace), keeping each
 * paragraph's offset in the document. {@code \n}, {@code \r\n} and {@code \r} all end a line.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    public static List<Paragraph> split(String document) {
        List<Paragraph> out = new ArrayList<>();
        iterate(document).forEachRemaining(out::add);
        return out;
    }

    /** The paragraphs one at a time, found as they are asked for. */
    public static Iterator<Paragraph> iterate(String document) {
        return new Iterator<>() {
            private int position = 0;
            private int index = 0;
            private Paragraph next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Paragraph next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Paragraph current = next;
                next = advance();
                return current;
            }

            private Paragraph advance() {
                int start = skipWhitespace(document, position);
                if (start == document.length()) {
                    return null;
                }
                int end = endOfParagraph(document, start);
                position = end;
                int trimmed = end;
                while (trimmed > start && Character.isWhitespace(document.charAt(trimmed - 1))) {
                    trimmed--;
                }
                return new Paragraph(index++, start, document.substring(start, trimmed));
            }
        };
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the first line break that starts a blank line after {@code start}, or the text's length. */
    private static int endOfParagraph(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int lineStart = i + (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1);
                int j = lineStart;
                while (j < text.length() && text.charAt(j) != '\n' && text.charAt(j) != '\r'
                        && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j == text.length() || text.charAt(j) == '\n' || text.charAt(j) == '\r') {
                    return i;
                }
                i = lineStart;
            } else {
                i++;
            }
        }
        return i;
    }
}
