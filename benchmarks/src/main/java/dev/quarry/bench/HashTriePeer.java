package dev.quarry.bench;

import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline to beat: a token trie of {@code HashMap<String, Node>} over Quarry's tokens and their cached lowercase
 * forms, trying every start token. All matches, overlaps included, as Quarry reports them. The hour's work a user
 * would write instead of adopting a matcher.
 */
final class HashTriePeer implements Peer {

    private final Tokenizer tokenizer = Tokenizer.standard();
    private final Node root = new Node();

    private static final class Node {
        Map<String, Node> next;
        int pattern = -1;

        Node child(String word) {
            if (next == null) {
                next = new HashMap<>(4);
            }
            return next.computeIfAbsent(word, w -> new Node());
        }
    }

    @Override
    public void compile(List<Phrase> phrases) {
        for (int i = 0; i < phrases.size(); i++) {
            Node node = root;
            for (String word : phrases.get(i).words()) {
                node = node.child(word);
            }
            node.pattern = i;
        }
    }

    @Override
    public Scanner scanner() {
        return text -> {
            Doc doc = tokenizer.tokenize(text);
            long found = 0;
            for (int start = 0; start < doc.size(); start++) {
                Node node = root;
                for (int end = start; end < doc.size() && node.next != null; end++) {
                    node = node.next.get(doc.lower(end));
                    if (node == null) {
                        break;
                    }
                    if (node.pattern >= 0) {
                        found++;
                    }
                }
            }
            return found;
        };
    }

    @Override
    public String threading() {
        return "shared (read-only after compile)";
    }
}
