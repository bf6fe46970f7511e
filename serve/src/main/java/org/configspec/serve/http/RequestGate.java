package org.configspec.serve.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The first handler every request meets, before the routes. In this order: the bearer token (401; {@code /healthz}
 * is open), the content type of a body (415 unless application/json: no CORS "simple request" gets in), its declared
 * length (413 at once, before any byte is read and so without a {@code 100 Continue}), the memory reserved by bodies
 * being received (429 with Retry-After). Then the body is read <em>without holding a thread</em> (Jetty calls back as bytes arrive), into
 * memory up to the body limit, under a deadline of {@link ServerLimits#bodyDeadlineNanos}; a body that breaks off
 * (client gone, malformed chunked encoding) is the client's fault (400), one that misses its deadline is 408. Only a
 * complete body reaches the routes, which find it in the {@link #BODY} attribute, and only while fewer than
 * {@link ServerLimits#maxRequests()} are being processed (429 with Retry-After otherwise).
 */
public final class RequestGate extends Handler.Wrapper {
    /** The request attribute holding the whole body (byte[]). */
    public static final String BODY = "org.configspec.serve.body";
    /** A body over the limit is drained up to this many times the limit so that the client reads the 413. */
    private static final int DRAIN_FACTOR = 8;
    /** Bodies being received may reserve this many times the body limit of memory in total... */
    private static final long BUFFER_BODIES = 64;
    /** ...but never more than this many bytes. */
    private static final long MAX_BUFFERED = 256L << 20;

    private final ServerLimits limits;
    private final long maxBody;
    private final BearerToken token;
    private final IntConsumer rejected;
    private final HeaderDeadline headers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong reserved = new AtomicLong();
    private final long budget;

    /**
     * @param token    null: no authentication
     * @param rejected told the status of every request this gate refuses
     * @param headers  told when each request starts and ends
     */
    public RequestGate(ServerLimits limits, long maxBody, BearerToken token, IntConsumer rejected,
                       HeaderDeadline headers) {
        this.limits = limits;
        this.maxBody = maxBody;
        this.token = token;
        this.rejected = rejected;
        this.headers = headers;
        this.budget = Math.min(BUFFER_BODIES * maxBody, MAX_BUFFERED);
    }

    /** The body this gate read in full before the routes ran (empty when there was none). */
    public static byte[] body(Request request) {
        return request.getAttribute(BODY) instanceof byte[] b ? b : new byte[0];
    }

    /** Requests with a body being processed now (their bodies complete). */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback done) throws Exception {
        org.eclipse.jetty.io.Connection connection = request.getConnectionMetaData().getConnection();
        headers.requestStarted(connection);
        // this request's counts are given back BEFORE Jetty completes it: once completed, Jetty may start the
        // connection's next request, which must not find them still taken (Callback.from(callback, runnable) would
        // run them after)
        Callback callback = Callback.from(() -> headers.requestEnded(connection), done);
        String path = Request.getPathInContext(request);
        if (token != null && !"/healthz".equals(path)) {
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (!token.accepts(auth)) {
                return refuse(request, response, callback, 401, auth == null
                        ? "missing bearer token (Authorization: Bearer TOKEN)" : "wrong bearer token", 0);
            }
        }
        long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (length <= 0 && !chunked) {
            if ("POST".equals(request.getMethod()) && request.getHeaders().contains(HttpHeader.CONTENT_TYPE)
                    && !isJson(request)) {
                return refuse(request, response, callback, 415, unsupported(request), 0);
            }
            return super.handle(request, response, callback);
        }
        if (!isJson(request)) {
            return refuse(request, response, callback, 415, unsupported(request), 0);
        }
        if (length > maxBody) {
            return refuse(request, response, callback, 413, "request body of " + length + " bytes: allowed at most "
                    + maxBody + " bytes (--max-body)", 0);
        }
        long reservation = length > 0 ? length : maxBody;
        if (reserved.addAndGet(reservation) > budget) {
            reserved.addAndGet(-reservation);
            return refuse(request, response, callback, 429, "too many request bodies being received (" + budget
                    + " bytes reserved): retry later", 1);
        }
        new BodyReader(request, response, callback, length, null, reservation).start();
        return true;
    }

    /** Why a request is refused, written once its body (if any) has been drained. */
    private record Refusal(int status, String message, int retryAfter) {
    }

    /**
     * Refuses a request. A body the client is already sending (no {@code Expect: 100-continue}, at most
     * {@value #DRAIN_FACTOR} times the limit) is read and dropped first, without a thread, so that the client reads
     * the answer rather than a connection reset; any other is left unread and the connection closed.
     */
    private boolean refuse(Request request, Response response, Callback callback, int status, String message,
                           int retryAfter) {
        long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        boolean expecting = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        if (!expecting && (chunked || (length > 0 && length <= DRAIN_FACTOR * maxBody))) {
            new BodyReader(request, response, callback, length, new Refusal(status, message, retryAfter), 0).start();
            return true;
        }
        rejected.accept(status);
        JsonErrors.write(response, callback, status, message, length > 0 || chunked, retryAfter);
        return true;
    }

    private static boolean isJson(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int semi = type.indexOf(';');
        String mime = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return JsonErrors.JSON.equals(mime);
    }

    private static String unsupported(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return "Content-Type " + (type == null ? "missing" : "'" + type + "'") + ": request bodies must be "
                + JsonErrors.JSON;
    }

    /** Reads one body as Jetty delivers it (demand callbacks, no thread held while waiting), then dispatches. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long declared;
        private final Refusal refusal;
        private final long reservation;
        private final AtomicBoolean finished = new AtomicBoolean();
        private byte[] body = new byte[1024];
        private int size;
        private long received;
        private volatile Scheduler.Task deadline;
        private long startNanos;
        private long deadlineNanos;

        /** @param refusal non-null: drain the body, then answer with this */
        BodyReader(Request request, Response response, Callback callback, long declared, Refusal refusal,
                   long reservation) {
            this.reservation = reservation;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.declared = declared;
            this.refusal = refusal;
        }

        void start() {
            deadlineNanos = limits.bodyDeadlineNanos(declared > 0 ? declared : maxBody);
            startNanos = System.nanoTime();
            run();
        }

        /**
         * Arms the body's deadline (counted from {@link #start}) before the first wait for more of it: a body that
         * came whole with its headers, as every round's does, schedules nothing.
         */
        private void armDeadline() {
            if (deadline == null) {
                long left = Math.max(0, deadlineNanos - (System.nanoTime() - startNanos));
                deadline = request.getComponents().getScheduler().schedule(this::expire, left, TimeUnit.NANOSECONDS);
            }
        }

        private void disarmDeadline() {
            Scheduler.Task d = deadline;
            if (d != null) {
                d.cancel();
            }
        }

        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    armDeadline();
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    chunk.release();
                    finish(400, "request body broke off after " + received + " bytes: " + describe(failure));
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if (refusal == null && received + n <= maxBody) {
                    if (size + n > body.length) {
                        body = Arrays.copyOf(body, (int) Math.min(maxBody, Math.max(size + n, 2L * body.length)));
                    }
                    b.get(body, size, n);
                    size += n;
                }
                received += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (received > DRAIN_FACTOR * maxBody) {
                    if (refusal != null) {
                        finish(refusal.status(), refusal.message(), refusal.retryAfter());
                    } else {
                        finish(413, "request body over " + maxBody + " bytes (--max-body)");
                    }
                    return;
                }
                if (last) {
                    if (refusal != null) {
                        finish(refusal.status(), refusal.message(), refusal.retryAfter());
                    } else if (received > maxBody) {
                        finish(413, "request body of " + received + " bytes: allowed at most " + maxBody
                                + " bytes (--max-body)");
                    } else {
                        dispatch();
                    }
                    return;
                }
            }
        }

        private void expire() {
            finish(408, "request body not complete within " + TimeUnit.NANOSECONDS.toMillis(deadlineNanos)
                    + " ms (received " + received + (declared > 0 ? " of " + declared : "") + " bytes; --body-timeout"
                    + " plus the length at --min-data-rate " + limits.minDataRate() + " bytes/s)");
        }

        private void finish(int status, String message) {
            finish(status, message, 0);
        }

        private void finish(int status, String message, int retryAfter) {
            if (finished.compareAndSet(false, true)) {
                disarmDeadline();
                reserved.addAndGet(-reservation);
                rejected.accept(status);
                JsonErrors.write(response, callback, status, message, true, retryAfter);
            }
        }

        private void dispatch() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            disarmDeadline();
            reserved.addAndGet(-reservation);
            if (inFlight.incrementAndGet() > limits.maxRequests()) {
                inFlight.decrementAndGet();
                rejected.accept(429);
                JsonErrors.write(response, callback, 429, "too many requests in flight (" + limits.maxRequests()
                        + ", --max-requests): retry later", false, 1);
                return;
            }
            Callback done = Callback.from(inFlight::decrementAndGet, callback);
            byte[] whole = Arrays.copyOf(body, size);
            request.setAttribute(BODY, whole);
            Request buffered = new Request.Wrapper(request) {
                private boolean consumed;

                @Override
                public Content.Chunk read() {
                    if (consumed) {
                        return Content.Chunk.EOF;
                    }
                    consumed = true;
                    return Content.Chunk.from(ByteBuffer.wrap(whole), true);
                }
            };
            try {
                if (!getHandler().handle(buffered, response, done)) {
                    Response.writeError(request, response, done, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, done, t);
            }
        }
    }

    private static String describe(Throwable t) {
        String m = t == null ? null : t.getMessage();
        String name = t == null ? "unknown" : t.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + " (" + m.replaceAll("\\s+", " ").trim() + ")";
    }

}
