package org.configspec.llm.engine;

import java.nio.FloatBuffer;

/**
 * The base of an {@link InferenceEngine} decorator: every method forwards to the wrapped engine; a decorator overrides
 * what it changes (usually {@link #decode}). {@link #close()} closes the wrapped engine unless overridden. Not
 * thread-safe, like the engine it wraps.
 */
public abstract class ForwardingEngine implements InferenceEngine {
    /** The wrapped engine. */
    protected final InferenceEngine engine;

    protected ForwardingEngine(InferenceEngine engine) {
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void decode(TokenBatch batch) {
        engine.decode(batch);
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
        engine.close();
    }
}
