package dev.quarry.streams;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Sources} reads a source.
 *
 * @param format the file format, {@link SourceFormat#AUTO} by extension
 * @param textColumn the CSV/TSV column that holds the text (every other column goes into {@code meta} as a string)
 * @param paragraphs whether each document is split into one task per paragraph (at blank lines), with
 *     {@code meta.doc_id}, {@code meta.paragraph} (from 0) and {@code meta.offset} (code points from the start of
 *     the document); a plain text file is then one document
 * @param extensions the file extensions (without the dot, lower case) read from a directory
 * @param onBadRecord null to stop at the first bad record with a {@link TaskFormatException}; else each bad record
 *     is passed here and skipped
 */
public record SourceOptions(SourceFormat format, String textColumn, boolean paragraphs, List<String> extensions,
                            Consumer<TaskFormatException> onBadRecord) {

    /** The extensions read from a directory by default. */
    public static final List<String> DEFAULT_EXTENSIONS = List.of("jsonl", "ndjson", "json", "txt", "csv", "tsv");

    public SourceOptions {
        Objects.requireNonNull(format, "format");
        if (textColumn == null || textColumn.isEmpty()) {
            throw new IllegalArgumentException("textColumn must be a non-empty column name, got " + textColumn);
        }
        extensions = extensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("extensions must not be empty");
        }
    }

    /** Format by extension, column {@code text}, no paragraph splitting, the default extensions, strict. */
    public static SourceOptions defaults() {
        return new SourceOptions(SourceFormat.AUTO, "text", false, DEFAULT_EXTENSIONS, null);
    }

    public SourceOptions withFormat(SourceFormat value) {
        return new SourceOptions(value, textColumn, paragraphs, extensions, onBadRecord);
    }

    public SourceOptions withTextColumn(String value) {
        return new SourceOptions(format, value, paragraphs, extensions, onBadRecord);
    }

    public SourceOptions withParagraphs(boolean value) {
        return new SourceOptions(format, textColumn, value, extensions, onBadRecord);
    }

    public SourceOptions withExtensions(List<String> value) {
        return new SourceOptions(format, textColumn, paragraphs, value, onBadRecord);
    }

    /** Skip bad records, passing each to {@code value}; null to stop at the first. */
    public SourceOptions withOnBadRecord(Consumer<TaskFormatException> value) {
        return new SourceOptions(format, textColumn, paragraphs, extensions, value);
    }
}
