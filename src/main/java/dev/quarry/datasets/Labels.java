package dev.quarry.datasets;

import dev.quarry.streams.Task;
import dev.quarry.streams.TaskSpan;
import java.util.Set;
import java.util.TreeSet;

/** The labels an example holds, for {@link DatasetStats#byLabel()}. */
final class Labels {

    private Labels() {
    }

    /** The top-level label, the spans' labels and the accepted ids, each once. */
    static Set<String> of(Task task) {
        Set<String> labels = new TreeSet<>();
        task.label().ifPresent(labels::add);
        for (TaskSpan span : task.spans()) {
            if (span.label() != null) {
                labels.add(span.label());
            }
        }
        labels.addAll(task.accept());
        return labels;
    }
}
