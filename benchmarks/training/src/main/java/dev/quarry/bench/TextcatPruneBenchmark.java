package dev.quarry.bench;

import dev.quarry.training.TextcatEvaluation;
import dev.quarry.training.TextcatExample;
import dev.quarry.training.TextcatModel;
import dev.quarry.training.TextcatSettings;
import dev.quarry.training.TextcatTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Would a smaller {@code SVM_CNB} model score the same? Trains a config (default: the default) on a split of 20
 * Newsgroups (headers stripped; {@code dev} a seeded 90/10 of train, {@code late} each group's latest 10%, {@code
 * test} train/test), then rewrites the SVM's weights in the saved {@code textcat.bin} (half-precision rounding, or
 * weights under a magnitude set to 0), reloads the model and scores it again. Sizes: the deflated bytes of the SVM's
 * weights as stored now (dense floats) and as a sparse half-precision encoding would store them (per feature: its
 * nonzero count, then class index and value per nonzero weight; the names as now). Usage: TextcatPruneBenchmark
 * DATA_DIR SPLIT CONFIG THRESHOLD... (THRESHOLD 0: half precision only).
 *
 * <p>Since 07:12 (machine clock, 2026-11-21) the library itself prunes under 0.01 and stores half precision
 * (dev.quarry.training.LinearSvm.PRUNE_BELOW), so the weights this reads are already pruned there: thresholds at or
 * under 0.01 now change nothing. The README's table was measured on dense models, before that commit.
 */
public final class TextcatPruneBenchmark {

    /** The parsed exclusive {@code model.bin} of an {@code SVM_CNB} model: SVM outcomes, names, weights, the rest. */
    record Svm(List<String> outcomes, List<String> names, float[][] weights, byte[] cnb) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        List<List<TextcatExample>> split = TextcatBenchmark.split(data, 'x', args[1]);
        TextcatSettings settings = TextcatBenchmark.settings(args[2]);
        System.out.printf(Locale.ROOT, "%s: train %d, score %d texts; %s%n", args[1], split.get(0).size(),
                split.get(1).size(), settings);
        TextcatModel model = new TextcatTrainer(settings, Map.of()).train(split.get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        Map<String, byte[]> entries = entries(out.toByteArray());
        Svm svm = parse(entries.get("model.bin"));
        histogram(svm.weights());
        System.out.println("| weights kept | threshold | nonzero weights | features kept | accuracy | macro F1 | "
                + "weights deflated bytes |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        row("float32 (as stored)", -1, svm, entries, settings, split.get(1));
        for (int i = 3; i < args.length; i++) {
            row("half precision", Double.parseDouble(args[i]), svm, entries, settings, split.get(1));
        }
    }

    private static void row(String kind, double threshold, Svm svm, Map<String, byte[]> entries,
                            TextcatSettings settings, List<TextcatExample> eval) throws IOException {
        float[][] w = new float[svm.weights().length][];
        long nonzero = 0;
        for (int c = 0; c < w.length; c++) {
            w[c] = svm.weights()[c].clone();
            for (int f = 0; f < w[c].length; f++) {
                if (threshold >= 0) {
                    w[c][f] = Math.abs(w[c][f]) < threshold && f < w[c].length - 1 ? 0
                            : Float.float16ToFloat(Float.floatToFloat16(w[c][f]));
                }
                nonzero += w[c][f] != 0 ? 1 : 0;
            }
        }
        int kept = 0;
        for (int f = 0; f < svm.names().size(); f++) {
            boolean any = false;
            for (float[] row : w) {
                any |= row[f] != 0;
            }
            kept += any ? 1 : 0;
        }
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put("model.bin", write(new Svm(svm.outcomes(), svm.names(), w, svm.cnb())));
        TextcatModel model = TextcatModel.load(new ByteArrayInputStream(zip(changed)), settings, Map.of());
        TextcatEvaluation e = model.evaluate(eval);
        long size = threshold < 0 ? deflated(dense(w)) : deflated(sparse(w));
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %.2f | %.2f | %,d |%n", kind,
                threshold < 0 ? "" : Double.toString(threshold), nonzero, kept, 100 * e.accuracy(), 100 * e.macroF1(),
                size);
    }

    private static void histogram(float[][] weights) {
        double[] bounds = {1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
        long[] below = new long[bounds.length];
        long total = 0;
        for (float[] row : weights) {
            for (float x : row) {
                total++;
                for (int b = 0; b < bounds.length; b++) {
                    below[b] += Math.abs(x) < bounds[b] ? 1 : 0;
                }
            }
        }
        StringBuilder line = new StringBuilder("SVM weights: " + total + "; share with |w| below");
        for (int b = 0; b < bounds.length; b++) {
            line.append(String.format(Locale.ROOT, " %g: %.1f%%", bounds[b], 100.0 * below[b] / total));
        }
        System.out.println(line);
    }

    private static Svm parse(byte[] modelBin) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(modelBin));
        expect(in.readUTF(), "svm_cnb");
        String kind = in.readUTF();
        if (!kind.equals("linear_svm") && !kind.equals("linear_svm_f16")) {
            expect(kind, "linear_svm");
        }
        List<String> outcomes = strings(in);
        List<String> names = strings(in);
        float[][] weights = new float[outcomes.size() == 2 ? 1 : outcomes.size()][names.size() + 1];
        for (float[] row : weights) {
            if (kind.equals("linear_svm")) {
                for (int f = 0; f < row.length; f++) {
                    row[f] = in.readFloat();
                }
            } else {
                readSparseHalf(in, row);
            }
        }
        return new Svm(outcomes, names, weights, in.readAllBytes());
    }

    /** The library's pruned form: nonzero count, then per weight a varint id gap and a half-precision value. */
    private static void readSparseHalf(DataInputStream in, float[] row) throws IOException {
        int f = -1;
        for (int n = in.readInt(); n > 0; n--) {
            int gap = 0;
            for (int shift = 0, b = 0x80; b >= 0x80; shift += 7) {
                b = in.readUnsignedByte();
                gap |= (b & 0x7f) << shift;
            }
            f += gap;
            row[f] = Float.float16ToFloat(in.readShort());
        }
    }

    private static void expect(String kind, String expected) throws IOException {
        if (!kind.equals(expected)) {
            throw new IOException("expected a " + expected + " model, got " + kind + " (use an SVM_CNB config)");
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> strings = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static byte[] write(Svm svm) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("svm_cnb");
        out.writeUTF("linear_svm");
        writeStrings(out, svm.outcomes());
        writeStrings(out, svm.names());
        out.write(dense(svm.weights()));
        out.write(svm.cnb());
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static byte[] dense(float[][] weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (float[] row : weights) {
            for (float x : row) {
                out.writeFloat(x);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Per feature (the bias last): the count of nonzero weights, then class index and half-precision value each. */
    private static byte[] sparse(float[][] weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int f = 0; f < weights[0].length; f++) {
            int count = 0;
            for (float[] row : weights) {
                count += row[f] != 0 ? 1 : 0;
            }
            out.writeByte(count);
            for (int c = 0; c < weights.length; c++) {
                if (weights[c][f] != 0) {
                    out.writeByte(c);
                    out.writeShort(Float.floatToFloat16(weights[c][f]));
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static long deflated(byte[] bytes) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(sink, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
            out.write(bytes);
        }
        return sink.size();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }
}
