package org.configspec.serve.verifier;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.serve.http.JsonErrors;
import org.configspec.serve.http.RequestGate;
import org.configspec.serve.protocol.ProtocolException;
import org.configspec.serve.protocol.VerifyCodec;
import org.configspec.serve.protocol.VerifyResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /v1/sessions/{id}/verify}, the request of every round, on Jetty's own handler API in front of the
 * Javalin routes that serve every other request (and this one in a form this route does not match; both call {@link
 * VerifierServer#verify(String, byte[])}). The handler queues the verify and returns; the answer is written by a
 * thread of Jetty's pool once the decode thread completed it, so no thread waits for a batch (and the decode thread
 * never runs Jetty's code, unless the pool refuses the task while the server stops).
 * <p>Why: on loopback the servlet layer around a Javalin route cost 0.4 ms before the handler and 0.6 ms after it on
 * a fresh server (0.1 and 0.2 ms after three thousand verifies), against a round's 2–3 ms outside the verifier
 * (docs/benchmarks.md, "Where a plain round's time goes").
 */
final class VerifyRoute extends Handler.Wrapper {
    private static final Pattern PATH = Pattern.compile("/v1/sessions/([^/]+)/verify");
    private final VerifierServer server;

    VerifyRoute(VerifierServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        Matcher m = PATH.matcher(Request.getPathInContext(request));
        if (!m.matches()) {
            return super.handle(request, response, callback);
        }
        CompletableFuture<VerifyResponse> answer;
        try {
            answer = server.verify(m.group(1), RequestGate.body(request));
        } catch (RuntimeException e) {
            refuse(request, response, callback, VerifierServer.refusal(e));
            return true;
        }
        Executor pool = request.getComponents().getExecutor();
        answer.whenComplete((a, failure) -> {
            Runnable write = () -> answer(request, response, callback, a, failure);
            try {
                pool.execute(write);
            } catch (RejectedExecutionException stopping) {
                write.run(); // the pool is stopping or full: write from here (it does not block), never throw here
            }
        });
        return true;
    }

    /** Writes the answer or the refusal; whatever fails completes the request (its connection is not left open). */
    private void answer(Request request, Response response, Callback callback, VerifyResponse a, Throwable failure) {
        try {
            if (failure != null) {
                refuse(request, response, callback, VerifierServer.refusal(failure));
                return;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonErrors.JSON);
            response.write(true, ByteBuffer.wrap(VerifyCodec.write(a)), callback);
        } catch (RuntimeException | Error e) {
            callback.failed(e);
        }
    }

    /** Answers a refusal as JSON, counted in the metrics unless the request is the server's own warm-up. */
    private void refuse(Request request, Response response, Callback callback, ProtocolException e) {
        if (!server.warmingUp(request)) {
            server.rejected(e.status());
        }
        JsonErrors.write(response, callback, e.status(), e.getMessage(), false, e.status() == 429 ? 1 : 0);
    }
}
