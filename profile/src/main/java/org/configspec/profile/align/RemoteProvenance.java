package org.configspec.profile.align;

import java.util.Locale;
import org.configspec.core.error.Check;

/**
 * Where a remote target's continuations came from: the serving engine, its model, the API, the top-N asked for, the
 * requests and the tokens the provider reported (billed, on a hosted API: the {@code logprob-api} cost regime's
 * input).
 *
 * @param api              the wire API ("llama-server", "vllm", ...)
 * @param serverVersion    the server's build or version
 * @param modelId          the model the server named
 * @param topN             log-probabilities listed per generated position (0: greedy only)
 * @param requests         generate requests, one per prompt, over the whole (possibly resumed) campaign
 * @param resumed          of those, the ones an interrupted earlier run had recorded
 * @param promptTokens     prompt tokens the provider reported, whole campaign
 * @param completionTokens completion tokens the provider reported, whole campaign
 */
public record RemoteProvenance(String api, String serverVersion, String modelId, int topN, int requests, int resumed,
                               long promptTokens, long completionTokens) {
    public RemoteProvenance {
        Check.name("remote api", api);
        Check.name("remote server version", serverVersion);
        Check.name("remote model id", modelId);
    }

    /** One line for the provenance's target-pass field. */
    public String describe() {
        return String.format(Locale.ROOT, "remote target %s %s, model %s: one generate request per prompt (greedy, "
                        + "ignore_eos, top-%d log-probabilities), %d requests (%d resumed from the run log), "
                        + "provider usage %d prompt + %d completion tokens", api, serverVersion, modelId, topN,
                requests, resumed, promptTokens, completionTokens);
    }
}
