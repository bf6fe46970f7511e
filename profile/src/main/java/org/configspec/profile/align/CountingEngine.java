package org.configspec.profile.align;

import org.configspec.llm.engine.ForwardingEngine;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.engine.TokenBatch;

/**
 * A decorator that counts the forward passes of an engine: decode calls and the tokens they decoded. Everything else
 * is forwarded unchanged. Not thread-safe, like the engine it wraps. Closing it closes nothing (the caller owns the
 * engine).
 */
public final class CountingEngine extends ForwardingEngine {
    private long decodeCalls;
    private long decodedTokens;

    public CountingEngine(InferenceEngine engine) {
        super(engine);
    }

    /** llama_decode calls so far [calls]. */
    public long decodeCalls() {
        return decodeCalls;
    }

    /** Tokens decoded so far, all calls [tokens]. */
    public long decodedTokens() {
        return decodedTokens;
    }

    public void reset() {
        decodeCalls = 0;
        decodedTokens = 0;
    }

    @Override
    public void decode(TokenBatch batch) {
        engine.decode(batch);
        decodeCalls++;
        decodedTokens += batch.size();
    }

    @Override
    public void close() {
        // the caller owns the wrapped engine
    }
}
