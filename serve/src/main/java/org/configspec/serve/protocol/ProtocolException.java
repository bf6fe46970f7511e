package org.configspec.serve.protocol;

/** A request the protocol refuses: an HTTP status (4xx) and a one-line message naming the field and the bad value. */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ProtocolException(int status, String message) {
        super(org.configspec.core.error.OneLine.of(message));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status " + status + ": allowed 400..599");
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProtocolException badRequest(String message) {
        return new ProtocolException(400, message);
    }
}
