package dev.quarry.datasets;

/**
 * The database failed (cannot be opened, a statement failed, the schema is newer than this code). The message names
 * the database (a PostgreSQL URL without its parameters, so no password) and what was being done; the cause is the
 * driver's exception.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
