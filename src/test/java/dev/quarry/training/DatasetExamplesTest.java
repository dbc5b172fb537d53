package dev.quarry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.datasets.Database;
import dev.quarry.streams.Task;
import dev.quarry.text.Tokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExamplesTest {

    private static final String ANNA = "\"text\":\"Anna visited Paris.\"";
    private static final List<String> ANNA_TOKENS = List.of("Anna", "visited", "Paris", ".");

    private static DatasetExamples read(SpanAlignment alignment, String... lines) {
        return new DatasetExamples(Tokenizer.standard(), alignment)
                .addTasks("gold.jsonl", Arrays.stream(lines).map(Task::parse));
    }

    private static DatasetExamples read(String... lines) {
        return read(SpanAlignment.REJECT, lines);
    }

    @Test
    void anAcceptedTaskWithSpansIsCompleteAndAlignedToTokens() {
        TrainingExamples examples = read("{" + ANNA + ",\"_input_hash\":7,\"spans\":[{\"start\":0,\"end\":4,"
                + "\"label\":\"PER\"},{\"start\":13,\"end\":18,\"label\":\"LOC\"}],\"answer\":\"accept\"}").ner();
        assertEquals(List.of(new NerExample("7", ANNA_TOKENS,
                List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC")))), examples.ner());
        assertEquals(List.of(7L), examples.inputHashes());
    }

    @Test
    void acceptedEmptySpansMeanEveryTokenIsOutside() {
        TrainingExamples examples = read("{" + ANNA + ",\"spans\":[]}", "{" + ANNA + "}").ner();
        assertEquals(1, examples.ner().size());
        assertEquals(List.of(), examples.ner().getFirst().spans());
        assertEquals(1, examples.count("no_spans"));
    }

    @Test
    void allBinaryReadsUnmarkedAcceptedAnswersAsBinary() {
        String line = "{" + ANNA + ",\"_input_hash\":7,\"spans\":[{\"start\":13,\"end\":18,\"label\":\"LOC\"}],"
                + "\"answer\":\"accept\"}";
        assertEquals(1, read(line).ner().ner().size(), "complete by default");
        TrainingExamples binary = read(line).allBinary(true).ner();
        assertEquals(List.of(), binary.ner());
        assertEquals(List.of(new BinaryNerExample("7", ANNA_TOKENS, List.of(new EntitySpan(2, 3, "LOC")), List.of())),
                binary.binaryNer());
    }

    @Test
    void binaryViewsAndUnmarkedRejectsAreBinaryAnswersAndIgnoreIsSkipped() {
        String paris = "\"spans\":[{\"start\":13,\"end\":18,\"label\":\"LOC\"}]";
        TrainingExamples examples = read(
                "{" + ANNA + "," + paris + ",\"_view_id\":\"ner\",\"answer\":\"accept\",\"_input_hash\":1}",
                "{" + ANNA + "," + paris + ",\"_view_id\":\"binary\",\"answer\":\"reject\",\"_input_hash\":2}",
                "{" + ANNA + "," + paris + ",\"_view_id\":\"ner_manual\",\"answer\":\"reject\",\"_input_hash\":3}",
                "{" + ANNA + "," + paris + ",\"answer\":\"ignore\"}").ner();
        EntitySpan loc = new EntitySpan(2, 3, "LOC");
        assertEquals(List.of(new BinaryNerExample("1", ANNA_TOKENS, List.of(loc), List.of()),
                new BinaryNerExample("2", ANNA_TOKENS, List.of(), List.of(loc)),
                new BinaryNerExample("3", ANNA_TOKENS, List.of(), List.of(loc))), examples.binaryNer());
        assertEquals(List.of(), examples.ner());
        assertEquals(1, examples.count("ignored"));
    }

    /** One binary answer about a span of "Anna visited Paris." (input hash 7), as the annotation app stores it. */
    private static String answer(String answer, int start, int end, String label) {
        return "{" + ANNA + ",\"_input_hash\":7,\"_view_id\":\"binary\",\"answer\":\"" + answer + "\","
                + "\"spans\":[{\"start\":" + start + ",\"end\":" + end + ",\"label\":\"" + label + "\"}]}";
    }

    @Test
    void theBinaryAnswersAboutOneSentenceBecomeOneExample() {
        TrainingExamples examples = read(answer("accept", 0, 4, "PER"), answer("reject", 13, 18, "PER"),
                answer("accept", 13, 18, "LOC"), "{\"text\":\"Bob left.\",\"_view_id\":\"binary\","
                        + "\"answer\":\"reject\",\"_input_hash\":8,\"spans\":[{\"start\":0,\"end\":3,"
                        + "\"label\":\"ORG\"}]}").ner();
        assertEquals(List.of(new BinaryNerExample("7", ANNA_TOKENS, List.of(new EntitySpan(0, 1, "PER"),
                        new EntitySpan(2, 3, "LOC")), List.of(new EntitySpan(2, 3, "PER"))),
                new BinaryNerExample("8", List.of("Bob", "left", "."), List.of(), List.of(new EntitySpan(0, 1, "ORG")))),
                examples.binaryNer());
        assertEquals(2, examples.count("ner_binary"));
        assertEquals(4, examples.count("binary_answers"));
        assertEquals(0, examples.count("binary_conflicts"), "a reject of PER and an accept of LOC on the same tokens "
                + "agree");
    }

    @Test
    void aLaterBinaryAnswerWinsOverAnEarlierOneItContradicts() {
        TrainingExamples examples = read(answer("accept", 13, 18, "LOC"), answer("reject", 13, 18, "LOC"),
                answer("accept", 0, 12, "PER"), answer("accept", 0, 4, "PER"), answer("reject", 0, 4, "ORG"),
                answer("accept", 0, 4, "ORG")).ner();
        assertEquals(List.of(new BinaryNerExample("7", ANNA_TOKENS, List.of(new EntitySpan(0, 1, "ORG")),
                List.of(new EntitySpan(2, 3, "LOC")))), examples.binaryNer());
        assertEquals(4, examples.count("binary_conflicts"), "LOC accepted then rejected; PER 0..2 overlapped by PER "
                + "0..1, itself overlapped by ORG, whose reject the accept overrode");
    }

    @Test
    void anAcceptedRelabelAlsoRejectsTheLabelItWasAskedAbout() {
        String relabel = answer("accept", 13, 18, "LOC").replace("}]}", "}],\"_suggested_label\":\"PER\"}");
        TrainingExamples examples = read(relabel).ner();
        assertEquals(List.of(new BinaryNerExample("7", ANNA_TOKENS, List.of(new EntitySpan(2, 3, "LOC")),
                List.of(new EntitySpan(2, 3, "PER")))), examples.binaryNer());
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> read(relabel.replace("\"PER\"}", "3}")).ner());
        assertEquals("gold.jsonl, task 1 (_input_hash 7): \"_suggested_label\" must be a non-empty string (the label "
                + "the question asked about), got 3", e.getMessage());
    }

    @Test
    void aCompleteAnnotationOfTheInputSupersedesItsBinaryAnswers() {
        TrainingExamples examples = read(answer("reject", 0, 4, "ORG"), "{" + ANNA + ",\"_input_hash\":7,"
                + "\"_view_id\":\"ner_manual\",\"answer\":\"accept\",\"spans\":[{\"start\":0,\"end\":4,"
                + "\"label\":\"PER\"}]}").ner();
        assertEquals(List.of(new NerExample("7", ANNA_TOKENS, List.of(new EntitySpan(0, 1, "PER")))), examples.ner());
        assertEquals(List.of(), examples.binaryNer());
        assertEquals(1, examples.count("binary_superseded"));
    }

    @Test
    void goldOverridesSilverOfTheSameInputOnly() {
        TrainingExamples examples = read(
                "{" + ANNA + ",\"_input_hash\":1,\"_silver\":true,\"spans\":[{\"start\":13,\"end\":18,\"label\":\"CITY\"}]}",
                "{" + ANNA + ",\"_input_hash\":1,\"spans\":[{\"start\":13,\"end\":18,\"label\":\"LOC\"}]}",
                "{\"text\":\"Boris visited Rome.\",\"_input_hash\":2,\"_silver\":true,"
                        + "\"spans\":[{\"start\":14,\"end\":18,\"label\":\"CITY\"}]}").ner();
        assertEquals(List.of(List.of(new EntitySpan(2, 3, "LOC")), List.of(new EntitySpan(2, 3, "CITY"))),
                examples.ner().stream().map(NerExample::spans).toList());
        assertEquals(1, examples.count("silver_overridden"));
    }

    @Test
    void aSpanOffTokenBoundariesIsRejectedNamingTheExampleAndTheSpan() {
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> read(
                "{" + ANNA + ",\"_input_hash\":3,\"spans\":[{\"start\":13,\"end\":17,\"label\":\"LOC\"}]}").ner());
        assertEquals("gold.jsonl, task 1 (_input_hash 3): spans[0] 13..17 \"Pari\" (LOC) does not start and end on "
                + "token boundaries; the tokens it touches span 13..18", e.getMessage());
        TrainingExamples snapped = read(SpanAlignment.SNAP,
                "{" + ANNA + ",\"_input_hash\":3,\"spans\":[{\"start\":13,\"end\":17,\"label\":\"LOC\"}]}").ner();
        assertEquals(List.of(new EntitySpan(2, 3, "LOC")), snapped.ner().getFirst().spans());
        assertEquals(1, snapped.count("snapped_spans"));
    }

    @Test
    void overlappingCompleteSpansAreAnError() {
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> read("{" + ANNA
                + ",\"_input_hash\":4,\"spans\":[{\"start\":0,\"end\":12,\"label\":\"X\"},{\"start\":5,\"end\":18,"
                + "\"label\":\"Y\"}]}").ner());
        assertEquals("gold.jsonl, task 1 (_input_hash 4): spans overlap: EntitySpan[start=0, end=2, label=X] and "
                + "EntitySpan[start=1, end=3, label=Y]", e.getMessage());
    }

    @Test
    void theTaskTokensAreUsedWithCodePointOffsets() {
        String task = "{\"text\":\"🙂 New York!\",\"tokens\":[{\"text\":\"🙂\",\"start\":0,\"end\":1,\"id\":0},"
                + "{\"text\":\" \",\"start\":1,\"end\":2,\"id\":1},{\"text\":\"New York\",\"start\":2,\"end\":10,\"id\":2},"
                + "{\"text\":\"!\",\"start\":10,\"end\":11,\"id\":3}],"
                + "\"spans\":[{\"start\":2,\"end\":10,\"label\":\"GPE\"}],\"_input_hash\":5}";
        NerExample example = read(task).ner().ner().getFirst();
        assertEquals(List.of("🙂", "New York", "!"), example.tokens());
        assertEquals(List.of(new EntitySpan(1, 2, "GPE")), example.spans());
    }

    @Test
    void anEmptyTextIsCountedNotTrainedOn() {
        assertEquals(1, read("{\"text\":\" \",\"spans\":[]}").ner().count("empty_text"));
    }

    @Test
    void textcatReadsBinaryAnswersPerLabelAndChoicesAsTheConventionsSay() {
        TrainingExamples examples = read(
                "{\"text\":\"goal!\",\"label\":\"SPORT\",\"answer\":\"accept\"}",
                "{\"text\":\"dose\",\"label\":\"SPORT\",\"answer\":\"reject\"}",
                "{\"text\":\"clinic\",\"options\":[{\"id\":\"MED\"},{\"id\":\"SPORT\"}],\"accept\":[\"MED\"],"
                        + "\"_view_id\":\"choice\",\"answer\":\"accept\"}",
                "{\"text\":\"gym clinic\",\"options\":[{\"id\":\"MED\"},{\"id\":\"SPORT\"}],"
                        + "\"accept\":[\"MED\",\"SPORT\"],\"answer\":\"accept\"}",
                "{\"text\":\"x\",\"options\":[{\"id\":\"MED\"}],\"accept\":[],\"answer\":\"reject\"}",
                "{\"text\":\"y\",\"label\":\"MED\",\"answer\":\"ignore\"}",
                "{\"text\":\"z\",\"answer\":\"accept\"}").textcat();
        assertEquals(List.of(TextcatExample.accepted("goal!", "SPORT"), TextcatExample.rejected("dose", "SPORT"),
                TextcatExample.choice("clinic", Set.of("MED"), Set.of("MED", "SPORT")),
                TextcatExample.choice("gym clinic", Set.of("MED", "SPORT"), Set.of("MED", "SPORT"))),
                examples.textcat());
        assertEquals(Map.of("ignored", 1L, "textcat_accept", 1L, "textcat_reject", 1L, "textcat_choice", 2L,
                "choice_rejected", 1L, "no_label", 1L, "textcat", 4L), examples.counts());
    }

    @Test
    void goldTextcatAnswersOverrideSilverOnesOfTheSameInput() {
        TrainingExamples examples = read(
                "{\"text\":\"goal!\",\"label\":\"SPORT\",\"answer\":\"accept\",\"_silver\":true,"
                        + "\"_input_hash\":1}",
                "{\"text\":\"goal!\",\"label\":\"SPORT\",\"answer\":\"reject\",\"_input_hash\":1}").textcat();
        assertEquals(List.of(TextcatExample.rejected("goal!", "SPORT")), examples.textcat());
        assertEquals(1, examples.count("silver_overridden"));
    }

    @Test
    void anAcceptedOptionThatWasNotShownNamesTheTask() {
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> read(
                "{\"text\":\"x\",\"_input_hash\":9,\"options\":[{\"id\":\"A\"},{\"id\":\"B\"}],\"accept\":[\"C\"]}")
                .textcat());
        assertEquals("gold.jsonl, task 1 (_input_hash 9): accepted labels must be among the options [A, B], got [C]",
                e.getMessage());
    }

    @Test
    void datasetExamplesAreNamedByDatasetAndId(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("q.db").toString())) {
            db.createDataset("news");
            db.add(db.startSession("news", "s"), List.of(Task.parse("{" + ANNA
                    + ",\"spans\":[{\"start\":13,\"end\":16,\"label\":\"LOC\"}],\"answer\":\"accept\"}")));
            DatasetExamples reader = new DatasetExamples(Tokenizer.standard(), SpanAlignment.REJECT);
            try (Stream<dev.quarry.datasets.Example> latest = db.latest("news")) {
                reader.addExamples("news", latest);
            }
            TrainingDataException e = assertThrows(TrainingDataException.class, reader::ner);
            assertEquals(true, e.getMessage().matches("dataset \"news\", example \\d+ \\(_input_hash -?\\d+\\): "
                    + "spans\\[0] 13\\.\\.16 \"Par\" \\(LOC\\) does not start .*"), e.getMessage());
        }
    }
}
