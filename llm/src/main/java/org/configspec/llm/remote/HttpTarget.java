package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What every adapter has: its HTTP connection and the identity found when it was opened. */
abstract class HttpTarget implements RemoteTarget {
    final HttpJson http;
    private final ServerIdentity identity;

    HttpTarget(HttpJson http, ServerIdentity identity) {
        this.http = http;
        this.identity = identity;
    }

    @Override
    public final ServerIdentity identity() {
        return identity;
    }

    /** {@code POST /tokenize} with {@code body}; the ids are the answer's {@code tokens} (llama-server, vLLM, SGLang). */
    final int[] tokenize(ObjectNode body) {
        return new Shape("POST " + http.endpoint().resolve("/tokenize")).ids(http.post("/tokenize", body), "tokens");
    }

    @Override
    public final void close() {
        http.close();
    }
}
