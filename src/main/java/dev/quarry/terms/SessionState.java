package dev.quarry.terms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to resume a {@link TermSession}: the label, the seeds and every answer in order. The accepted,
 * rejected and skipped lists are derived from the answers, so they can never disagree with the undo history.
 *
 * <p>JSON form ({@link #toJson()}, {@link #fromJson}), version 1:
 * <pre>{@code
 * {"quarry_terms_session": 1, "label": "DISEASE", "seeds": ["influenza", "measles"],
 *  "answers": [{"answer": "accept", "term": "smallpox", "variants": []},
 *              {"answer": "reject", "term": "vaccine", "variants": ["vaccines"]}]}
 * }</pre>
 * Unknown keys are errors.
 *
 * @param label   the label of the terms, non-blank
 * @param seeds   the seeds as given
 * @param answers the answers, oldest first
 */
public record SessionState(String label, List<String> seeds, List<Answered> answers) {

    /** The version written to and required in {@code quarry_terms_session}. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public SessionState {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must be non-blank, got \"" + label + "\"");
        }
        seeds = List.copyOf(seeds);
        answers = List.copyOf(answers);
    }

    /**
     * One answer.
     *
     * @param answer what the curator said
     * @param entry  the term it was said about
     */
    public record Answered(Answer answer, TermEntry entry) {
        public Answered {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** The state as one line of JSON. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("quarry_terms_session", VERSION);
        root.put("label", label);
        ArrayNode seedArray = root.putArray("seeds");
        seeds.forEach(seedArray::add);
        ArrayNode answerArray = root.putArray("answers");
        for (Answered a : answers) {
            ObjectNode node = answerArray.addObject();
            node.put("answer", a.answer().jsonName());
            node.put("term", a.entry().term());
            ArrayNode variants = node.putArray("variants");
            a.entry().variants().forEach(variants::add);
        }
        return root.toString();
    }

    /**
     * Reads the JSON form.
     *
     * @throws InvalidSessionStateException naming the JSON field (for example {@code answers[2].answer}), the rule and
     *                                      the value found
     */
    public static SessionState fromJson(String json) throws InvalidSessionStateException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf(" (start marker at");
            message = (cut < 0 ? message : message.substring(0, cut)).lines().findFirst().orElse("");
            throw new InvalidSessionStateException("not valid JSON: " + message
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSessionStateException("must be a JSON object, got " + describe(root));
        }
        checkKeys(root, "", Set.of("quarry_terms_session", "label", "seeds", "answers"));
        JsonNode version = require(root, "quarry_terms_session", "");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new InvalidSessionStateException("\"quarry_terms_session\" must be " + VERSION + ", got " + version);
        }
        String label = string(require(root, "label", ""), "label");
        if (label.isBlank()) {
            throw new InvalidSessionStateException("\"label\" must be a non-empty string, got \"\"");
        }
        return new SessionState(label, strings(require(root, "seeds", ""), "seeds"),
                answers(require(root, "answers", "")));
    }

    private static List<Answered> answers(JsonNode node) throws InvalidSessionStateException {
        if (!node.isArray()) {
            throw new InvalidSessionStateException("\"answers\" must be an array, got " + describe(node));
        }
        List<Answered> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "answers[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new InvalidSessionStateException("\"" + path + "\" must be an object, got " + describe(item));
            }
            checkKeys(item, path + ".", Set.of("answer", "term", "variants"));
            out.add(new Answered(answer(require(item, "answer", path + "."), path + ".answer"),
                    entry(item, path)));
        }
        return out;
    }

    private static TermEntry entry(JsonNode item, String path) throws InvalidSessionStateException {
        String term = string(require(item, "term", path + "."), path + ".term");
        if (term.isBlank()) {
            throw new InvalidSessionStateException("\"" + path + ".term\" must be a non-empty string, got \"\"");
        }
        List<String> variants = item.has("variants") ? strings(item.get("variants"), path + ".variants") : List.of();
        for (String v : variants) {
            if (v.isBlank()) {
                throw new InvalidSessionStateException("\"" + path + ".variants\" must hold non-empty strings");
            }
        }
        return new TermEntry(term, variants);
    }

    private static Answer answer(JsonNode node, String path) throws InvalidSessionStateException {
        String value = string(node, path);
        for (Answer a : Answer.values()) {
            if (a.jsonName().equals(value)) {
                return a;
            }
        }
        throw new InvalidSessionStateException("\"" + path + "\" must be one of accept, reject, skip, got \""
                + value + "\"");
    }

    private static JsonNode require(JsonNode object, String key, String prefix) throws InvalidSessionStateException {
        JsonNode value = object.get(key);
        if (value == null) {
            throw new InvalidSessionStateException("missing \"" + prefix + key + "\"");
        }
        return value;
    }

    private static String string(JsonNode node, String path) throws InvalidSessionStateException {
        if (!node.isTextual()) {
            throw new InvalidSessionStateException("\"" + path + "\" must be a string, got " + describe(node));
        }
        return node.textValue();
    }

    private static List<String> strings(JsonNode node, String path) throws InvalidSessionStateException {
        if (!node.isArray()) {
            throw new InvalidSessionStateException("\"" + path + "\" must be an array of strings, got "
                    + describe(node));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(string(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static void checkKeys(JsonNode object, String prefix, Set<String> allowed)
            throws InvalidSessionStateException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidSessionStateException("unknown key \"" + prefix + name + "\"");
            }
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(node.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
