package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    @Test
    void splitsAtBlankLinesAndKeepsOffsets() {
        String doc = "First line\nstill first.\n\n  \nSecond.\r\n\r\nThird\n";
        List<Paragraph> paragraphs = Paragraphs.split(doc);
        assertEquals(3, paragraphs.size());
        assertEquals("First line\nstill first.", paragraphs.get(0).text());
        assertEquals("Second.", paragraphs.get(1).text());
        assertEquals("Third", paragraphs.get(2).text());
        for (Paragraph p : paragraphs) {
            assertEquals(p.text(), doc.substring(p.start(), p.end()));
        }
        assertEquals(2, paragraphs.get(2).index());
    }

    @Test
    void aDocumentWithoutBlankLinesIsOneParagraph() {
        assertEquals(List.of(new Paragraph(0, 2, "one\ntwo")), Paragraphs.split("  one\ntwo  "));
    }

    @Test
    void blankDocumentHasNoParagraphs() {
        assertEquals(List.of(), Paragraphs.split(" \n\n \t"));
    }

    @Test
    void indentedLineIsNotABlankLine() {
        assertEquals(1, Paragraphs.split("a\n  b\nc").size());
    }
}
