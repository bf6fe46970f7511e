package org.configspec.serve.http;

import java.nio.ByteBuffer;
import org.configspec.serve.protocol.ErrorBody;
import org.configspec.serve.protocol.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the protocol's error body {@code {"status", "error"}} from the Jetty layer (the gate, or a route on Jetty's API). */
public final class JsonErrors {
    public static final String JSON = "application/json";

    private JsonErrors() {
    }

    static byte[] body(int status, String message) {
        String m = message == null || message.isBlank() ? "HTTP " + status : message.replaceAll("\\s+", " ").trim();
        return Json.write(new ErrorBody(status, m.length() > 300 ? m.substring(0, 300) + "..." : m));
    }

    /**
     * Answers {@code status} with the JSON body; {@code close} asks the client to close the connection (its unread
     * body would otherwise be taken for the next request); {@code retryAfterSeconds} > 0 adds Retry-After.
     */
    public static void write(Response response, Callback callback, int status, String message, boolean close,
                      int retryAfterSeconds) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed; dropping " + status));
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
        response.write(true, ByteBuffer.wrap(body(status, message)), callback);
    }
}
