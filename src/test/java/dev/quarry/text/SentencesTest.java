package dev.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> sentences(String text) {
        Doc doc = Tokenizer.standard().tokenize(text);
        return Sentences.split(doc, Language.ENGLISH).stream()
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void splitsAtSentenceEndsAndCoversEveryToken() {
        assertEquals(List.of("Flu is back.", "Is it worse?", "Nobody knows!"),
                sentences("Flu is back. Is it worse? Nobody knows!"));
    }

    @Test
    void textWithoutFinalPunctuationIsOneSentence() {
        assertEquals(List.of("no full stop here"), sentences("no full stop here"));
    }

    @Test
    void tokenIndicesAreContiguous() {
        Doc doc = Tokenizer.standard().tokenize("One. Two three. Four 🎉 five.");
        List<Span> spans = Sentences.split(doc, Language.ENGLISH);
        int next = 0;
        for (Span span : spans) {
            assertEquals(next, span.tokenStart());
            next = span.tokenEnd();
        }
        assertEquals(doc.size(), next);
        assertEquals(3, spans.size());
    }

    @Test
    void emptyDocHasNoSentences() {
        assertEquals(List.of(), Sentences.split(Tokenizer.standard().tokenize(" "), Language.ENGLISH));
    }
}
