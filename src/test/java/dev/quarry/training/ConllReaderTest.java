package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

    private static List<NerExample> read(String text, IobScheme scheme) throws IOException {
        return ConllReader.read(new StringReader(text), "t.conll", scheme);
    }

    @Test
    void iob1StartsEntitiesWithIAndSplitsAdjacentOnesWithB() throws IOException {
        String text = """
                -DOCSTART- -X- O O

                EU NNP I-NP I-ORG
                rejects VBZ I-VP O
                German JJ I-NP I-MISC
                Peter NNP I-NP I-PER
                Smith NNP I-NP I-PER
                Anna NNP I-NP B-PER
                """;
        NerExample example = read(text, IobScheme.IOB1).getFirst();
        assertEquals(List.of("EU", "rejects", "German", "Peter", "Smith", "Anna"), example.tokens());
        assertEquals(List.of(new EntitySpan(0, 1, "ORG"), new EntitySpan(2, 3, "MISC"), new EntitySpan(3, 5, "PER"),
                new EntitySpan(5, 6, "PER")), example.spans());
    }

    @Test
    void docstartLinesNumberDocumentsAndBlankLinesEndSentences() throws IOException {
        String text = "a O\n\nb B-X\n\n-DOCSTART- O\n\nc O\nd O\n\n-DOCSTART- O\ne O\n";
        List<NerExample> examples = read(text, IobScheme.IOB2);
        assertEquals(List.of("t.conll#0", "t.conll#0", "t.conll#1", "t.conll#2"),
                examples.stream().map(NerExample::documentId).toList());
        assertEquals(3, NerExample.documents(examples).size());
        assertEquals(List.of("c", "d"), examples.get(2).tokens());
    }

    @Test
    void iob2RejectsAnInsideTagThatContinuesNothing() {
        ConllFormatException e = assertThrows(ConllFormatException.class,
                () -> read("a B-PER\nb I-LOC\n", IobScheme.IOB2));
        assertEquals("t.conll:2: IOB2: \"I-LOC\" must follow B-LOC or I-LOC, got it after \"B-PER\"", e.getMessage());
    }

    @Test
    void iob2ReadsTheSameSpansAsIob1() throws IOException {
        List<NerExample> iob2 = read("New B-LOC\nYork I-LOC\nis O\nbig O\n", IobScheme.IOB2);
        List<NerExample> iob1 = read("New I-LOC\nYork I-LOC\nis O\nbig O\n", IobScheme.IOB1);
        assertEquals(iob1, iob2);
        assertEquals(List.of(new EntitySpan(0, 2, "LOC")), iob2.getFirst().spans());
    }

    @Test
    void unknownTagIsAnErrorWithItsLine() {
        ConllFormatException e = assertThrows(ConllFormatException.class,
                () -> read("a O\nb S-PER\n", IobScheme.IOB1));
        assertEquals("t.conll:2: tag must be O, B-<label> or I-<label>, got \"S-PER\"", e.getMessage());
    }

    @Test
    void lineWithoutTagIsAnError() {
        ConllFormatException e = assertThrows(ConllFormatException.class, () -> read("a O\nlonely\n", IobScheme.IOB1));
        assertEquals("t.conll:2: expected a token and a tag, got \"lonely\"", e.getMessage());
    }
}
