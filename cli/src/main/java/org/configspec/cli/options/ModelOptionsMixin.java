package org.configspec.cli.options;

import java.time.Duration;
import java.util.Locale;
import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.RoundSchedule;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.units.Durations;
import picocli.CommandLine.Option;

/**
 * The analytic model's options. Defaults are the paper's model; each extension is an explicit flag.
 */
public final class ModelOptionsMixin {
    @Option(names = "--t-verify", paramLabel = "DURATION",
            description = "Verification time per round, or its fixed part when --rtt/--verify-per-token are set (e.g. 0.5, 500ms; the default is the paper's 0.5, or with --store the target's stored verify-time profile).")
    Duration tVerify;

    @Option(names = "--rtt", paramLabel = "DURATION",
            description = "Network round-trip time added to every verification (e.g. 50ms; default 0).")
    Duration rtt;

    @Option(names = "--verify-per-token", paramLabel = "DURATION",
            description = "Target cost per verified position; T_v = RTT + t-verify + this × (K+1) (default 0).")
    Duration perToken;

    @Option(names = "--k-min", paramLabel = "K", defaultValue = "2", description = "Smallest draft length (the default is the paper's).")
    int kMin;

    @Option(names = "--k-max", paramLabel = "K", defaultValue = "10", description = "Largest draft length (the default is the paper's).")
    int kMax;

    @Option(names = "--acceptance", paramLabel = "alpha|position|iid|auto", defaultValue = "alpha",
            description = "Acceptance model: measured α(K) (paper), per-position, an i.i.d. rate fitted to the data (any K), or auto.")
    AcceptanceMode acceptance;

    @Option(names = "--billing", paramLabel = "paper|logprob-api|predicted-outputs|gpu-hour", defaultValue = "paper",
            description = "Billing regime (paper: K drafted tokens billed as output).")
    String billing;

    @Option(names = "--context-tokens", paramLabel = "N", defaultValue = "512",
            description = "logprob-api: mean context tokens resent (at the cached-input price) each round.")
    int contextTokens;

    @Option(names = "--gpu-sessions", paramLabel = "N", defaultValue = "1",
            description = "gpu-hour: clients sharing one GPU.")
    int gpuSessions;

    @Option(names = "--price-output", paramLabel = "$/M", description = "Override every target's output price ($ per million tokens).")
    Double priceOutput;

    @Option(names = "--price-input", paramLabel = "$/M", description = "Override every target's input price ($ per million tokens).")
    Double priceInput;

    @Option(names = "--price-cached-input", paramLabel = "$/M", description = "Override every target's cached-input price ($ per million tokens).")
    Double priceCached;

    @Option(names = "--price-gpu-hour", paramLabel = "$/h", description = "Set the self-hosted GPU price ($ per hour).")
    Double priceGpu;

    @Option(names = "--energy-wait", description = "Add the energy of waiting for verification (idle power × T_v).")
    boolean energyWait;

    @Option(names = "--idle-power", paramLabel = "W", description = "Idle power while waiting (default: each device's idlePowerW).")
    Double idlePower;

    @Option(names = "--radio-j-per-byte", paramLabel = "J/B", defaultValue = "0", description = "Radio energy per byte on the wire.")
    double radioJPerByte;

    @Option(names = "--bytes-per-token", paramLabel = "B", defaultValue = "4", description = "Wire bytes per token id.")
    int bytesPerToken;

    @Option(names = "--bytes-per-round", paramLabel = "B", defaultValue = "0", description = "Fixed wire bytes per round.")
    int bytesPerRound;

    @Option(names = "--pipeline",
            description = "Plan for clients that draft the next round while a verify is in flight ('run --pipeline',"
                    + " greedy): round time max(T_v, a/r_d) + (1−q)·K/r_d + q·(K+1−a)/r_d, q = P(L ≥ K+1),"
                    + " a = min(K+1, ⌈T_v·r_d⌉) decodes ahead (docs/model.md).")
    boolean pipeline;

    public ModelOptions options() {
        return new ModelOptions(kMin, kMax, acceptanceMode(), new VerifyTime(seconds(rtt, 0),
                seconds(tVerify, ModelOptions.PAPER_T_VERIFY_S), seconds(perToken, 0)), billingRegime(),
                new EnergyOptions(energyWait, idlePower == null ? Double.NaN : idlePower, radioJPerByte, bytesPerToken, bytesPerRound),
                pipeline ? RoundSchedule.PIPELINED : RoundSchedule.SEQUENTIAL);
    }

    /**
     * The options with a measured T_v (a stored verify-time profile, {@link CatalogOption#storedVerifyTime}) in place
     * of the default one; T_v flags given on the command line win.
     */
    public ModelOptions options(java.util.Optional<VerifyTime> measured) {
        ModelOptions o = options();
        return measured.isEmpty() || tVerify != null || rtt != null || perToken != null ? o
                : o.withVerify(measured.get());
    }

    /** The context length the logprob-api billing and a measured T_v's context term use. */
    public int contextTokens() {
        return contextTokens;
    }

    private static double seconds(Duration d, double fallback) {
        return d == null ? fallback : Durations.seconds(d);
    }

    /** Prices given on the command line, for targets that carry none (stored profiles). */
    public org.configspec.core.domain.Pricing commandLinePricing(String forWhat) {
        if (priceOutput == null) {
            throw new ConfigSpecException(forWhat + ": stored profiles carry no prices; give --price-output $/M"
                    + " (and --price-input, --price-cached-input or --price-gpu-hour for other billing regimes)");
        }
        positive("--price-output", priceOutput);
        return new org.configspec.core.domain.Pricing(priceOutput, priceInput == null ? Double.NaN : priceInput,
                priceCached == null ? Double.NaN : priceCached, priceGpu == null ? Double.NaN : priceGpu,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "command line");
    }

    /** The catalog with the command line's price overrides applied. */
    public Catalog reprice(Catalog c) {
        if (priceOutput == null && priceInput == null && priceCached == null && priceGpu == null) {
            return c;
        }
        positive("--price-output", priceOutput);
        positive("--price-input", priceInput);
        positive("--price-gpu-hour", priceGpu);
        if (priceCached != null && !(priceCached >= 0)) {
            throw new ConfigSpecException("--price-cached-input must be a number >= 0 ($ per million tokens), got " + priceCached);
        }
        return c.withPrices(p -> {
            var q = p;
            if (priceOutput != null) {
                q = q.withOutput(priceOutput);
            }
            if (priceInput != null) {
                q = q.withInput(priceInput);
            }
            if (priceCached != null) {
                q = q.withCachedInput(priceCached);
            }
            if (priceGpu != null) {
                q = q.withGpuPerHour(priceGpu);
            }
            return q;
        });
    }

    private static void positive(String flag, Double v) {
        if (v != null && (!(v > 0) || v.isInfinite())) {
            throw new ConfigSpecException(flag + " must be a positive number, got " + v);
        }
    }

    private AcceptanceMode acceptanceMode() {
        return acceptance;
    }

    private Billing billingRegime() {
        return switch (billing.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> new Billing.Paper();
            case "logprob-api" -> new Billing.LogprobApi(contextTokens);
            case "predicted-outputs" -> new Billing.PredictedOutputs();
            case "gpu-hour" -> new Billing.SelfHostedGpu(gpuSessions);
            default -> throw new ConfigSpecException("--billing: unknown value '" + billing
                    + "'; allowed: paper, logprob-api, predicted-outputs, gpu-hour");
        };
    }
}
