/**
 * The HTTP service: pattern matching over HTTP while curators edit the pattern files underneath, and the annotation
 * app served beside it.
 *
 * <h2>Where to start</h2>
 * {@link dev.quarry.service.Service#start} with {@link dev.quarry.service.ServiceOptions#defaults(java.nio.file.Path)};
 * {@code quarry serve --patterns DIR} does the same from the command line. The server is the JDK's own
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
 *   <li>{@code GET /v1/health}: {@code status} ({@code ok}, or {@code degraded} while the files on disk have
 *       errors), {@code patterns} ({@code version} = content hash, {@code count}, {@code files}, {@code loaded_at}),
 *       {@code last_reload} ({@code at}, {@code ok}, {@code errors} as {@code file:line:column: error: message}),
 *       {@code reloads} ({@code ok}, {@code failed}).</li>
 *   <li>{@code GET /metrics}: Prometheus text, {@code quarry_http_requests_total{endpoint,status}},
 *       {@code quarry_http_request_duration_seconds} (histogram by endpoint),
 *       {@code quarry_pattern_reloads_total{result}}, {@code quarry_patterns}.</li>
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
 * {@link dev.quarry.datasets.Database#add} per answer. The browser test is {@code AnnotateBrowserIT} with
 * {@code e2e/annotate.mjs}.
 *
 * <h2>Hot reload</h2>
 * A watcher thread reacts to file-system events and, as a fallback, checks sizes and modification times every poll
 * interval; once the files have been still for the debounce time the whole set is loaded and compiled aside, then
 * published with one volatile write. A set with errors is never served: the old one stays, the errors go to
 * {@code /v1/health} and the log.
 */
package dev.quarry.service;
