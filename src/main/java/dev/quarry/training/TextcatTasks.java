package dev.quarry.training;

import dev.quarry.streams.Answer;
import dev.quarry.streams.Task;
import dev.quarry.streams.TaskOption;
import dev.quarry.streams.TaskSpan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads stored text-classification answers as training examples (the conventions every Quarry tool shares):
 * <ul>
 *   <li>{@code "label": L} answered {@code accept}: the text is L; {@code reject}: it is not L; other labels
 *       unknown ({@link TextcatExample#accepted}, {@link TextcatExample#rejected}).</li>
 *   <li>{@code "options"} with {@code "accept": [ids]} answered {@code accept}: the text has the accepted options
 *       and none of the others ({@link TextcatExample#choice}). A rejected choice task says the question was wrong,
 *       not which labels apply: it is skipped.</li>
 *   <li>{@code ignore}, no answer, or neither a label nor options: skipped.</li>
 * </ul>
 * The labels of the task's {@code "spans"} become the example's entity labels ({@code ENT=LABEL} features when the
 * settings ask for them).
 */
public final class TextcatTasks {

    private TextcatTasks() {
    }

    /**
     * The training example a stored answer gives, or empty when it gives none (see the class comment).
     *
     * @throws IllegalArgumentException if an accepted option id is not among the task's options
     */
    public static Optional<TextcatExample> example(Task task) {
        return example(task, task.answer().orElse(Answer.IGNORE));
    }

    /**
     * The training example {@code task} gives when answered {@code answer} (a dataset stores the answer beside the
     * task), or empty when it gives none.
     *
     * @throws IllegalArgumentException if an accepted option id is not among the task's options
     */
    public static Optional<TextcatExample> example(Task task, Answer answer) {
        if (answer == Answer.IGNORE) {
            return Optional.empty();
        }
        List<String> entities = task.spans().stream().map(TaskSpan::label).toList();
        if (!task.options().isEmpty()) {
            if (answer == Answer.REJECT) {
                return Optional.empty();
            }
            Set<String> options = new LinkedHashSet<>(task.options().stream().map(TaskOption::id).toList());
            return Optional.of(TextcatExample.choice(task.text(), Set.copyOf(task.accept()), options)
                    .withEntityLabels(entities));
        }
        return task.label().map(label -> (answer == Answer.ACCEPT
                ? TextcatExample.accepted(task.text(), label)
                : TextcatExample.rejected(task.text(), label)).withEntityLabels(entities));
    }
}
