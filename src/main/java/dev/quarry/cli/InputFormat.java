package dev.quarry.cli;

/** How an input file is read: JSON Lines with a {@code text} field, or plain text with one text per line. */
enum InputFormat {
    AUTO, JSONL, TEXT;

    /** The format for a file name under {@link #AUTO}; {@code -} (standard input) is sniffed instead. */
    static InputFormat byName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json") ? JSONL : TEXT;
    }
}
