package dev.quarry.streams;

import java.util.Locale;

/** How a source file is read; {@link #AUTO} picks one by file extension. */
public enum SourceFormat {
    /** By extension: {@code .jsonl .ndjson .json} JSON Lines, {@code .csv} CSV, {@code .tsv .tab} TSV, else text. */
    AUTO,
    /** JSON Lines: one task object per line. */
    JSONL,
    /** Plain text: one task per non-blank line, or per paragraph with {@link SourceOptions#paragraphs()}. */
    TEXT,
    /** Comma-separated values (RFC 4180) with a header row naming the columns. */
    CSV,
    /** Tab-separated values, quoted as CSV is. */
    TSV;

    /** The format of a file named {@code name} under {@link #AUTO}; this format itself otherwise. */
    public SourceFormat resolve(String name) {
        if (this != AUTO) {
            return this;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSONL;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        return lower.endsWith(".tsv") || lower.endsWith(".tab") ? TSV : TEXT;
    }
}
