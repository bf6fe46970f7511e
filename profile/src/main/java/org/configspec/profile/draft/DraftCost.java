package org.configspec.profile.draft;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;

/**
 * Time to draft K tokens, the drafting cost of the analytic model (K / r_d): from a prefix in the KV cache, K sequential
 * single-token greedy decodes (feed the last committed token, then each drafted token), rolled back to the prefix
 * between repetitions.
 *
 * @param k            tokens drafted
 * @param decodes      single-token decode calls timed (= k)
 * @param prefixTokens committed tokens when drafting starts: all but the last are in the KV cache, the last is the
 *                     input of the first decode
 * @param millis       wall time in ms, one sample per repetition
 */
public record DraftCost(int k, int decodes, int prefixTokens, Measured millis) {
    public DraftCost {
        Check.atLeast("draft cost k", k, 1);
        Check.atLeast("draft cost decodes", decodes, 1);
        Check.atLeast("draft cost prefixTokens", prefixTokens, 0);
        Check.present("draft cost millis", millis);
        if (!"ms".equals(millis.unit())) {
            throw new ConfigSpecException("draft cost unit must be ms, got " + millis.unit());
        }
        Check.positive("time to draft " + k + " tokens", millis.value());
    }
}
