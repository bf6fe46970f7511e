package org.configspec.profile.align;

import java.util.Locale;
import org.configspec.core.error.Check;
import org.configspec.store.RemoteSource;

/**
 * Where a remote target's continuations came from: the serving engine and what it reported (as stored with the
 * profile, {@link RemoteSource}: API, server version, model, URL, top-N, requests, provider usage, the input of the
 * {@code logprob-api} cost regime), and how many of the requests an interrupted earlier run had recorded.
 *
 * @param source  the endpoint and its requests over the whole (possibly resumed) campaign
 * @param resumed of those requests, the ones an interrupted earlier run had recorded
 */
public record RemoteProvenance(RemoteSource source, int resumed) {
    public RemoteProvenance {
        Check.present("remote source", source);
        Check.atLeast("resumed requests", resumed, 0);
    }

    /** One line for the provenance's target-pass field. */
    public String describe() {
        return String.format(Locale.ROOT, "remote target %s %s, model %s: one generate request per prompt (greedy, "
                        + "ignore_eos, top-%d log-probabilities), %d requests (%d resumed from the run log), "
                        + "provider usage %d prompt + %d completion tokens", source.api(), source.serverVersion(),
                source.modelId(), source.topN(), source.requests(), resumed, source.promptTokens(),
                source.completionTokens());
    }
}
