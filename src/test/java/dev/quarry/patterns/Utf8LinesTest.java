package dev.quarry.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {

    private static List<String> lines(byte[] bytes) throws IOException {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(bytes));
        List<String> out = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            out.add(line);
        }
        return out;
    }

    @Test
    void everyKindOfLineBreakEndsALineEvenAtTheEdgeOfTheBuffer() throws IOException {
        for (int padding = 65530; padding < 65540; padding++) {
            String text = "x".repeat(padding) + "\r\n" + "é\r" + "😀\n" + "\n" + "last";
            assertEquals(List.of("x".repeat(padding), "é", "😀", "", "last"),
                    lines(text.getBytes(StandardCharsets.UTF_8)), "padding " + padding);
        }
    }

    @Test
    void aFinalLineBreakEndsNoExtraLine() throws IOException {
        assertEquals(List.of("a", "b"), lines("a\nb\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), lines(new byte[0]));
    }

    @Test
    void anInvalidLineIsReportedAndTheNextOneIsRead() throws IOException {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(new byte[] {'a', '\n', (byte) 0xC3, '\n', 'b'}));
        assertEquals("a", lines.next());
        assertThrows(Utf8Lines.InvalidLine.class, lines::next);
        assertEquals("b", lines.next());
    }
}
