package org.configspec.serve.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.validation.ValidationReport;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import org.configspec.store.StoreLocation;
import org.configspec.store.StoredProfiles;

/**
 * One validation from models to report ({@code configspec validate}): loads the target and the draft, starts an
 * in-process verifier on loopback, runs the {@link Validator} and, given a store, reads the model inputs from the
 * stored profiles ({@link StoredProfiles}) and stores the run as a "validation" document.
 */
public final class ValidationRun {
    /** The prompt used when none is given. */
    public static final String DEFAULT_PROMPT = "Once upon a time";

    /**
     * @param target             target: a default model name or a GGUF path
     * @param draft              draft: a default model name or a GGUF path
     * @param rtts               round trips to emulate
     * @param kMax               largest K, 1..16
     * @param prompts            prompts (empty = {@link #DEFAULT_PROMPT})
     * @param tokens             tokens per run, >= 2
     * @param threads            llama threads of the verifier and the draft
     * @param store              feed the model from the stored profiles in this store and store the run, or null
     * @param device             device of the stored draft profile (with a store; null = the only one), or null
     * @param priceOutputPerMTok output price, $ per million tokens
     */
    public record Request(String target, String draft, List<Duration> rtts, int kMax, List<String> prompts, int tokens,
                          int threads, StoreLocation store, String device, double priceOutputPerMTok) {
        public Request {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(draft, "draft");
            rtts = List.copyOf(rtts);
            prompts = prompts.isEmpty() ? List.of(DEFAULT_PROMPT) : List.copyOf(prompts);
            if (kMax < 1 || kMax > 16) {
                throw new ConfigSpecException("--k-max = " + kMax + ": allowed 1..16");
            }
            if (tokens < 2) {
                throw new ConfigSpecException("-n = " + tokens + ": allowed >= 2");
            }
            if (!(priceOutputPerMTok > 0)) {
                throw new ConfigSpecException("--price-output = " + priceOutputPerMTok + ": must be > 0");
            }
            if (device != null && store == null) {
                throw new ConfigSpecException("--device needs --store (it picks the stored draft profile)");
            }
        }
    }

    /**
     * @param report        measured versus predicted
     * @param storedId      id of the stored "validation" document, or null without a store
     * @param storeLocation where it was stored, or null
     */
    public record Result(ValidationReport report, String storedId, String storeLocation) {
        /** The report's table, and where the run was stored. */
        public String text() {
            return report.table() + (storedId == null ? "" : "stored as " + storedId + " in " + storeLocation + "\n");
        }
    }

    private ValidationRun() {
    }

    public static Result run(Request r) throws InterruptedException {
        StoredProfiles stored = r.store() == null ? null
                : StoredProfiles.load(r.store(), r.device(), r.draft(), r.target());
        List<Double> rttMs = r.rtts().stream().map(d -> d.toNanos() / 1e6).toList();
        ModelStore models = ModelStore.defaultStore();
        try (LlamaModel t = LlamaModel.load(models.resolve(r.target()));
             LlamaModel d = LlamaModel.load(models.resolve(r.draft()));
             VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(r.threads())
                     .withSessions(4, Duration.ofSeconds(300)), t)) {
            List<int[]> p = new ArrayList<>();
            for (String s : r.prompts()) {
                p.add(d.tokenize(s, true));
            }
            ClientOptions o = ClientOptions.defaults().withThreads(r.threads());
            ValidationReport report = new Validator(d, "127.0.0.1:" + server.port(), o).run(p, r.tokens(), r.kMax(),
                    rttMs, stored == null ? null : stored.inputs(), r.priceOutputPerMTok());
            if (stored == null) {
                return new Result(report, null, null);
            }
            String id = stored.save(report, d.info().sha256(), t.info().sha256(), r.threads(), r.tokens(), p.size());
            return new Result(report, id, stored.location());
        }
    }
}
