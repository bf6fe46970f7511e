package org.configspec.core.validation;

import java.util.Objects;
import org.configspec.core.acceptance.AcceptanceCurve;

/**
 * Model inputs taken from stored profiles instead of the runs: the acceptance curve of a stored acceptance profile
 * (with its i.i.d. fit for the Ks the curve does not cover) and the draft speed and power of a stored draft profile.
 * The verify-time fit always comes from the runs.
 *
 * @param acceptance           the stored profile's curve (per-position where present, else measured α(K))
 * @param iidFallback          the i.i.d. fit of the stored profile, used (and marked) where {@code acceptance} has no value
 * @param acceptanceId         id of the stored acceptance document
 * @param draftTokensPerSecond stored draft speed r_d, tokens/s
 * @param draftPowerW          stored drafting power P_d in W, or NaN where the profile has none
 * @param draftId              id of the stored draft document
 */
public record StoredInputs(AcceptanceCurve acceptance, AcceptanceCurve iidFallback, String acceptanceId,
                           double draftTokensPerSecond, double draftPowerW, String draftId) {
    public StoredInputs {
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(iidFallback, "iidFallback");
        Objects.requireNonNull(acceptanceId, "acceptanceId");
        Objects.requireNonNull(draftId, "draftId");
        if (!(draftTokensPerSecond > 0)) {
            throw new IllegalArgumentException("stored draft speed must be > 0, got " + draftTokensPerSecond);
        }
    }

    public boolean powerKnown() {
        return !Double.isNaN(draftPowerW);
    }
}
