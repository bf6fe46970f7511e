package org.configspec.llm.remote;

/**
 * A target model on a serving engine, reached over HTTP. Every method sends token ids and reads token ids; sampling
 * is greedy ({@code temperature 0}) with {@code ignore_eos}, so a continuation has exactly the asked length.
 * Failures are one-line {@link RemoteTargetException}s. Implementations are thread-safe.
 */
public interface RemoteTarget extends AutoCloseable {
    /** The server and model answering (found when the target was opened). */
    ServerIdentity identity();

    /** What this API can do. */
    Capabilities capabilities();

    /** The server's token ids of {@code text}, with the model's BOS when it adds one. */
    int[] tokenize(String text);

    /**
     * The greedy continuation of {@code promptIds}: exactly {@code maxTokens} ids (EOS ignored) and, when
     * {@code topN ≥ 1}, the top-N log-probabilities at each generated position.
     *
     * @param seed the request's seed (greedy decoding does not use it; engines that sample in batches do)
     */
    Generation generate(int[] promptIds, int maxTokens, int topN, long seed);

    /**
     * Teacher-forced top-N log-probabilities of {@code ids} at positions {@code from .. ids.length - 1}; see
     * {@link Capabilities#promptScoring()} for what it costs.
     *
     * @throws RemoteTargetException of reason {@link RemoteTargetException.Reason#UNSUPPORTED} where the API has none
     */
    PromptScores score(int[] ids, int from, int topN);

    @Override
    void close();
}
