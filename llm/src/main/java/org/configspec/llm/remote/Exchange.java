package org.configspec.llm.remote;

import java.io.IOException;
import java.net.URI;

/**
 * One HTTP request of {@link HttpJson} and its answer: for an http URL over llm/http's keep-alive sockets
 * ({@link SocketExchange}), for https over the JDK client ({@link HttpsExchange}). Failures are the transport's own
 * exceptions (a refused or timed-out connection, a missed deadline, a broken connection), which HttpJson turns into
 * one line each.
 */
interface Exchange extends AutoCloseable {
    /**
     * An answer: status, body (UTF-8), and the two headers HttpJson reads (null when absent).
     */
    record Reply(int status, String body, String retryAfter, String location) {
    }

    /**
     * Sends {@code body} (a POST of JSON; null: a GET) to {@code uri} with {@code Accept: application/json} and the
     * bearer key when there is one, and waits at most the endpoint's timeout for the answer.
     */
    Reply send(URI uri, String body, String apiKey) throws IOException, InterruptedException;

    @Override
    void close();

    /** The exchange for the endpoint's scheme. */
    static Exchange to(Endpoint endpoint) {
        return "https".equals(endpoint.url().getScheme()) ? new HttpsExchange(endpoint) : new SocketExchange(endpoint);
    }
}
