package dev.quarry.bench;

import dev.quarry.text.Tokenizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Documents held in memory, with their UTF-8 sizes and token counts (Quarry's tokenizer, and Lucene's
 * StandardTokenizer alone), so that timed loops only add numbers.
 */
record Corpus(String name, String[] docs, int[] utf8Bytes, int[] quarryTokens, int[] luceneTokens) {

    static Corpus of(List<String> docs, Tokenizer tokenizer) {
        int n = docs.size();
        Corpus corpus = new Corpus("", docs.toArray(String[]::new), new int[n], new int[n], new int[n]);
        for (int i = 0; i < n; i++) {
            String text = docs.get(i);
            corpus.utf8Bytes[i] = text.getBytes(StandardCharsets.UTF_8).length;
            corpus.quarryTokens[i] = tokenizer.tokenize(text).size();
            corpus.luceneTokens[i] = luceneTokenCount(text);
        }
        return corpus;
    }

    static int luceneTokenCount(String text) {
        try (StandardTokenizer tokens = new StandardTokenizer()) {
            tokens.setReader(new StringReader(text));
            tokens.reset();
            int count = 0;
            while (tokens.incrementToken()) {
                count++;
            }
            tokens.end();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return docs.length;
    }

    long totalBytes() {
        long sum = 0;
        for (int b : utf8Bytes) {
            sum += b;
        }
        return sum;
    }

    long totalQuarryTokens() {
        long sum = 0;
        for (int t : quarryTokens) {
            sum += t;
        }
        return sum;
    }

    /** The first documents, up to about {@code bytes} UTF-8 bytes. */
    Corpus prefix(long bytes) {
        int n = 0;
        for (long sum = 0; n < docs.length && sum < bytes; n++) {
            sum += utf8Bytes[n];
        }
        return new Corpus(name, java.util.Arrays.copyOf(docs, n), java.util.Arrays.copyOf(utf8Bytes, n),
                java.util.Arrays.copyOf(quarryTokens, n), java.util.Arrays.copyOf(luceneTokens, n));
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(docs.length);
            for (int i = 0; i < docs.length; i++) {
                byte[] utf8 = docs[i].getBytes(StandardCharsets.UTF_8);
                out.writeInt(quarryTokens[i]);
                out.writeInt(luceneTokens[i]);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        Files.move(tmp, file);
    }

    static Corpus read(String name, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            Corpus corpus = new Corpus(name, new String[n], new int[n], new int[n], new int[n]);
            for (int i = 0; i < n; i++) {
                corpus.quarryTokens[i] = in.readInt();
                corpus.luceneTokens[i] = in.readInt();
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                corpus.utf8Bytes[i] = utf8.length;
                corpus.docs[i] = new String(utf8, StandardCharsets.UTF_8);
            }
            return corpus;
        }
    }
}
