package dev.quarry.training;

import java.util.Map;

/** The OpenNLP event-trainer parameters that the NER and the text classifier set alike, all of them explicitly. */
final class LearnerParameters {

    private LearnerParameters() {
    }

    /** Puts the algorithm, iterations, cutoff, one thread and the data indexer. */
    static void common(Map<String, String> params, String algorithm, int iterations, int cutoff, String indexer) {
        params.put("Algorithm", algorithm);
        params.put("TrainerType", "Event");
        params.put("Iterations", Integer.toString(iterations));
        params.put("Cutoff", Integer.toString(cutoff));
        params.put("Threads", "1");
        params.put("DataIndexer", indexer);
    }

    /**
     * Puts what the learner needs beyond the common parameters: averaging for {@code PERCEPTRON}, the costs and
     * limits of {@code MAXENT_QN}, GIS's convergence threshold and no smoothing for {@code MAXENT}; nothing for others.
     */
    static void learner(Map<String, String> params, String algorithm, double l1Cost, double l2Cost) {
        switch (algorithm) {
            case "PERCEPTRON" -> {
                params.put("UseAverage", "true");
                params.put("UseSkippedAveraging", "false");
                params.put("StepSizeDecrease", "0");
                params.put("Tolerance", "1.0E-5");
            }
            case "MAXENT_QN" -> {
                params.put("L1Cost", Double.toString(l1Cost));
                params.put("L2Cost", Double.toString(l2Cost));
                params.put("NumOfUpdates", "15");
                params.put("MaxFctEval", "30000");
            }
            case "MAXENT" -> {
                params.put("LLThreshold", "1.0E-4");
                params.put("Smoothing", "false");
                params.put("GaussianSmoothing", "false");
            }
            default -> {
            }
        }
    }
}
