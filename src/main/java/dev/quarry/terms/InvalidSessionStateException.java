package dev.quarry.terms;

/** A session state that cannot be read: malformed JSON, a wrong type, an unknown key or value. */
public final class InvalidSessionStateException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSessionStateException(String message) {
        super(message);
    }

    InvalidSessionStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
