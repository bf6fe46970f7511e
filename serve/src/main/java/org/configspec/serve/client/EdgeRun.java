package org.configspec.serve.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.validation.StoredInputs;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.serve.metrics.BilledTokens;
import org.configspec.serve.metrics.EdgeEnergy;
import org.configspec.serve.metrics.EnergyMeter;
import org.configspec.serve.metrics.RoundCsv;
import org.configspec.serve.metrics.RunReport;
import org.configspec.store.StoreLocation;
import org.configspec.store.StoredProfiles;

/**
 * One edge-client run from start to summary ({@code configspec run}): loads the draft, chooses the K policy (from
 * stored profiles when a store is given), generates through the verifier while the energy meter (if any) measures,
 * writes the per-round CSV if asked, and returns the run's report.
 */
public final class EdgeRun {
    /**
     * @param draft       draft: a default model name or a GGUF path
     * @param verifier    the verifier's URL
     * @param token       bearer token of the verifier, or null
     * @param prompt      prompt text
     * @param tokens      tokens to generate, >= 1
     * @param policy      how K is chosen
     * @param k           the fixed K, or the start K of the adaptive policies
     * @param maxK        largest K of the adaptive policies (raised to {@code k} when smaller)
     * @param options     client settings
     * @param timeout     per-request timeout
     * @param store       choose K from the stored profiles in this store (with {@link PolicyKind#OPTIMAL}), or null
     * @param device      device of the stored draft profile (with a store; null = the only one), or null
     * @param target      the verifier's target model, to find the stored acceptance
     * @param roundsCsv   write every round to this CSV file, or null
     */
    public record Request(String draft, String verifier, String token, String prompt, int tokens, PolicyKind policy,
                          int k, int maxK, ClientOptions options, Duration timeout, StoreLocation store, String device,
                          String target, Path roundsCsv) {
        public Request {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(verifier, "verifier");
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(timeout, "timeout");
            if (tokens < 1) {
                throw new ConfigSpecException("-n = " + tokens + ": allowed >= 1");
            }
            if (store != null && policy != PolicyKind.OPTIMAL) {
                throw new ConfigSpecException("--store chooses K from stored profiles: use it with --policy optimal");
            }
            if (store == null && device != null) {
                throw new ConfigSpecException("--device needs --store (it picks the stored draft profile)");
            }
        }
    }

    private EdgeRun() {
    }

    /**
     * @param meter   measures the edge energy over the generation, or null
     * @param text    receives the committed text as UTF-8 pieces, in order
     * @param notices receives one line per event worth telling the user (retries, fallback)
     */
    public static RunReport run(Request r, EnergyMeter meter, Consumer<byte[]> text, Consumer<String> notices)
            throws InterruptedException {
        KPolicy policy = policy(r);
        try (HttpVerifierTransport t = new HttpVerifierTransport(r.verifier(), r.token(), r.timeout());
             LlamaModel m = loadWhileWarming(t, r.draft())) {
            EdgeClient client = new EdgeClient(m, t, r.options(), notices);
            int[] promptIds = m.tokenize(r.prompt(), true);
            EnergyMeter.Window window = meter == null ? null : meter.start();
            EdgeClient.Result result = client.run(promptIds, r.tokens(), policy, tok -> text.accept(m.piece(tok)));
            EdgeEnergy energy = window == null ? null : window.stop();
            var rounds = result.summary().roundRecords();
            if (r.roundsCsv() != null) {
                try {
                    Files.writeString(r.roundsCsv(), RoundCsv.render(rounds));
                } catch (IOException e) {
                    throw new ConfigSpecException("--rounds-csv " + r.roundsCsv() + ": cannot write (" + e.getMessage()
                            + ")");
                }
            }
            return new RunReport(policy.name(), result.summary(), BilledTokens.of(rounds, promptIds.length), energy);
        }
    }

    /**
     * Loads the draft while another thread connects to the verifier and runs the HTTP and JSON code of a round; the
     * first round waits for that warm-up (at most {@link HttpVerifierTransport#WARM_UP_NANOS} from its start), so that
     * it does not compete with drafting for a CPU.
     */
    private static LlamaModel loadWhileWarming(HttpVerifierTransport t, String draft) throws InterruptedException {
        Thread warm = new Thread(t::warmUp, "configspec-warm-up");
        warm.setDaemon(true);
        long start = System.nanoTime();
        warm.start();
        LlamaModel m = LlamaModel.load(ModelStore.defaultStore().resolve(draft));
        long left = HttpVerifierTransport.WARM_UP_NANOS - (System.nanoTime() - start);
        if (left > 0) {
            try {
                warm.join(left / 1_000_000 + 1);
            } catch (InterruptedException e) {
                m.close();
                throw e;
            }
        }
        return m;
    }

    private static KPolicy policy(Request r) {
        int maxK = Math.max(r.k(), r.maxK());
        if (r.store() == null) {
            return r.policy().policy(r.k(), maxK);
        }
        StoredInputs in = StoredProfiles.load(r.store(), r.device(), r.draft(), r.target()).inputs();
        return new ProfiledOptimalK(in.acceptance(), in.iidFallback(), in.draftTokensPerSecond(), r.k(), maxK);
    }
}
