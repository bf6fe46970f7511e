package org.configspec.core.space;

import org.configspec.core.acceptance.AcceptanceCurve;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Target;
import org.configspec.core.profile.DraftProfile;

/**
 * One point of the joint space before K is chosen: a target, a device, a draft variant and what was measured
 * about them.
 *
 * @param tokPerS draft speed r_d in tokens/s
 * @param powerW  device power while drafting in W, NaN where unknown
 * @param idleW   device power while waiting in W (used only when the energy options include waiting), NaN where unknown
 */
public record Candidate(Target target, Device device, DraftModel draft, DraftProfile profile, AcceptanceCurve curve,
                        double tokPerS, double powerW, double idleW) {
    /** "target / device" — the group selection works within. */
    public String group() {
        return target.name() + " / " + device.name();
    }
}
