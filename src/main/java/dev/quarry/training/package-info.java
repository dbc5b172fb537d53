/**
 * Training and evaluating Quarry's models on OpenNLP: a named-entity recognizer ({@code NameFinderME}) and a text
 * classifier (exclusive or multi-label, on OpenNLP's event trainers or Quarry's own learners: complement naive Bayes,
 * a linear SVM, and the two combined).
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>Data: {@link dev.quarry.training.NerExample} (tokens, gold {@link dev.quarry.training.EntitySpan}s as token
 *       indices with end exclusive, and a document id); {@link dev.quarry.training.ConllReader} reads CoNLL/IOB files
 *       (IOB1 or IOB2, {@code -DOCSTART-} documents kept); {@link dev.quarry.training.NerTasks} turns examples into
 *       Prodigy-style tasks (code-point offsets, {@code token_end} inclusive) for the datasets.</li>
 *   <li>NER: {@link dev.quarry.training.NerSettings} holds every learner parameter (passed to OpenNLP explicitly,
 *       never left to its call-dependent defaults) and the features: OpenNLP's default set, word-vector clusters
 *       ({@link dev.quarry.training.WordClusters}, seeded spherical k-means, several granularities in a window),
 *       affixes, word shapes, how a word is written elsewhere in its document, pattern matches ("the token lies in a
 *       match of label L", from a {@link dev.quarry.matching.Matcher}), a two-pass mode where a second model sees
 *       a first model's labels for the same word elsewhere in the document, and optional {@link
 *       dev.quarry.training.NerFeature}s (cluster bigrams, cluster x shape, a document's news-wire topic, ...), each
 *       recorded in the settings. {@link dev.quarry.training.NerTrainer} trains a {@link
 *       dev.quarry.training.NerModel}, which predicts document by document (adaptive data cleared at each document
 *       start; OpenNLP's beam search, with the perceptron's parameters looked up once per token), evaluates, saves and
 *       loads (the clusters and settings travel inside the OpenNLP model). {@code benchmarks/training/README.md} has
 *       what each feature is worth on CoNLL-2003.</li>
 *   <li>From stored annotations: {@link dev.quarry.training.DatasetExamples} reads dataset examples (or task files)
 *       as complete and binary NER examples and text-classification examples (binary answers per label and choice
 *       answers, as {@link dev.quarry.training.TextcatTasks} reads them), gold overriding silver by
 *       input hash, spans aligned to tokens ({@link dev.quarry.training.SpanAlignment}); what it leaves out is
 *       counted in {@link dev.quarry.training.TrainingExamples}, what it cannot read is a {@link
 *       dev.quarry.training.TrainingDataException} naming the dataset, the example and the span.</li>
 *   <li>Binary answers (accept or reject one suggested span, as {@link dev.quarry.training.NerModel#suggest} offers
 *       them): {@link dev.quarry.training.BinaryNerExample} keeps the accepted and rejected spans; every other token
 *       is <em>unknown</em>, not O. {@link dev.quarry.training.NerTrainer#train(java.util.List, java.util.List)}
 *       learns from them in steps, chosen by measurement on CoNLL-2003 ({@code benchmarks/binary}): five first
 *       models (stronger learners than the trainer's, with different optional features, from the same data and
 *       vectors) learn from the complete examples plus only the accepted spans' tokens of the binary ones (OpenNLP's
 *       event trainer gets no event for an unknown token) and, as pattern features, the words of the accepted
 *       answers (a training document's from the other documents' answers only, so an answer's own words do not give
 *       its label away); each completes each binary example with its best label
 *       sequence that contains every accepted span and none of the rejected ones (a constrained beam search over its
 *       own probabilities, its label prior corrected towards the complete examples'), and a span is kept where most
 *       of the five completions have it; five models learn again from the voted completions and complete and vote
 *       again, and the final model, with the trainer's settings, learns from the complete plus the completed
 *       examples (the second-round completers learn a completed token only where all five agreed). Reading the
 *       answers as complete annotations instead (unknown = O) scored 23.8 F1 where this scores 69.2 (full
 *       annotation of the same sentences: 70.6).
 *       {@link dev.quarry.training.BinaryTraining} holds the knobs; {@link
 *       dev.quarry.training.NerTrainer#trainMembers} completes once and trains every member of an NER vote on
 *       that completion.</li>
 *   <li>Evaluation: {@link dev.quarry.training.NerEvaluation} (exact-span P/R/F per label, micro and macro, with
 *       counts, conlleval semantics) and {@link dev.quarry.training.TextcatEvaluation} (accuracy, per-label P/R/F
 *       with counts, micro and macro F1, Hamming loss, ROC AUC per label and macro ({@link
 *       dev.quarry.training.RocAuc}), a {@link dev.quarry.training.ConfusionMatrix}; JSON and a text table). {@link
 *       dev.quarry.training.LearningCurve} trains on nested seeded 25/50/75/100% subsets with any train-and-evaluate
 *       function (NER or textcat) and writes JSON and an SVG chart (several stacked into one with {@link
 *       dev.quarry.training.LearningCurve#stack}).</li>
 *   <li>Text classification: {@link dev.quarry.training.TextcatSettings} ({@link dev.quarry.training.TextcatMode}
 *       exclusive or multi-label, learner (OpenNLP's, complement naive Bayes, a linear SVM trained by dual coordinate
 *       descent, or the SVM times complement NB, {@link dev.quarry.training.TextcatSettings#svmWithComplementNb()},
 *       the best on 20 Newsgroups), features: bag of words and n-grams, presence, counts or tf-idf values,
 *       character n-grams inside words (a second tf-idf block), cluster features and {@code ENT=LABEL} entity
 *       features), {@link dev.quarry.training.TextcatExample} (what is
 *       known about a text's labels: gold, a binary accept/reject of one label, or a choice answer), {@link
 *       dev.quarry.training.TextcatTrainer} (one-vs-rest binary models with per-label thresholds, tuned on held-out
 *       data when given ({@code tuneThresholds}); {@code fittingMode} says which mode the examples fit), {@link
 *       dev.quarry.training.TextcatModel} (scores, predictions, one {@code textcat.bin}
 *       stream for either mode). Scoring looks each feature up once, in the model's {@code FeatureIndex} (shared by
 *       the idf table and the classifiers, which read ids; character n-grams found by their chars, no strings).</li>
 * </ul>
 *
 * <p>OpenNLP 2.5 loads model classes by name only from allow-listed packages; this package allow-lists itself
 * ({@code ExtensionLoader.registerAllowedPackage}) before it trains or loads a model. OpenNLP's own word-cluster
 * serializer closes the model stream in 2.5.11, so clusters are stored by {@link
 * dev.quarry.training.WordClustersSerializer} instead. {@link dev.quarry.training.QuarryNameFinderFactory} and that
 * serializer are public only because OpenNLP instantiates them by name.
 *
 * <p>Training is single-threaded and deterministic for the same data and settings. Trained models are thread-safe
 * for prediction.
 */
package dev.quarry.training;
