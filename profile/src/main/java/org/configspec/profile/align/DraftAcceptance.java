package org.configspec.profile.align;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;

/**
 * The acceptance of one draft against the target, K = 1..K_max.
 *
 * @param draft the draft model
 * @param byK   acceptance at K = 1..K_max, in order
 */
public record DraftAcceptance(ModelRef draft, List<KAcceptance> byK) {
    public DraftAcceptance {
        byK = List.copyOf(byK);
        for (int i = 0; i < byK.size(); i++) {
            if (byK.get(i).k() != i + 1) {
                throw new ConfigSpecException("acceptance of " + draft.name() + ": entry " + i + " has K="
                        + byK.get(i).k() + ", allowed K=" + (i + 1));
            }
        }
    }

    public KAcceptance at(int k) {
        if (k < 1 || k > byK.size()) {
            throw new ConfigSpecException("K = " + k + ": allowed 1.." + byK.size());
        }
        return byK.get(k - 1);
    }

    /**
     * The core value: α(K) per K (prompt-mean with spread over prompts) and the per-position survival P(L ≥ i),
     * i = 1..K_max, of the K_max rounds (per prompt, then mean over prompts).
     */
    public AcceptanceProfile toAcceptanceProfile(ModelRef target, String source) {
        SortedMap<Integer, Measured> alpha = new TreeMap<>();
        byK.forEach(a -> alpha.put(a.k(), a.alpha()));
        return new AcceptanceProfile(draft.name(), draft.fileType(), target.name(), alpha,
                byK.get(byK.size() - 1).survivalByPrompt(), source);
    }
}
