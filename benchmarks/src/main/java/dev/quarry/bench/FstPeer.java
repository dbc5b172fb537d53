package dev.quarry.bench;

import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PositiveIntOutputs;

/**
 * A design alternative, not a library peer: a Lucene {@link FST} over the phrases' UTF-16 chars (tokens joined by
 * one space, the separator), output = the phrase's rank in sorted order, walked from every start token over Quarry's
 * tokens and their cached lowercase forms. All matches, as Quarry. Shows what a minimal-memory token trie costs in
 * speed.
 */
final class FstPeer implements Peer {

    private static final char SEPARATOR = ' ';

    private final Tokenizer tokenizer = Tokenizer.standard();
    private FST<Long> fst;

    @Override
    public void compile(List<Phrase> phrases) throws IOException {
        String[] sorted = phrases.stream().map(Phrase::text).sorted().toArray(String[]::new);
        PositiveIntOutputs outputs = PositiveIntOutputs.getSingleton();
        FSTCompiler<Long> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE2, outputs).build();
        IntsRefBuilder key = new IntsRefBuilder();
        for (int i = 0; i < sorted.length; i++) {
            key.clear();
            for (int c = 0; c < sorted[i].length(); c++) {
                key.append(sorted[i].charAt(c));
            }
            compiler.add(key.get(), (long) i);
        }
        fst = FST.fromFSTReader(compiler.compile(), compiler.getFSTReader());
    }

    @Override
    public Scanner scanner() {
        Walker walker = new Walker(fst);
        return text -> walker.count(tokenizer.tokenize(text));
    }

    /** Per-thread reader and arcs over the shared FST. */
    private static final class Walker {
        private final FST<Long> fst;
        private final FST.BytesReader reader;
        private FST.Arc<Long> arc = new FST.Arc<>();
        private FST.Arc<Long> next = new FST.Arc<>();

        Walker(FST<Long> fst) {
            this.fst = fst;
            this.reader = fst.getBytesReader();
        }

        long count(Doc doc) throws IOException {
            long found = 0;
            for (int start = 0; start < doc.size(); start++) {
                fst.getFirstArc(arc);
                for (int end = start; end < doc.size(); end++) {
                    if (end > start && !step(SEPARATOR) || !walk(doc.lower(end))) {
                        break;
                    }
                    if (arc.isFinal()) {
                        found++;
                    }
                }
            }
            return found;
        }

        private boolean walk(String word) throws IOException {
            for (int i = 0; i < word.length(); i++) {
                if (!step(word.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private boolean step(int label) throws IOException {
            if (fst.findTargetArc(label, arc, next, reader) == null) {
                return false;
            }
            FST.Arc<Long> swap = arc;
            arc = next;
            next = swap;
            return true;
        }
    }

    @Override
    public String threading() {
        return "shared FST, one BytesReader and arcs per thread";
    }
}
