package dev.quarry.cli;

/** A problem the user can fix, printed as a message (no stack trace) with an exit code. */
final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static UserException invalidInput(String message) {
        return new UserException(ExitCodes.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
