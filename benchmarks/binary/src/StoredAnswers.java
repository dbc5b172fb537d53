import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.streams.Task;
import dev.quarry.text.Tokenizer;
import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.DatasetExamples;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.SpanAlignment;
import dev.quarry.training.TrainingExamples;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * With QUARRY_BENCH_VIA_DATASET=1 the simulated answers go the way an annotation session's do: one stored example per
 * question, as {@code quarry annotate ner --mode binary} stores it (an accept, a reject, or a relabel: an accept of
 * the named label with {@code "_suggested_label"}), read back by {@link DatasetExamples}, which merges the answers
 * about each sentence. Checks that this gives the harness's own examples, and trains on what it read.
 */
final class StoredAnswers {

    static final boolean ENABLED = "1".equals(System.getenv("QUARRY_BENCH_VIA_DATASET"));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoredAnswers() {
    }

    /** The examples read back from the stored answers; prints how many equal the given ones. */
    static List<BinaryNerExample> throughDataset(List<BinaryNerExample> direct) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < direct.size(); i++) {
            tasks.addAll(questions(i, direct.get(i)));
        }
        TrainingExamples read = new DatasetExamples(Tokenizer.standard(), SpanAlignment.REJECT)
                .addTasks("simulated answers", tasks.stream()).ner();
        List<BinaryNerExample> back = read.binaryNer();
        int same = 0;
        for (int i = 0; i < Math.min(back.size(), direct.size()); i++) {
            same += sorted(back.get(i)).equals(sorted(direct.get(i))) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "through the dataset: %d stored answers read back as %d sentences, %d of %d "
                + "equal to the harness's (counts %s)%n", tasks.size(), back.size(), same, direct.size(),
                read.counts());
        return back;
    }

    /** One stored example per question about sentence {@code i}: relabels first, then accepts, then rejects. */
    private static List<Task> questions(int i, BinaryNerExample example) {
        List<Task> tasks = new ArrayList<>();
        List<EntitySpan> rejected = new ArrayList<>(example.rejected());
        for (EntitySpan accepted : example.accepted()) {
            EntitySpan asked = rejected.stream().filter(r -> r.start() == accepted.start()
                    && r.end() == accepted.end()).findFirst().orElse(null);
            rejected.remove(asked);
            tasks.add(stored(i, example, accepted, "accept", asked == null ? null : asked.label()));
        }
        rejected.forEach(span -> tasks.add(stored(i, example, span, "reject", null)));
        return tasks;
    }

    /** The text is the tokens joined by spaces; the input hash is the sentence's number, so no two texts merge. */
    private static Task stored(int i, BinaryNerExample example, EntitySpan span, String answer, String suggested) {
        ObjectNode json = NODES.objectNode();
        json.put("text", String.join(" ", example.tokens()));
        ArrayNode tokens = json.putArray("tokens");
        int at = 0;
        int[] starts = new int[example.tokens().size()];
        int[] ends = new int[starts.length];
        for (int t = 0; t < starts.length; t++) {
            String word = example.tokens().get(t);
            starts[t] = at;
            ends[t] = at + word.codePointCount(0, word.length());
            tokens.addObject().put("text", word).put("start", starts[t]).put("end", ends[t]).put("id", t);
            at = ends[t] + 1;
        }
        json.putArray("spans").addObject().put("start", starts[span.start()]).put("end", ends[span.end() - 1])
                .put("token_start", span.start()).put("token_end", span.end() - 1).put("label", span.label());
        json.putObject("meta").put("document", example.documentId());
        json.put("_input_hash", i);
        json.put("_view_id", "binary");
        json.put("answer", answer);
        if (suggested != null) {
            json.put("_suggested_label", suggested);
        }
        return Task.of(json);
    }

    private static BinaryNerExample sorted(BinaryNerExample example) {
        Comparator<EntitySpan> order = Comparator.comparingInt(EntitySpan::start).thenComparingInt(EntitySpan::end)
                .thenComparing(EntitySpan::label);
        return new BinaryNerExample(example.documentId(), example.tokens(),
                example.accepted().stream().sorted(order).toList(), example.rejected().stream().sorted(order).toList());
    }
}
