package org.configspec.profile.align;

import java.nio.FloatBuffer;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.llm.engine.Tokenizer;

/**
 * A decorator that counts the forward passes of an engine: decode calls and the tokens they decoded. Everything else
 * is forwarded unchanged. Not thread-safe, like the engine it wraps. Closing it closes nothing (the caller owns the
 * engine).
 */
public final class CountingEngine implements InferenceEngine {
    private final InferenceEngine engine;
    private long decodeCalls;
    private long decodedTokens;

    public CountingEngine(InferenceEngine engine) {
        this.engine = engine;
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
    public Tokenizer tokenizer() {
        return engine.tokenizer();
    }

    @Override
    public int vocabSize() {
        return engine.vocabSize();
    }

    @Override
    public int batchCapacity() {
        return engine.batchCapacity();
    }

    @Override
    public int contextPerSequence() {
        return engine.contextPerSequence();
    }

    @Override
    public int sequences() {
        return engine.sequences();
    }

    @Override
    public float[] logits(int i) {
        return engine.logits(i);
    }

    @Override
    public FloatBuffer logitsView(int i) {
        return engine.logitsView(i);
    }

    @Override
    public int argmax(int i) {
        return engine.argmax(i);
    }

    @Override
    public void truncate(int seq, int fromPos) {
        engine.truncate(seq, fromPos);
    }

    @Override
    public int positionMax(int seq) {
        return engine.positionMax(seq);
    }

    @Override
    public void clear() {
        engine.clear();
    }

    @Override
    public void close() {
        // the caller owns the wrapped engine
    }
}
