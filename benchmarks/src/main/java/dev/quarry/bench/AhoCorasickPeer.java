package dev.quarry.bench;

import java.util.List;
import org.ahocorasick.trie.Trie;

/**
 * org.ahocorasick 0.6.3: a character-level Aho-Corasick automaton over the phrases, {@code ignoreCase()} and
 * {@code onlyWholeWords()}, all overlapping matches. It sees characters, not tokens: a phrase's words must be separated
 * by exactly one space in the text (a line break between them misses), and "whole word" means no letter right before
 * or after (so a digit or an apostrophe next to the match does not stop it).
 */
final class AhoCorasickPeer implements Peer {

    private Trie trie;

    @Override
    public void compile(List<Phrase> phrases) {
        Trie.TrieBuilder builder = Trie.builder().ignoreCase().onlyWholeWords();
        for (Phrase phrase : phrases) {
            builder.addKeyword(phrase.text());
        }
        trie = builder.build();
    }

    @Override
    public Scanner scanner() {
        long[] found = new long[1];
        return text -> {
            found[0] = 0;
            trie.parseText(text, emit -> {
                found[0]++;
                return true;
            });
            return found[0];
        };
    }

    @Override
    public String threading() {
        return "shared trie (parseText keeps no state in the trie), one counter per thread";
    }
}
