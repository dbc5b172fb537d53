/**
 * The matching benchmark: Quarry's phrase matcher against its peers (Lucene SynonymGraphFilter, Lucene Monitor,
 * OpenNLP DictionaryNameFinder, Aho-Corasick, a plain HashMap trie) and the tokenizer floor, on 20 Newsgroups and
 * CoNLL-2003 text with 1k, 100k and 1M phrase patterns.
 *
 * <p>Start at {@link dev.quarry.bench.Main}: it builds the data ({@link dev.quarry.bench.BenchData}), forks one JVM
 * per peer and size ({@link dev.quarry.bench.Trial}) and writes the report ({@link dev.quarry.bench.Report}). Each
 * peer is a {@link dev.quarry.bench.Peer}. Not a library: nothing here is API.
 */
package dev.quarry.bench;
