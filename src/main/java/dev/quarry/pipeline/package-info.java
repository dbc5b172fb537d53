/**
 * Match-then-predict over a model package: pattern matches where patterns fire, NER entities where they do not,
 * text categories, every span saying where it came from.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * Pipeline pipeline = Pipeline.load(Path.of("models/news"));      // a directory or a .zip (or Pipeline.of(model))
 * Analysis analysis = pipeline.analyze("Anna flew to Paris.");     // patterns, then the NER, merged; cats
 * for (AnalyzedSpan span : analysis.spans()) {
 *     switch (span.origin()) {
 *         case Origin.FromPattern p -> ...p.patternId(), p.source()    // "patterns.jsonl:12"
 *         case Origin.FromModel m -> ...m.score()
 *     }
 * }
 * pipeline.match(text); pipeline.predict(text);                     // patterns only, model only
 * List<Analysis> all = pipeline.analyzeAll(texts);                  // all cores, input order
 * ObjectNode task = AnalysisJson.put(json, analysis);               // Prodigy-style spans (code points), cats, labels
 * Pipeline live = pipeline.withMatcher(reloadedPatterns);           // other patterns, same models
 * }</pre>
 * {@link dev.quarry.pipeline.Retraining} trains one part of a package again from annotations, keeping the rest (the
 * annotation app's model in the loop); an NER vote is retrained member by member, each with its own settings.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>A text is tokenized once with the package's language (the matcher's tokenizer). Patterns run over the
 *       whole text with the package's overlap policy. The NER runs over the text's sentences ({@code
 *       text.Sentences}) as one document, so document-level features and adaptive data span the text. Each model
 *       entity has a score: the mean probability of the outcomes chosen for its tokens.</li>
 *   <li>{@link dev.quarry.pipeline.MergePolicy#PATTERNS_WIN} (the default): every pattern match is kept; a model
 *       entity is kept only where it shares no token with a pattern match.</li>
 *   <li>The text classifier sees the labels of the merged spans as {@code ENT=LABEL} features when its settings
 *       ask for entity features. {@link dev.quarry.pipeline.Analysis#cats()} holds each label's probability (summing
 *       to 1 for exclusive labels, each its own label's for multi-label), {@link
 *       dev.quarry.pipeline.Analysis#labels()} the decision: the most probable label, or every label whose
 *       probability reaches its threshold (multi-label); JSON {@code "cats"} and {@code "labels"}.</li>
 *   <li>Offsets in Java are UTF-16 {@code String} indices, token ends exclusive; {@link
 *       dev.quarry.pipeline.AnalysisJson} writes code points and inclusive {@code token_end}.</li>
 * </ul>
 * Everything here is immutable and thread-safe. OpenNLP types never appear here.
 */
package dev.quarry.pipeline;
