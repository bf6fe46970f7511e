package org.configspec.llm.remote;

/**
 * The tokens the provider counted (and a hosted one bills) for a request: its {@code usage} (OpenAI, vLLM), its
 * {@code meta_info} counts (SGLang) or {@code tokens_evaluated}/{@code tokens_predicted} (llama-server).
 */
public record Usage(long prompt, long completion) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (prompt < 0 || completion < 0) {
            throw new IllegalArgumentException("usage " + prompt + "/" + completion + ": allowed >= 0");
        }
    }

    public Usage plus(Usage o) {
        return new Usage(prompt + o.prompt, completion + o.completion);
    }
}
