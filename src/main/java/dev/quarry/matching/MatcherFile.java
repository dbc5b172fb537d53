package dev.quarry.matching;

import dev.quarry.patterns.Attr;
import dev.quarry.patterns.PatternException;
import dev.quarry.patterns.PatternReader;
import dev.quarry.patterns.PatternSource;
import dev.quarry.patterns.PatternWriter;
import dev.quarry.patterns.TokenPattern;
import dev.quarry.text.Language;
import dev.quarry.text.Tokenizer;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file format of {@link Matcher#save}: the magic {@code QRYMATCH}, a version, the options (tokenizer language and
 * URL mode, phrase attribute, overlap, label priority), the pattern table as arrays, the phrase dictionaries and tries
 * as raw little-endian arrays, and each token pattern as its pattern-file JSON line. Opening maps the file and copies
 * the arrays in bulk; only the token patterns are parsed again.
 */
final class MatcherFile {
    /* Version 3: a trie is its layout (term bits, value bits, width), its table and its outputs. 2 had 16-byte trie
       slots keyed by the state's creation number; 1 had the trie's root transitions in an array of their own, and no
       keys packed in the dictionary table. Every array is an int length and its elements; every string an int length
       and UTF-8 bytes. Writing goes to a sibling temporary file that replaces the target at the end, so a crash
       leaves the old file. */

    static final byte[] MAGIC = "QRYMATCH".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 3;

    private MatcherFile() {
    }

    static void write(Matcher matcher, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeTo(matcher, temporary);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeTo(Matcher matcher, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            BinaryOut out = new BinaryOut(channel);
            out.bytes(MAGIC);
            out.writeInt(VERSION);
            writeOptions(matcher.options(), out);
            writeTable(matcher.table(), out);
            writePhrases(matcher.phrases(), out);
            out.flush();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Matcher read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException(file + ": a matcher file is at most 2 GiB, got " + channel.size() + " bytes");
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            BinaryIn in = new BinaryIn(mapped);
            checkHeader(file, in);
            MatchOptions options = readOptions(in);
            PatternTable table = readTable(file, in);
            PhraseEngine phrases = readPhrases(in);
            if (!in.atEnd()) {
                throw new IOException(file + ": unexpected bytes after the matcher data");
            }
            return new Matcher(options, table, phrases, new TokenEngine(programs(table)));
        } catch (BufferUnderflowException | IllegalStateException | IllegalArgumentException e) {
            throw new IOException(file + ": truncated or corrupt matcher file: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Path file, BinaryIn in) throws IOException {
        byte[] magic;
        try {
            magic = in.bytes();
        } catch (BufferUnderflowException | IllegalStateException e) {
            magic = new byte[0];
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + ": not a Quarry matcher file (expected it to start with \"QRYMATCH\")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(file + ": matcher file version " + version + " is not supported, expected "
                    + VERSION + " (save the matcher again with this version of Quarry)");
        }
    }

    private static void writeOptions(MatchOptions options, BinaryOut out) throws IOException {
        Tokenizer tokenizer = options.tokenizer();
        out.string(tokenizer.language().code());
        out.writeBoolean(tokenizer.keepingUrlsAndEmails() == tokenizer);
        out.string(options.phraseAttr().name());
        out.string(options.overlap().name());
        out.writeInt(options.labelPriority().size());
        for (String label : options.labelPriority()) {
            out.string(label);
        }
    }

    private static MatchOptions readOptions(BinaryIn in) {
        Tokenizer tokenizer = Tokenizer.forLanguage(Language.of(in.string()));
        if (in.readBoolean()) {
            tokenizer = tokenizer.keepingUrlsAndEmails();
        }
        Attr attr = Attr.valueOf(in.string());
        Overlap overlap = Overlap.valueOf(in.string());
        List<String> priority = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            priority.add(in.string());
        }
        return new MatchOptions(tokenizer, attr, overlap, priority);
    }

    private static void writeTable(PatternTable table, BinaryOut out) throws IOException {
        strings(table.labels, out);
        out.ints(table.labelIds);
        strings(table.files, out);
        out.ints(table.fileIds);
        out.ints(table.lines);
        out.bytes(table.kinds);
        column(table.ids, out);
        column(table.phrases, out);
        out.longs(table.numericIds.toLongArray());
        out.writeInt(table.tokenPatterns.size());
        for (var entry : table.tokenPatterns.entrySet()) {
            out.writeInt(entry.getKey());
            out.string(PatternWriter.toJsonLine(entry.getValue()));
        }
    }

    private static PatternTable readTable(Path file, BinaryIn in) throws IOException {
        String[] labels = strings(in);
        int[] labelIds = in.ints();
        String[] files = strings(in);
        int[] fileIds = in.ints();
        int[] lines = in.ints();
        byte[] kinds = in.bytes();
        StringColumn ids = column(in);
        StringColumn phrases = column(in);
        BitSet numericIds = BitSet.valueOf(in.longs());
        Map<Integer, TokenPattern> tokenPatterns = new HashMap<>();
        for (int count = in.readInt(); count > 0; count--) {
            int index = in.readInt();
            String json = in.string();
            tokenPatterns.put(index, parseTokenPattern(file, json, files[fileIds[index]], lines[index]));
        }
        return new PatternTable(labels, labelIds, files, fileIds, lines, kinds, ids, phrases, numericIds,
                tokenPatterns);
    }

    private static TokenPattern parseTokenPattern(Path file, String json, String patternFile, int line)
            throws IOException {
        try {
            if (PatternReader.parseLine(json, new PatternSource(patternFile, line))
                    instanceof TokenPattern token) {
                return token;
            }
        } catch (PatternException e) {
            throw new IOException(file + ": a saved token pattern no longer parses: " + e.getMessage(), e);
        }
        throw new IOException(file + ": a saved token pattern is not a token pattern: " + json);
    }

    private static void strings(String[] values, BinaryOut out) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            out.string(value);
        }
    }

    private static String[] strings(BinaryIn in) {
        String[] values = new String[in.readInt()];
        Arrays.setAll(values, i -> in.string());
        return values;
    }

    private static void column(StringColumn column, BinaryOut out) throws IOException {
        out.chars(column.all.toCharArray());
        out.ints(column.starts);
        out.longs(column.nulls.toLongArray());
    }

    private static StringColumn column(BinaryIn in) {
        return new StringColumn(new String(in.chars()), in.ints(), BitSet.valueOf(in.longs()));
    }

    private static void writePhrases(PhraseEngine engine, BinaryOut out) throws IOException {
        for (int a = 0; a < engine.tries.length; a++) {
            out.writeBoolean(engine.tries[a] != null);
            if (engine.tries[a] != null) {
                TermDictionary d = engine.dictionaries[a];
                out.chars(d.pool);
                out.longs(d.table);
                out.writeInt(d.size);
                out.writeInt(d.maxLength);
                PhraseTrie t = engine.tries[a];
                out.writeInt(t.termBits);
                out.writeInt(t.valueBits);
                out.writeInt(t.width);
                out.longs(t.table);
                out.ints(t.outputs);
            }
        }
    }

    private static PhraseEngine readPhrases(BinaryIn in) {
        TermDictionary[] dictionaries = new TermDictionary[3];
        PhraseTrie[] tries = new PhraseTrie[3];
        for (int a = 0; a < 3; a++) {
            if (in.readBoolean()) {
                dictionaries[a] = new TermDictionary(in.chars(), in.longs(), in.readInt(), in.readInt());
                int termBits = in.readInt();
                int valueBits = in.readInt();
                int width = in.readInt();
                tries[a] = new PhraseTrie(in.longs(), in.ints(), termBits, valueBits, width);
            }
        }
        return new PhraseEngine(dictionaries, tries);
    }

    private static List<TokenProgram> programs(PatternTable table) {
        List<TokenProgram> programs = new ArrayList<>();
        table.tokenPatterns.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> programs.add(new TokenProgram(e.getKey(), e.getValue())));
        return programs;
    }
}
