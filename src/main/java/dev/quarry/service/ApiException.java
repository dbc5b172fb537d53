package dev.quarry.service;

import java.io.Serial;
import java.util.Objects;

/** A request the API refuses, answered as {@code {"code": ..., "message": ...}} with the code's status. */
final class ApiException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    ErrorCode code() {
        return code;
    }
}
