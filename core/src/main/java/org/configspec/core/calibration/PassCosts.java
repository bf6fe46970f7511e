package org.configspec.core.calibration;

import org.configspec.core.error.ConfigSpecException;

/**
 * What the in-process verifier pays when a batch's sessions are not in consecutive KV-cache slots: llama.cpp decodes
 * such a batch as one pass per run of consecutive slots, unless the verifier pads the gaps with tokens that have no
 * logits (serve/src/main/java/org/configspec/serve/verifier/PassPlan.java). Measured by the verifier when it starts.
 *
 * @param passS     one more pass, in seconds (the weights streamed again)
 * @param padTokenS one padding token, in seconds
 */
public record PassCosts(double passS, double padTokenS) {
    public PassCosts {
        if (!(passS >= 0) || Double.isInfinite(passS) || !(padTokenS > 0) || Double.isInfinite(padTokenS)) {
            throw new ConfigSpecException("pass costs: a pass " + passS + " s and a padding token " + padTokenS
                    + " s; allowed a pass >= 0 and a padding token > 0, finite");
        }
    }
}
