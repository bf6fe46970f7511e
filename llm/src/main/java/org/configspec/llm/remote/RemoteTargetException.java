package org.configspec.llm.remote;

import org.configspec.core.error.ConfigSpecException;

/**
 * A remote target failed in a way the user can act on; the message is one line naming the endpoint, what failed and
 * (for an HTTP error) the server's own message. The CLI maps it to exit code 2.
 */
public class RemoteTargetException extends ConfigSpecException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (the probe records UNSUPPORTED and CAPPED). */
    public enum Reason {
        /** Nothing listens at the host and port, or the connection broke. */
        DOWN,
        /** The request did not finish within the endpoint's timeout. */
        TIMEOUT,
        /** The path is not there: a wrong URL or a server of another kind. */
        NOT_FOUND,
        /** 401/403: a missing or wrong API key. */
        UNAUTHORIZED,
        /** The server does not serve the named model. */
        UNKNOWN_MODEL,
        /** N above the server's cap (e.g. vLLM's --max-logprobs, OpenAI's 5). */
        CAPPED,
        /** The API cannot do this at all (e.g. prompt log-probabilities on llama-server). */
        UNSUPPORTED,
        /** Another 4xx: the server refused the request (quoted). */
        REFUSED,
        /** 429 or 5xx still failing after the retries. */
        SERVER_ERROR,
        /** The answer is not the documented JSON shape. */
        BAD_RESPONSE,
        /** The remote tokenizer gives other ids than the local one. */
        TOKENIZER_MISMATCH
    }

    private final Reason reason;
    private final int status;

    public RemoteTargetException(Reason reason, String message) {
        this(reason, 0, message, null);
    }

    public RemoteTargetException(Reason reason, int status, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
