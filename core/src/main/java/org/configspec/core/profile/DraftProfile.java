package org.configspec.core.profile;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Summary;

/**
 * How one draft-model variant runs on one device.
 *
 * @param device          device name
 * @param draft           draft model name
 * @param quant           quantisation
 * @param tokPerS         decode speed r_d in tokens/s
 * @param powerW          device power while drafting in W, or null where unknown
 * @param peakMemoryBytes peak resident memory while drafting, or 0 where unknown
 * @param provenance      where the figures come from
 */
public record DraftProfile(String device, String draft, String quant, Summary tokPerS, Summary powerW,
                           long peakMemoryBytes, Provenance provenance) {
    public DraftProfile {
        Check.name("draftProfile.device", device);
        Check.name("draftProfile.draft", draft);
        Check.name("draftProfile.quant", quant);
        String where = "draft profile " + draft + " " + quant + " on " + device;
        Check.present(where + ": tokPerS", tokPerS);
        Check.positive(where + ": tokPerS", tokPerS.mean());
        if (powerW != null) {
            Check.positive(where + ": powerW", powerW.mean());
        }
        if (peakMemoryBytes < 0) {
            throw new ConfigSpecException(where + ": peakMemoryBytes must be >= 0, got " + peakMemoryBytes);
        }
        provenance = provenance == null ? Provenance.of("") : provenance;
    }

    public boolean powerKnown() {
        return powerW != null;
    }
}
