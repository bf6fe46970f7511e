package org.configspec.core.model;

import org.configspec.core.domain.Pricing;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/** How the cloud bills one verification round. Every regime is a pure function of prices, K and verify time. */
public sealed interface Billing {
    /** US dollars billed for one round that verifies K drafted tokens. */
    double usdPerRound(Pricing price, int k, double verifyComputeS);

    /** Throws a user error naming the target and the missing price when this regime cannot bill it. */
    void requirePrices(Pricing price, String target);

    /** The regime's name on the command line. */
    String name();

    /** One line with the formula. */
    String describe();

    /** The paper: the K drafted tokens are billed at the output price. */
    record Paper() implements Billing {
        @Override
        public double usdPerRound(Pricing p, int k, double verifyComputeS) {
            return k * p.outputPerMTok() / 1e6;
        }

        @Override
        public void requirePrices(Pricing price, String target) {
        }

        @Override
        public String name() {
            return "paper";
        }

        @Override
        public String describe() {
            return "K drafted tokens billed as output: K · p_out / 10^6 $ per round";
        }
    }

    /**
     * An API that returns prompt logprobs: each round sends the context (billed at the cached-input price) plus the
     * K drafted tokens (input price) and generates one token (output price).
     */
    record LogprobApi(int contextTokens) implements Billing {
        public LogprobApi {
            Check.atLeast("--context-tokens", contextTokens, 0);
        }

        @Override
        public double usdPerRound(Pricing p, int k, double verifyComputeS) {
            return (contextTokens * p.cachedInputPerMTok() + k * p.inputPerMTok() + p.outputPerMTok()) / 1e6;
        }

        @Override
        public void requirePrices(Pricing price, String target) {
            if (Double.isNaN(price.inputPerMTok())) {
                throw new ConfigSpecException("billing logprob-api: target '" + target
                        + "' has no input price; add price.inputPerMTok to the catalog or pass --price-input");
            }
            if (Double.isNaN(price.cachedInputPerMTok())) {
                throw new ConfigSpecException("billing logprob-api: target '" + target
                        + "' has no cached-input price; add price.cachedInputPerMTok to the catalog or pass --price-cached-input");
            }
        }

        @Override
        public String name() {
            return "logprob-api";
        }

        @Override
        public String describe() {
            return "(C · p_cached + K · p_in + 1 · p_out) / 10^6 $ per round, C = " + contextTokens + " context tokens";
        }
    }

    /** "Predicted outputs": accepted, bonus and rejected draft tokens are all billed as output: K + 1 per round. */
    record PredictedOutputs() implements Billing {
        @Override
        public double usdPerRound(Pricing p, int k, double verifyComputeS) {
            return (k + 1) * p.outputPerMTok() / 1e6;
        }

        @Override
        public void requirePrices(Pricing price, String target) {
        }

        @Override
        public String name() {
            return "predicted-outputs";
        }

        @Override
        public String describe() {
            return "accepted + bonus + rejected tokens billed as output: (K + 1) · p_out / 10^6 $ per round";
        }
    }

    /** A self-hosted GPU billed by the hour, busy for the verify compute time, shared by {@code sessions} clients. */
    record SelfHostedGpu(int sessions) implements Billing {
        public SelfHostedGpu {
            Check.atLeast("--gpu-sessions", sessions, 1);
        }

        @Override
        public double usdPerRound(Pricing p, int k, double verifyComputeS) {
            return p.gpuPerHour() / 3600.0 * verifyComputeS / sessions;
        }

        @Override
        public void requirePrices(Pricing price, String target) {
            if (Double.isNaN(price.gpuPerHour())) {
                throw new ConfigSpecException("billing gpu-hour: target '" + target
                        + "' has no GPU price; add price.gpuPerHour to the catalog or pass --price-gpu-hour");
            }
        }

        @Override
        public String name() {
            return "gpu-hour";
        }

        @Override
        public String describe() {
            return "GPU $/h / 3600 · T_verify_compute / " + sessions + " sessions $ per round";
        }
    }
}
