package org.configspec.sim;

import org.configspec.core.model.Billing;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.space.Candidate;
import org.configspec.serve.client.PolicyKind;

/** Simulated clients from the joint space's candidates, with the analytic model's options. */
public final class Clients {
    private Clients() {
    }

    /**
     * A client drafting with {@code c}'s profile: acceptance for K up to the options' kMax, billing at the target's
     * prices for the verifier compute time of the options' T_v, drafting power (and idle power while waiting where the
     * energy options count waiting); pipelined rounds where the options' schedule says so.
     */
    public static ClientSpec of(Candidate c, ModelOptions o, PolicyKind policy, int k) {
        Billing billing = o.billing();
        VerifyTime verify = o.verify();
        var price = c.target().price();
        String name = c.draft().name() + " " + c.draft().quant() + " on " + c.device().name() + " -> " + c.target().name();
        return new ClientSpec(name, c.tokPerS(), c.powerW(), c.idleW(), o.energy().waiting(),
                new AcceptanceSampler(c.curve(), o.kMax()), kk -> billing.usdPerRound(price, kk, verify.computeSeconds(kk)),
                policy, k, 0, o.pipelined());
    }
}
