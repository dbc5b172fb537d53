package dev.quarry.service;

import dev.quarry.matching.MatchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Service} runs. Build with {@link #defaults(Path)} and the {@code with...} methods.
 *
 * @param patterns       the pattern file or directory served and watched for changes; null for none (then
 *                       {@code /v1/match} finds nothing and nothing is watched; the annotation app without patterns)
 * @param host           the address to bind, loopback ({@code 127.0.0.1}) by default
 * @param port           the TCP port; 0 picks a free one (see {@link Service#port()})
 * @param token          the bearer token every request must carry, or null for none; never printed
 * @param maxBodyBytes   the largest request body accepted, in bytes ({@code --max-body-bytes})
 * @param maxTextChars   the longest text accepted, in Unicode code points ({@code --max-text-chars})
 * @param matchOptions   how pattern sets are compiled (tokenizer, phrase attribute, overlap policy) without a model
 * @param pollInterval   how often the pattern files' sizes and modification times are checked, besides the file
 *                       system's change events (which can be missed)
 * @param debounce       how long the files must stay unchanged before a new set is loaded (editors write in steps)
 * @param model          the model package directory served by {@code /v1/predict} and {@code /v1/analyze}, or null
 *                       for none (those endpoints then answer {@link ErrorCode#NO_MODEL}); with a model, patterns are
 *                       compiled with the package's language and pattern settings, not {@code matchOptions}, and
 *                       without {@code patterns} the package's own patterns are served
 */
public record ServiceOptions(Path patterns, String host, int port, String token, int maxBodyBytes, int maxTextChars,
                             MatchOptions matchOptions, Duration pollInterval, Duration debounce, Path model) {

    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

    public ServiceOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(matchOptions, "matchOptions");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        if (maxBodyBytes < 1 || maxTextChars < 1) {
            throw new IllegalArgumentException(
                    "limits must be >= 1, got max body bytes " + maxBodyBytes + ", max text chars " + maxTextChars);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || debounce.isNegative()) {
            throw new IllegalArgumentException(
                    "poll interval must be > 0 and debounce >= 0, got " + pollInterval + " and " + debounce);
        }
    }

    /** Loopback, port 8080, no token, 1 MiB bodies, 100,000-character texts, 2 s polling, 200 ms debounce. */
    public static ServiceOptions defaults(Path patterns) {
        return new ServiceOptions(patterns, "127.0.0.1", 8080, null, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_TEXT_CHARS,
                MatchOptions.defaults(), Duration.ofSeconds(2), Duration.ofMillis(200), null);
    }

    public ServiceOptions withHost(String host) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, model);
    }

    public ServiceOptions withPort(int port) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, model);
    }

    public ServiceOptions withToken(String token) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, model);
    }

    public ServiceOptions withLimits(int maxBodyBytes, int maxTextChars) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, model);
    }

    public ServiceOptions withMatchOptions(MatchOptions matchOptions) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, model);
    }

    public ServiceOptions withReloadTiming(Duration pollInterval, Duration debounce) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, model);
    }

    /** The same options serving the model package in {@code directory} (null: none). */
    public ServiceOptions withModel(Path directory) {
        return new ServiceOptions(patterns, host, port, token, maxBodyBytes, maxTextChars, matchOptions,
                pollInterval, debounce, directory);
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "ServiceOptions[patterns=" + patterns + ", host=" + host + ", port=" + port + ", token="
                + (token == null ? "none" : "(set)") + ", maxBodyBytes=" + maxBodyBytes + ", maxTextChars="
                + maxTextChars + ", pollInterval=" + pollInterval + ", debounce=" + debounce + ", model=" + model
                + "]";
    }
}
