package org.configspec.core.profile;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;

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
public record DraftProfile(String device, String draft, String quant, Measured tokPerS, Measured powerW,
                           long peakMemoryBytes, Provenance provenance) {
    /** The unit of {@link #tokPerS()}. */
    public static final String TOK_PER_S = "tok/s";
    /** The unit of {@link #powerW()}. */
    public static final String WATT = "W";

    public DraftProfile {
        Check.name("draftProfile.device", device);
        Check.name("draftProfile.draft", draft);
        Check.name("draftProfile.quant", quant);
        String where = "draft profile " + draft + " " + quant + " on " + device;
        Check.present(where + ": tokPerS", tokPerS);
        Check.positive(where + ": tokPerS", tokPerS.value());
        unit(where + ": tokPerS", tokPerS, TOK_PER_S);
        if (powerW != null) {
            Check.positive(where + ": powerW", powerW.value());
            unit(where + ": powerW", powerW, WATT);
        }
        if (peakMemoryBytes < 0) {
            throw new ConfigSpecException(where + ": peakMemoryBytes must be >= 0, got " + peakMemoryBytes);
        }
        provenance = provenance == null ? Provenance.of("") : provenance;
    }

    private static void unit(String field, Measured m, String unit) {
        if (!unit.equals(m.unit())) {
            throw new ConfigSpecException(field + " must be in unit '" + unit + "', got '" + m.unit() + "'");
        }
    }

    public boolean powerKnown() {
        return powerW != null;
    }
}
