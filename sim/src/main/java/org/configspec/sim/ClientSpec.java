package org.configspec.sim;

import java.util.function.IntToDoubleFunction;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.serve.client.KPolicy;
import org.configspec.serve.client.PolicyKind;

/**
 * What every simulated edge client is: its draft speed, power, acceptance, billing and K policy.
 *
 * @param name        the configuration, for the output
 * @param tokPerS     draft speed r_d in tokens/s
 * @param powerW      device power while drafting in W (NaN where unknown)
 * @param idleW       device power while waiting for verification in W, counted only when {@code countWaiting}
 * @param usdPerRound US dollars billed for a round of K (the billing regime at the target's prices)
 * @param policy      how K is chosen ({@link PolicyKind}: the real client's strategy classes)
 * @param k           the fixed K, and the start K of the adaptive policies
 * @param draftSigma  spread of a round's drafting time: σ of its logarithm (0: always K / r_d). Each round's time is
 *                    K / r_d times a lognormal factor of mean 1, so the mean draft speed stays r_d; real devices'
 *                    rounds vary (contention, frequency scaling), which keeps clients from staying in step
 * @param pipelined   drafts the next round while a verify is in flight, as {@code configspec run --pipeline}
 *                    (serve's EdgeClient and Drafter.ahead; see {@link Simulation})
 */
public record ClientSpec(String name, double tokPerS, double powerW, double idleW, boolean countWaiting,
                         AcceptanceSampler acceptance, IntToDoubleFunction usdPerRound, PolicyKind policy, int k,
                         double draftSigma, boolean pipelined) {
    public ClientSpec {
        if (!(draftSigma >= 0) || draftSigma > 10) {
            throw new ConfigSpecException("draft-time spread of " + name + " = " + draftSigma
                    + ": allowed 0..10 (sigma of the log of a round's drafting time)");
        }
        if (!(tokPerS > 0) || Double.isInfinite(tokPerS)) {
            throw new ConfigSpecException("draft speed of " + name + " = " + tokPerS + " tok/s: allowed a positive number");
        }
        if (k < 1 || k > acceptance.maxK()) {
            throw new ConfigSpecException("-k = " + k + ": allowed 1.." + acceptance.maxK() + " (--k-max)");
        }
    }

    /** Sequential rounds (draft, then verify). */
    public ClientSpec(String name, double tokPerS, double powerW, double idleW, boolean countWaiting,
                      AcceptanceSampler acceptance, IntToDoubleFunction usdPerRound, PolicyKind policy, int k,
                      double draftSigma) {
        this(name, tokPerS, powerW, idleW, countWaiting, acceptance, usdPerRound, policy, k, draftSigma, false);
    }

    /** Drafting time always K / r_d; sequential rounds. */
    public ClientSpec(String name, double tokPerS, double powerW, double idleW, boolean countWaiting,
                      AcceptanceSampler acceptance, IntToDoubleFunction usdPerRound, PolicyKind policy, int k) {
        this(name, tokPerS, powerW, idleW, countWaiting, acceptance, usdPerRound, policy, k, 0);
    }

    /** A fresh policy for one client; {@code seed} seeds the bandit's draws. */
    public KPolicy newPolicy(long seed) {
        return policy.policy(k, acceptance.maxK(), seed);
    }

    public ClientSpec withPolicy(PolicyKind p, int startK) {
        return new ClientSpec(name, tokPerS, powerW, idleW, countWaiting, acceptance, usdPerRound, p, startK, draftSigma,
                pipelined);
    }

    public ClientSpec withDraftSigma(double sigma) {
        return new ClientSpec(name, tokPerS, powerW, idleW, countWaiting, acceptance, usdPerRound, policy, k, sigma,
                pipelined);
    }

    public ClientSpec withPipelined(boolean p) {
        return new ClientSpec(name, tokPerS, powerW, idleW, countWaiting, acceptance, usdPerRound, policy, k, draftSigma, p);
    }

    /** One round's drafting time for {@code kk} tokens (draws from {@code rng} only when the spread is positive). */
    double draftSeconds(int kk, java.util.SplittableRandom rng) {
        double mean = kk / tokPerS;
        return draftSigma == 0 ? mean : LogNormalSampler.withMean(mean, draftSigma, rng);
    }
}
