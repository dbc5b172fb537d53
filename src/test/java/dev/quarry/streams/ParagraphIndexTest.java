package dev.quarry.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.Constraint;
import dev.quarry.patterns.PhrasePattern;
import dev.quarry.patterns.Predicate;
import dev.quarry.patterns.Quantifier;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.patterns.TokenSpec;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParagraphIndexTest {

    private static final List<String> WORDS = List.of("heart", "attack", "flu", "calm", "day", "the", "sea");

    @TempDir
    Path dir;

    @Test
    void phrasesComeFromPhrasePatternsAndLiteralTokenPatternsOnly() {
        TokenPattern literal = new TokenPattern("D", List.of(TokenSpec.of(Constraint.equals(Attr.LOWER, "Heart")),
                TokenSpec.of(Constraint.equals(Attr.ORTH, "attack"))));
        TokenPattern optional = new TokenPattern("D", List.of(new TokenSpec(
                List.of(Constraint.equals(Attr.LOWER, "flu")), Quantifier.OPTIONAL)));
        TokenPattern regex = new TokenPattern("D", List.of(TokenSpec.of(Constraint.of(Attr.LOWER,
                new Predicate.Regex(java.util.regex.Pattern.compile("^fl"))))));
        assertEquals(List.of("breast cancer", "heart attack"), ParagraphIndex.phrases(List.of(
                new PhrasePattern("D", "breast cancer"), literal, optional, regex)));
    }

    @Test
    void everyParagraphComesOnceWithPhraseHitsFirstBestFirst() throws IOException {
        for (int seed = 0; seed < 5; seed++) {
            Random random = new Random(seed);
            List<Task> corpus = new ArrayList<>();
            int size = 1 + random.nextInt(300);
            for (int i = 0; i < size; i++) {
                StringBuilder text = new StringBuilder("p" + i);
                for (int w = random.nextInt(12); w > 0; w--) {
                    text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
                }
                corpus.add(Task.of(text.toString()));
            }
            Path path = dir.resolve("idx" + seed);
            ParagraphIndex.BuildStats stats = ParagraphIndex.build(TaskSource.of(corpus.iterator()), path,
                    Tokenizer.standard(), 16);
            assertEquals(size, stats.paragraphs());
            try (ParagraphIndex index = ParagraphIndex.open(path)) {
                List<String> phrases = List.of("Heart attack", "flu");
                IndexedSource source = index.matchesFirst(phrases);
                List<String> out = new ArrayList<>();
                source.forEachRemaining(t -> out.add(t.text()));
                assertEquals(size, out.size(), "seed " + seed);
                assertEquals(size, new HashSet<>(out).size(), "seed " + seed + ": a paragraph came twice");
                long hits = corpus.stream().filter(t -> hit(t.text())).count();
                assertEquals(hits, source.hits(), "seed " + seed);
                assertEquals(hits, index.countMatches(phrases));
                for (int k = 0; k < out.size(); k++) {
                    assertEquals(k < hits, hit(out.get(k)), "seed " + seed + ": at " + k);
                }
                List<String> rest = out.subList((int) hits, out.size());
                assertEquals(corpus.stream().map(Task::text).filter(t -> !hit(t)).toList(), rest,
                        "the others keep corpus order");
            }
        }
    }

    private static boolean hit(String text) {
        return text.contains("heart attack") || (" " + text + " ").contains(" flu ");
    }

    @Test
    void noPhrasesStreamsTheCorpusInOrder() throws IOException {
        List<Task> corpus = List.of(Task.of("b"), Task.of("a"), Task.of("c"));
        Path path = dir.resolve("idx");
        ParagraphIndex.build(TaskSource.of(corpus.iterator()), path, Tokenizer.standard(), 16);
        try (ParagraphIndex index = ParagraphIndex.open(path)) {
            List<Task> out = new ArrayList<>();
            index.matchesFirst(List.of()).forEachRemaining(out::add);
            assertEquals(corpus, out);
            assertTrue(index.paragraphs() == 3);
        }
    }
}
