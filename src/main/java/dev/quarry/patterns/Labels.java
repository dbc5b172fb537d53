package dev.quarry.patterns;

import java.util.Arrays;

/**
 * Interns labels straight from the parser's character buffer, so that a million lines with a handful of labels
 * make a handful of strings, not a million. Open addressing over a power-of-two table. Not thread-safe.
 */
final class Labels {

    private String[] table = new String[64];
    private int size;

    /** The one string equal to {@code chars[offset, offset + length)}. */
    String intern(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = table.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String candidate = table[slot];
            if (candidate == null) {
                String label = new String(chars, offset, length);
                table[slot] = label;
                if (++size * 2 > table.length) {
                    grow();
                }
                return label;
            }
            if (candidate.hashCode() == hash && matches(candidate, chars, offset, length)) {
                return candidate;
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean matches(String candidate, char[] chars, int offset, int length) {
        if (candidate.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (candidate.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String label : old) {
            if (label != null) {
                int slot = mix(label.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = label;
            }
        }
        Arrays.fill(old, null);
    }
}
