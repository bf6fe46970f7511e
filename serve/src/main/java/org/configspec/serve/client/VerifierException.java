package org.configspec.serve.client;

/** A failed verifier call, classified for the retry logic. */
public final class VerifierException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the client should do about it. */
    public enum Kind {
        /** network error, timeout or 5xx: retry with back-off, then fall back to local decoding */
        UNREACHABLE,
        /** 404 for the session: the server restarted or expired it; recreate it with the committed context */
        UNKNOWN_SESSION,
        /** another 4xx: the request is wrong; retrying will not help */
        REJECTED
    }

    private final Kind kind;
    private final int status;

    public VerifierException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
