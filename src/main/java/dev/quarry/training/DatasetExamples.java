package dev.quarry.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.datasets.Example;
import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskHashes;
import dev.quarry.streams.TaskSpan;
import dev.quarry.text.Doc;
import dev.quarry.text.Offsets;
import dev.quarry.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads stored annotations (dataset examples or task files) as training examples, following the session's
 * conventions:
 * <ul>
 *   <li>NER, complete: answer {@code accept} with a {@code "spans"} array (possibly empty), not marked binary;
 *       tokens outside the spans are O. Binary: {@code "_view_id"} {@code "ner"} or {@code "binary"}; accept
 *       means its spans are entities, reject that they are not; a {@code reject} with spans that is not marked
 *       binary is read as a binary reject too. {@code ignore} is skipped. The binary answers about one input (one
 *       question each, as an annotation app asks them) are merged into one example, a later answer winning over an
 *       earlier one it contradicts; an input with a complete annotation has no binary example. A binary accept
 *       with {@code "_suggested_label": L'} (the annotation app's "no, it is L") also rejects L' on its spans.</li>
 *   <li>Text classification, as {@link TextcatTasks} reads it: {@code "label": L} answered accept says the text is
 *       L, reject that it is not L (other labels unknown); a choice ({@code "options"} with {@code "accept": [ids]})
 *       answered accept gives the accepted options and rejects the others shown. Whether the labels are exclusive
 *       is the trainer's question, not the reader's.</li>
 *   <li>Silver ({@code "_silver": true}): for an input hash with any non-silver example, every silver one is left
 *       out (gold overrides silver, across all the sources read).</li>
 *   <li>Tokens: the task's {@code "tokens"} (code-point {@code start}/{@code end}, {@code text}) when present, else
 *       the given tokenizer's. A span must start and end on token boundaries ({@link SpanAlignment}).</li>
 * </ul>
 * Errors are {@link TrainingDataException}s naming the dataset or file, the example (id and input hash) and the
 * span or field. Every example left out is counted by reason in {@link TrainingExamples#counts()}.
 *
 * <p>Collects what it is given in memory; not thread-safe.
 */
public final class DatasetExamples {

    private final Tokenizer tokenizer;
    private final SpanAlignment alignment;
    private final List<Item> items = new ArrayList<>();
    private boolean allBinary;

    /** One stored annotation and where it came from. */
    private record Item(String where, long inputHash, Answer answer, Task task) {
        boolean silver() {
            JsonNode silver = task.get("_silver");
            return silver != null && silver.asBoolean(false);
        }
    }

    public DatasetExamples(Tokenizer tokenizer, SpanAlignment alignment) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.alignment = Objects.requireNonNull(alignment, "alignment");
    }

    /**
     * Reads every NER answer as a binary answer (its spans accepted or rejected, every other token unknown), whatever
     * its {@code _view_id}: for answers collected by a tool that does not mark its binary questions
     * ({@code quarry train --binary}). Off by default.
     */
    public DatasetExamples allBinary(boolean allBinary) {
        this.allBinary = allBinary;
        return this;
    }

    /** Adds a dataset's examples (as {@code Database.latest} gives them); consumes the stream, does not close it. */
    public DatasetExamples addExamples(String dataset, Stream<Example> examples) {
        examples.forEach(e -> items.add(new Item("dataset \"" + dataset + "\", example " + e.id() + " (_input_hash "
                + e.inputHash() + ")", e.inputHash(), e.answer(), e.task())));
        return this;
    }

    /**
     * Adds tasks read from a file: the answer is the task's (accept when absent), the input hash the task's (or
     * Quarry's, computed). Tasks are named {@code source, task N} (from 1) in errors.
     */
    public DatasetExamples addTasks(String source, Stream<Task> tasks) {
        int[] number = {0};
        tasks.forEach(task -> {
            long hash = task.inputHash().orElseGet(() -> TaskHashes.DEFAULT.inputHash(task));
            items.add(new Item(source + ", task " + (++number[0]) + " (_input_hash " + hash + ")", hash,
                    task.answer().orElse(Answer.ACCEPT), task));
        });
        return this;
    }

    /**
     * The NER examples, complete and binary, of everything added. The binary answers about one input become one
     * example ({@link BinaryAnswers}: a later answer wins over an earlier one it contradicts); an input with a
     * complete annotation gets no binary example.
     */
    public TrainingExamples ner() {
        Counts counts = new Counts();
        List<NerExample> complete = new ArrayList<>();
        BinaryAnswers answers = new BinaryAnswers();
        Set<Long> completeInputs = new HashSet<>();
        List<Long> hashes = new ArrayList<>();
        for (Item item : kept(counts)) {
            int before = complete.size();
            if (nerItem(item, complete, answers, counts)) {
                hashes.add(item.inputHash());
                if (complete.size() > before) {
                    completeInputs.add(item.inputHash());
                }
            }
        }
        List<BinaryNerExample> binary = answers.examples(completeInputs);
        counts.add("ner_complete", complete.size());
        counts.add("ner_binary", binary.size());
        counts.add("binary_answers", answers.answers());
        counts.add("binary_conflicts", answers.conflicts());
        counts.add("binary_superseded", answers.answersAbout(completeInputs));
        return new TrainingExamples(complete, binary, List.of(), hashes, counts.map);
    }

    /**
     * The text classification examples of everything added, read as {@link TextcatTasks#example(Task, Answer)} reads
     * a task with its stored answer: a binary answer knows one label, a choice answer every option shown. Counted by
     * kind ({@code textcat_accept}, {@code textcat_reject}, {@code textcat_choice}) and left out by reason
     * ({@code choice_rejected}, {@code no_label}, {@code empty_text}).
     *
     * @throws TrainingDataException naming the example whose accepted options are not among its options
     */
    public TrainingExamples textcat() {
        Counts counts = new Counts();
        List<TextcatExample> examples = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        for (Item item : kept(counts)) {
            TextcatExample example = textcatExample(item, counts);
            if (example != null) {
                examples.add(example);
                hashes.add(item.inputHash());
            }
        }
        counts.add("textcat", examples.size());
        return new TrainingExamples(List.of(), List.of(), examples, hashes, counts.map);
    }

    /** The items that are not ignored and not silver overridden by gold. */
    private List<Item> kept(Counts counts) {
        Set<Long> gold = new HashSet<>();
        for (Item item : items) {
            if (!item.silver()) {
                gold.add(item.inputHash());
            }
        }
        List<Item> kept = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item.answer() == Answer.IGNORE) {
                counts.add("ignored", 1);
            } else if (item.silver() && gold.contains(item.inputHash())) {
                counts.add("silver_overridden", 1);
            } else {
                kept.add(item);
            }
        }
        return kept;
    }

    private boolean nerItem(Item item, List<NerExample> complete, BinaryAnswers binary, Counts counts) {
        Task task = item.task();
        if (!task.has("spans")) {
            counts.add("no_spans", 1);
            return false;
        }
        boolean binaryView = allBinary || isBinaryView(task);
        boolean isBinary = binaryView || item.answer() == Answer.REJECT && !task.spans().isEmpty();
        if (item.answer() == Answer.REJECT && !isBinary || isBinary && task.spans().isEmpty()) {
            counts.add(isBinary ? "binary_without_spans" : "rejected_without_spans", 1);
            return false;
        }
        Tokens tokens = tokens(item);
        if (tokens.words().isEmpty()) {
            counts.add("empty_text", 1);
            return false;
        }
        List<EntitySpan> spans = spans(item, tokens, counts);
        String document = documentId(item);
        try {
            if (!isBinary) {
                complete.add(new NerExample(document, tokens.words(), spans));
            } else if (item.answer() == Answer.ACCEPT) {
                binary.add(item.inputHash(), new BinaryNerExample(document, tokens.words(), spans,
                        askedAbout(item, spans)));
            } else {
                binary.add(item.inputHash(), new BinaryNerExample(document, tokens.words(), List.of(), spans));
            }
        } catch (IllegalArgumentException e) {
            throw new TrainingDataException(item.where() + ": " + e.getMessage());
        }
        return true;
    }

    /**
     * The spans an accepted relabel rules out: an annotator asked "is this {@code _suggested_label}?" who answered
     * "no, it is L" left an accept of L; the asked label is then rejected on the same tokens.
     */
    private static List<EntitySpan> askedAbout(Item item, List<EntitySpan> accepted) {
        JsonNode suggested = item.task().get("_suggested_label");
        if (suggested == null || suggested.isNull()) {
            return List.of();
        }
        if (!suggested.isTextual() || suggested.textValue().isBlank()) {
            throw new TrainingDataException(item.where() + ": \"_suggested_label\" must be a non-empty string (the "
                    + "label the question asked about), got " + suggested);
        }
        return accepted.stream().filter(span -> !span.label().equals(suggested.textValue()))
                .map(span -> new EntitySpan(span.start(), span.end(), suggested.textValue())).toList();
    }

    private static boolean isBinaryView(Task task) {
        JsonNode view = task.get("_view_id");
        return view != null && (view.asText().equals("ner") || view.asText().equals("binary"));
    }

    private static String documentId(Item item) {
        JsonNode document = item.task().meta().get("document");
        return document != null && document.isTextual() ? document.asText() : Long.toString(item.inputHash());
    }

    private static TextcatExample textcatExample(Item item, Counts counts) {
        Task task = item.task();
        boolean choice = !task.options().isEmpty();
        Optional<TextcatExample> example;
        try {
            example = TextcatTasks.example(task, item.answer());
        } catch (IllegalArgumentException e) {
            throw new TrainingDataException(item.where() + ": " + e.getMessage());
        }
        if (example.isEmpty()) {
            counts.add(choice ? "choice_rejected" : "no_label", 1);
            return null;
        }
        if (task.text().isBlank()) {
            counts.add("empty_text", 1);
            return null;
        }
        counts.add(choice ? "textcat_choice" : example.get().labels().isEmpty() ? "textcat_reject"
                : "textcat_accept", 1);
        return example.get();
    }

    /** A text's tokens: words and their code-point offsets. */
    private record Tokens(List<String> words, int[] starts, int[] ends) {
    }

    private Tokens tokens(Item item) {
        JsonNode given = item.task().get("tokens");
        return given == null || given.isNull() ? tokenize(item.task().text()) : TaskTokens.read(item.where(), given,
                item.task().text());
    }

    private Tokens tokenize(String text) {
        Doc doc = tokenizer.tokenize(text);
        Offsets offsets = Offsets.of(text);
        int[] starts = new int[doc.size()];
        int[] ends = new int[doc.size()];
        List<String> words = new ArrayList<>(doc.size());
        for (int i = 0; i < doc.size(); i++) {
            starts[i] = offsets.toCodePoint(doc.start(i));
            ends[i] = offsets.toCodePoint(doc.end(i));
            words.add(doc.tokenText(i));
        }
        return new Tokens(words, starts, ends);
    }

    private List<EntitySpan> spans(Item item, Tokens tokens, Counts counts) {
        List<TaskSpan> spans = item.task().spans();
        List<EntitySpan> result = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            result.add(span(item, tokens, spans.get(k), k, counts));
        }
        return result;
    }

    private EntitySpan span(Item item, Tokens tokens, TaskSpan span, int k, Counts counts) {
        String name = "spans[" + k + "] " + span.start() + ".." + span.end() + " " + quote(item, span);
        if (span.label() == null || span.label().isBlank()) {
            throw new TrainingDataException(item.where() + ": " + name + " has no \"label\"");
        }
        int first = 0;
        while (first < tokens.ends().length && tokens.ends()[first] <= span.start()) {
            first++;
        }
        int last = first - 1;
        while (last + 1 < tokens.starts().length && tokens.starts()[last + 1] < span.end()) {
            last++;
        }
        if (last < first) {
            throw new TrainingDataException(item.where() + ": " + name + " covers no token");
        }
        if (tokens.starts()[first] != span.start() || tokens.ends()[last] != span.end()) {
            if (alignment == SpanAlignment.REJECT) {
                throw new TrainingDataException(item.where() + ": " + name + " does not start and end on token "
                        + "boundaries; the tokens it touches span " + tokens.starts()[first] + ".."
                        + tokens.ends()[last]);
            }
            counts.add("snapped_spans", 1);
        }
        return new EntitySpan(first, last + 1, span.label());
    }

    private static String quote(Item item, TaskSpan span) {
        String text = item.task().text();
        Offsets offsets = Offsets.of(text);
        String covered = text.substring(offsets.toChar(span.start()), offsets.toChar(span.end()));
        return "\"" + (covered.length() > 40 ? covered.substring(0, 37) + "..." : covered) + "\" (" + span.label()
                + ")";
    }

    /** Counts by reason, in first-seen order. */
    private static final class Counts {
        final Map<String, Long> map = new LinkedHashMap<>();

        void add(String reason, long n) {
            if (n > 0) {
                map.merge(reason, n, Long::sum);
            }
        }
    }

    /**
     * Reads a task's Prodigy-style {@code "tokens"}: each token's text is the text between its offsets (its
     * {@code "text"} field is not trusted); whitespace tokens (spaCy makes them) are left out.
     */
    private static final class TaskTokens {
        static Tokens read(String where, JsonNode tokens, String text) {
            if (!tokens.isArray()) {
                throw new TrainingDataException(where + ": \"tokens\" must be an array, got " + tokens.getNodeType());
            }
            Offsets offsets = Offsets.of(text);
            int[] starts = new int[tokens.size()];
            int[] ends = new int[tokens.size()];
            List<String> words = new ArrayList<>(tokens.size());
            int previousEnd = 0;
            for (int i = 0; i < tokens.size(); i++) {
                String path = "tokens[" + i + "]";
                int start = offset(where, tokens.get(i), path, "start", offsets.codePointLength());
                int end = offset(where, tokens.get(i), path, "end", offsets.codePointLength());
                if (end <= start || start < previousEnd) {
                    throw new TrainingDataException(where + ": \"" + path + "\" must be a non-empty range after the "
                            + "previous token, got " + start + ".." + end);
                }
                previousEnd = end;
                String word = text.substring(offsets.toChar(start), offsets.toChar(end));
                if (!word.isBlank()) {
                    starts[words.size()] = start;
                    ends[words.size()] = end;
                    words.add(word);
                }
            }
            return new Tokens(words, java.util.Arrays.copyOf(starts, words.size()),
                    java.util.Arrays.copyOf(ends, words.size()));
        }

        private static int offset(String where, JsonNode token, String path, String key, int length) {
            JsonNode value = token == null ? null : token.get(key);
            if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0
                    || value.intValue() > length) {
                throw new TrainingDataException(where + ": \"" + path + "." + key + "\" must be an integer within 0.."
                        + length + " (code points of the text), got " + value);
            }
            return value.intValue();
        }
    }
}
