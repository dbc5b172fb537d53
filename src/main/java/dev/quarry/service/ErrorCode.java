package dev.quarry.service;

import java.util.Locale;

/**
 * The stable error codes of the HTTP API, each with its HTTP status. A code is API: clients branch on it, so a code
 * is never renamed or reused; the human {@code message} beside it may be reworded. Per-item errors of a batch use the
 * same codes (their status is not sent; the batch itself answers 200).
 */
public enum ErrorCode {
    /** The body is not JSON (the message gives line and column), or is empty. */
    MALFORMED_JSON(400),
    /** The JSON has a field this endpoint does not know; the message names them all. */
    UNKNOWN_FIELD(400),
    /** A required field is absent. */
    MISSING_FIELD(400),
    /** Two fields were given that exclude each other ({@code text} and {@code texts}). */
    CONFLICTING_FIELDS(400),
    /** A field has the wrong JSON type; the message names the field and the type given. */
    WRONG_TYPE(400),
    /** A text is empty. */
    EMPTY_TEXT(400),
    /** A text is longer than {@code --max-text-chars}. */
    TEXT_TOO_LONG(400),
    /** A field's value is not one the endpoint allows (an answer other than accept, reject, ignore). */
    INVALID_VALUE(400),
    /** An annotation names a label the annotation app was not started with ({@code --label}). */
    UNKNOWN_LABEL(400),
    /** An annotated span is outside the text, not on token boundaries, or overlaps another. */
    INVALID_SPAN(400),
    /** A session name breaks the rule for session names. */
    INVALID_SESSION(400),
    /** No or a wrong bearer token while the server has one ({@code --token-file}). */
    UNAUTHORIZED(401),
    /** No endpoint at that path. */
    NOT_FOUND(404),
    /** The endpoint exists but not for that method; the {@code Allow} header lists the methods. */
    METHOD_NOT_ALLOWED(405),
    /** The annotation session has not asked this server for a task (e.g. the server was restarted). */
    UNKNOWN_SESSION(409),
    /** The task was reserved for this session, but the reservation timed out and another session has it now. */
    STALE_SESSION(409),
    /** An answer names a task this server never handed to that session. */
    TASK_NOT_SERVED(409),
    /** The task has been answered already (twice the same answer, e.g. a double click). */
    ALREADY_ANSWERED(409),
    /** Undo, but the session has no answer left to withdraw in this server's run. */
    NOTHING_TO_UNDO(409),
    /** {@code /v1/predict} or {@code /v1/analyze} on a server started without a model ({@code --model}). */
    NO_MODEL(409),
    /** The body is larger than {@code --max-body-bytes}. */
    BODY_TOO_LARGE(413),
    /** A bug: the message says nothing about the request; the server log has the details. */
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status this code is answered with. */
    public int status() {
        return status;
    }

    /** The code as it appears in JSON, e.g. {@code malformed_json}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
