package org.configspec.llm.remote;

/**
 * What an adapter can ask its server for, as far as the API defines it ({@link CapabilityProbe} checks them with
 * real requests).
 *
 * @param promptScoring how {@link RemoteTarget#score} works on this API
 * @param maxTopN       the largest N of generated-token top-N the API allows ({@link #UNCAPPED}: up to the
 *                      vocabulary), as far as known before probing
 * @param tokenize      whether the server tokenizes text ({@code /tokenize})
 * @param note          one line on what is approximated or costs extra
 */
public record Capabilities(PromptScoring promptScoring, int maxTopN, boolean tokenize, String note) {
    public static final int UNCAPPED = Integer.MAX_VALUE;

    /** How teacher-forced (prompt) log-probabilities are obtained. */
    public enum PromptScoring {
        /** One request scores every position (vLLM {@code prompt_logprobs}, SGLang, OpenAI {@code echo}). */
        ONE_REQUEST,
        /** One request per position with the prefix cached (llama-server: it returns no prompt log-probabilities). */
        PER_POSITION,
        /** Not available; {@link RemoteTarget#score} throws. */
        NONE
    }
}
