package dev.quarry.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/** Scorers for the score-based orders, until models give their own. */
public final class Scorers {

    private static final Pattern PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private Scorers() {
    }

    /**
     * The number a task holds at a dotted path of object keys, e.g. {@code meta.score}.
     *
     * @throws IllegalArgumentException (when made) if the path is not dot-separated keys; (when scoring) if the task
     *     holds no number there, naming the path, the value and the start of the text
     */
    public static ToDoubleFunction<Task> field(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("score field must be keys separated by dots, e.g. meta.score, got "
                    + Task.show(path));
        }
        String[] keys = path.split("\\.");
        return task -> {
            JsonNode node = task.get(keys[0]);
            for (int i = 1; i < keys.length && node != null; i++) {
                node = node.get(keys[i]);
            }
            if (node == null || !node.isNumber()) {
                throw new IllegalArgumentException("\"" + path + "\" must be a number, got "
                        + (node == null ? "nothing" : Task.show(node)) + " in the task " + Task.show(task.text()));
            }
            return node.doubleValue();
        };
    }
}
