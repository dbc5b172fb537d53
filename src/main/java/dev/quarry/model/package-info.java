/**
 * The model package on disk: one directory with {@code manifest.json}, {@code patterns.jsonl}, {@code ner.bin},
 * {@code textcat.bin} and {@code clusters/}, each part but the manifest optional. An NER vote adds its further
 * members as {@code ner-2.bin}, {@code ner-3.bin}, ... ({@code Builder.nerVote}, {@link
 * dev.quarry.model.ModelPackage#nerEnsemble()}). The same files zipped make a package too: {@code save} to a name
 * ending in {@code .zip} writes one zip atomically, {@code load} of a file reads it, and problems name the entry
 * ({@code model.zip!/ner.bin}).
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * ModelPackage model = ModelPackage.builder(Language.ENGLISH)
 *         .matcher(matcher).ner(ner).textcat(textcat).clusters(clusters)
 *         .training(trainingData).metrics(Metrics.ner(evaluation)).seed(7L)
 *         .build();
 * model.save(Path.of("models/news"));
 * ModelPackage again = ModelPackage.load(Path.of("models/news"));   // checked whole: ModelException names the file
 * }</pre>
 * {@link dev.quarry.model.Manifest} is the manifest as a record ({@code "quarry_model": 1}, created time, Quarry
 * version, components, language, labels, settings, clusters, training data, metrics, seed); {@link
 * dev.quarry.model.Metrics} writes evaluations as its {@code "metrics"} JSON. Manifests written before keys were
 * added to format 1 (no NER {@code features}, no {@code textcat_thresholds}) load with the defaults {@link
 * dev.quarry.model.Manifest} lists; another {@code quarry_model} version is an error naming it. To run a package on text, see {@code
 * dev.quarry.pipeline}.
 *
 * <p>Nothing here trains: the models come from {@code dev.quarry.training}. OpenNLP types never appear here.
 */
package dev.quarry.model;
