/**
 * The HTTP service: pattern matching and match-then-predict over HTTP while curators edit the pattern files
 * underneath, and the annotation app served beside it, with a model in the loop.
 *
 * <h2>Where to start</h2>
 * {@link dev.quarry.service.Service#start} with {@link dev.quarry.service.ServiceOptions#defaults(java.nio.file.Path)}
 * (and {@link dev.quarry.service.ServiceOptions#withModel} for a model package); {@code quarry serve --model M
 * --patterns DIR} does the same from the command line. The server is the JDK's own
 * {@code com.sun.net.httpserver} with a virtual thread per request: no dependency, and the handlers are short
 * CPU-bound calls into the matcher (see {@code benchmarks/service} for what it sustains).
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code POST /v1/match} with {@code {"text": "..."}} answers {@code {"spans": [...], "patterns_version": V}};
 *       with {@code {"texts": ["...", ...]}} it answers {@code {"results": [R, ...], "patterns_version": V}}, one
 *       {@code R} per text in order, each {@code {"spans": [...]}} or {@code {"error": {"code", "message"}}}: a bad
 *       item fails alone. Spans are written exactly as {@code quarry match} writes them
 *       ({@link dev.quarry.streams.MatchSpans}): {@code start}/{@code end} in Unicode code points, {@code token_end}
 *       inclusive, {@code label}, {@code pattern_id}, {@code source}. One request is answered from one pattern
 *       set.</li>
 *   <li>{@code POST /v1/predict} (the model alone) and {@code POST /v1/analyze} (match-then-predict: pattern matches
 *       where they fire, model entities where they do not, categories) take the same {@code text} / {@code texts}
 *       and answer each result as {@code {"spans": [...], "cats": {...}}}, written by
 *       {@link dev.quarry.pipeline.AnalysisJson}: each span with {@code "origin": "pattern"} (and {@code pattern_id},
 *       {@code source}) or {@code "origin": "model"} (and {@code score}); {@code cats} only with a text
 *       classifier. Answers carry {@code patterns_version} and {@code model_version}. With a model the served
 *       patterns are the pattern files (compiled with the package's language and pattern settings), else the
 *       package's own; without a model both endpoints answer 409 {@code no_model}. One request is answered by one
 *       pattern set and one model ({@code TextsEndpoint}).</li>
 *   <li>{@code GET /v1/health}: {@code status} ({@code ok}, or {@code degraded} while the files on disk have
 *       errors), {@code patterns} ({@code version} = content hash, {@code count}, {@code files}, {@code loaded_at}),
 *       {@code last_reload} ({@code at}, {@code ok}, {@code errors} as {@code file:line:column: error: message}),
 *       {@code reloads} ({@code ok}, {@code failed}), {@code model} (null, or {@code path}, {@code version} = content
 *       hash of the package's files, {@code quarry_model}, {@code quarry_version}, {@code created},
 *       {@code components}, {@code labels}, {@code examples}).</li>
 *   <li>{@code GET /metrics}: Prometheus text, {@code quarry_http_requests_total{endpoint,status}},
 *       {@code quarry_http_request_duration_seconds} (histogram by endpoint: from the request to its answer being
 *       ready; a request is counted before its answer is sent, so a client that has its answer finds it counted),
 *       {@code quarry_pattern_reloads_total{result}}, {@code quarry_patterns}, {@code quarry_model_loaded} and, when
 *       the annotation app retrains, {@code quarry_model_trainings_total{result}}.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Every error is {@code {"code": "...", "message": "..."}} with a stable {@link dev.quarry.service.ErrorCode}; limits
 * name the value, the limit and the option ({@code --max-body-bytes}, {@code --max-text-chars}); malformed JSON gives
 * line and column; unknown fields are named. With a token ({@code --token-file}) every endpoint needs
 * {@code Authorization: Bearer <token>}, compared in constant time.
 *
 * <h2>The annotation app</h2>
 * {@link dev.quarry.service.Service#annotate} with {@link dev.quarry.service.AnnotateOptions} ({@code quarry annotate})
 * also serves a page at {@code /annotate/} (plain HTML, CSS and JavaScript under {@code resources/.../annotate/}, no
 * build step; task text only ever set with {@code textContent}) and its API under {@code /v1/annotate/}
 * ({@code AnnotateEndpoints} lists it). {@code AnnotationTasks} builds the lazy stream of questions per mode,
 * {@code AnnotationQueue} holds the reservations, answers and undo (its Javadoc states the rules: keys, reservations,
 * undo as an appended ignore, restarts), {@code Answers} checks an answer against its task before one
 * {@link dev.quarry.datasets.Database#add} per answer. In ner binary mode an accept may name the right label
 * ({@code "label": L}, "no, it is L"; {@code AnswerRequest}): it is stored as an accept of L on the question's
 * tokens, same task hash, with the asked label as {@code "_suggested_label"} ({@code Answers} states the shape).
 * The browser test is {@code AnnotateBrowserIT} with {@code e2e/annotate.mjs}.
 *
 * <h2>The model in the loop</h2>
 * With a model ({@code --model}) every task is suggested by match-then-predict ({@code Suggestions}): model spans are
 * pre-highlighted in manual mode (marked as the model's, with their score) and asked about one by one in binary
 * mode, and the look-ahead window ({@code AnnotationStream}) ranks pattern hits first, then the most uncertain
 * predictions. With {@code --retrain-every N} a {@code ModelLoop} thread trains the annotated part again on the
 * whole dataset every N new answers ({@link dev.quarry.pipeline.Retraining}: the served model's settings, or the
 * defaults when there is none yet), publishes it in one volatile write and has the queue take back the texts it has
 * not handed out, to suggest and rank them again: none is dropped or repeated. A failed training keeps the old
 * model and is logged and shown in {@code /v1/annotate/progress} ({@code model.retrain.last.error}).
 *
 * <h2>Hot reload</h2>
 * A watcher thread reacts to file-system events and, as a fallback, checks sizes and modification times every poll
 * interval; once the files have been still for the debounce time the whole set is loaded and compiled aside, then
 * published with one volatile write. A set with errors is never served: the old one stays, the errors go to
 * {@code /v1/health} and the log.
 */
package dev.quarry.service;
