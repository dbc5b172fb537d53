package dev.quarry.datasets;

/**
 * A request the store cannot serve because of what was asked: an unknown dataset (the message lists those that
 * exist), an invalid name, an example without an answer, an unsupported database URL. A command line maps it to
 * "bad usage or invalid input" (exit code 2). Failures of the database itself are {@link StoreException}s.
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
