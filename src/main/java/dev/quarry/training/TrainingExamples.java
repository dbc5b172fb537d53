package dev.quarry.training;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training examples read from stored annotations by {@link DatasetExamples}.
 *
 * @param ner         complete NER annotations (every token outside a span is O); copied
 * @param binaryNer   binary NER answers (tokens outside accepted spans are unknown); copied
 * @param textcat     text classification examples (binary, choice or complete answers); copied
 * @param inputHashes the input hash of every example used, sorted, distinct; copied
 * @param counts      what was read, kept and left out, by reason (for instance {@code ignored},
 *                    {@code silver_overridden}, {@code empty_text}, {@code snapped_spans}, {@code binary_answers},
 *                    {@code binary_conflicts}, {@code binary_superseded}); copied
 */
public record TrainingExamples(List<NerExample> ner, List<BinaryNerExample> binaryNer, List<TextcatExample> textcat,
                               List<Long> inputHashes, Map<String, Long> counts) {

    public TrainingExamples {
        ner = List.copyOf(ner);
        binaryNer = List.copyOf(binaryNer);
        textcat = List.copyOf(textcat);
        inputHashes = inputHashes.stream().distinct().sorted().toList();
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The first 16 hex digits of the SHA-256 of the sorted input hashes (8 bytes each, big-endian). */
    public String inputHashDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer bytes = ByteBuffer.allocate(8);
            for (long hash : inputHashes) {
                sha.update(bytes.clear().putLong(hash).array());
            }
            sha.update("quarry.training.v1".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A count by reason, 0 when absent. */
    public long count(String reason) {
        return counts.getOrDefault(reason, 0L);
    }
}
