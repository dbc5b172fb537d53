package dev.quarry.bench;

import dev.quarry.text.Doc;
import dev.quarry.text.Tokenizer;
import java.util.List;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.util.StringList;

/**
 * OpenNLP 2.5 DictionaryNameFinder over a case-insensitive Dictionary, fed Quarry's tokens (so it sees the same
 * tokens as Quarry and the trie). It reports the longest match at each start and skips past it, so overlapping
 * matches are not counted.
 */
final class DictionaryPeer implements Peer {

    private final Tokenizer tokenizer = Tokenizer.standard();
    private Dictionary dictionary;

    @Override
    public void compile(List<Phrase> phrases) {
        dictionary = new Dictionary(false);
        for (Phrase phrase : phrases) {
            dictionary.put(new StringList(phrase.words()));
        }
    }

    @Override
    public Scanner scanner() {
        DictionaryNameFinder finder = new DictionaryNameFinder(dictionary, "M");
        return text -> {
            Doc doc = tokenizer.tokenize(text);
            String[] tokens = new String[doc.size()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = doc.tokenText(i);
            }
            return finder.find(tokens).length;
        };
    }

    @Override
    public String threading() {
        return "one DictionaryNameFinder per thread over a shared Dictionary";
    }
}
