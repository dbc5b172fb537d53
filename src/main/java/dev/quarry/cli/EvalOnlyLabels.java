package dev.quarry.cli;

import dev.quarry.training.BinaryNerExample;
import dev.quarry.training.EntitySpan;
import dev.quarry.training.NerExample;
import dev.quarry.training.TextcatExample;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The warning about labels that only the evaluation data has (the model cannot predict them), with counts:
 * {@code NER labels in the evaluation data only (the model cannot predict them): MISC (4 spans)}.
 */
final class EvalOnlyLabels {

    private EvalOnlyLabels() {
    }

    /** Entity labels of evaluation spans that no training span (complete, or accepted in a binary answer) has. */
    static Optional<String> ner(List<NerExample> train, List<BinaryNerExample> binary, List<NerExample> eval) {
        return ner(Stream.concat(train.stream().flatMap(e -> e.spans().stream()),
                binary.stream().flatMap(e -> e.accepted().stream())).map(EntitySpan::label)
                .collect(Collectors.toSet()), eval);
    }

    /** Entity labels of evaluation spans that are not {@code known} (a model's labels). */
    static Optional<String> ner(Collection<String> known, List<NerExample> eval) {
        return message("NER", "span", eval.stream().flatMap(e -> e.spans().stream()).map(EntitySpan::label)
                .filter(label -> !known.contains(label)));
    }

    /** Text labels of evaluation texts that no training text has. */
    static Optional<String> textcat(List<TextcatExample> train, List<TextcatExample> eval) {
        return textcat(train.stream().flatMap(e -> e.labels().stream()).collect(Collectors.toSet()), eval);
    }

    /** Text labels of evaluation texts that are not {@code known} (a model's labels). */
    static Optional<String> textcat(Collection<String> known, List<TextcatExample> eval) {
        return message("text classification", "text", eval.stream().flatMap(e -> e.labels().stream())
                .filter(label -> !known.contains(label)));
    }

    private static Optional<String> message(String what, String unit, Stream<String> unseen) {
        Map<String, Long> counts = unseen.collect(Collectors.groupingBy(label -> label, TreeMap::new,
                Collectors.counting()));
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(what + " labels in the evaluation data only (the model cannot predict them): "
                + counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " " + unit
                        + (e.getValue() == 1 ? "" : "s") + ")").collect(Collectors.joining(", ")));
    }

    /** A text in quotes, cut to 40 characters. */
    static String quote(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\"";
    }
}
