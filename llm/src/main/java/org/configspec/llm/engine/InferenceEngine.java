package org.configspec.llm.engine;

import java.nio.FloatBuffer;

/**
 * The inference seam: decode batches of tokens of one or more sequences, read the logits of every entry that asked
 * for them, roll back a sequence's KV cache. The llama.cpp implementation is {@link LlamaSession}.
 * <p>Thread-safety: an engine is <b>not</b> thread-safe; confine it to one thread at a time (its {@link #tokenizer()}
 * is thread-safe). Close it deterministically ({@link AutoCloseable}).
 */
public interface InferenceEngine extends AutoCloseable {

    Tokenizer tokenizer();

    /** Vocabulary size = length of a logits row. */
    int vocabSize();

    /** Most tokens one {@link TokenBatch} may hold. */
    int batchCapacity();

    /** KV-cache positions available per sequence. */
    int contextPerSequence();

    /** Sequences this engine can hold (ids 0..n-1). */
    int sequences();

    /** Decodes the batch; each sequence's positions must continue from {@link #positionMax(int)} + 1. */
    void decode(TokenBatch batch);

    /** Logits row (copy) of batch index {@code i} of the last decode; that entry must have asked for logits. */
    float[] logits(int i);

    /** Zero-copy view of the logits row of batch index {@code i}; valid only until the next decode or close. */
    FloatBuffer logitsView(int i);

    /** Index of the largest logit of batch index {@code i} (first one on ties), without copying the row. */
    int argmax(int i);

    /** Drops the KV cache of sequence {@code seq} from position {@code fromPos} on (all of it when 0). */
    void truncate(int seq, int fromPos);

    /** Largest position held for {@code seq}, -1 when empty. */
    int positionMax(int seq);

    /** Empties the KV cache of every sequence. */
    void clear();

    @Override
    void close();
}
