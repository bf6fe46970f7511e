package org.configspec.serve.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (unparseable request line or headers, headers too large, failures outside the routes) as the
 * protocol's JSON error body instead of Jetty's HTML page; every one is counted like the routes' errors.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final java.util.function.IntConsumer counted;

    public JsonErrorHandler(java.util.function.IntConsumer counted) {
        this.counted = counted;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object attribute = request.getAttribute(ERROR_MESSAGE);
        Object cause = request.getAttribute(ERROR_EXCEPTION);
        String message = attribute != null ? attribute.toString()
                : cause instanceof Throwable t ? String.valueOf(t.getMessage()) : "HTTP " + status;
        counted.accept(status);
        JsonErrors.write(response, callback, status, message, status == 400 || status >= 500, 0);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        counted.accept(status);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JsonErrors.JSON));
        return ByteBuffer.wrap(JsonErrors.body(status, reason == null ? "bad request" : "bad request: " + reason));
    }
}
