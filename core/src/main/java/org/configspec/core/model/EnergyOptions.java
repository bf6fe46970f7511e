package org.configspec.core.model;

import org.configspec.core.error.Check;

/**
 * What edge energy per round includes beyond drafting (P_d · K / r_d, the paper's term).
 *
 * @param waiting          add P_idle · T_v: the device waits for the cloud
 * @param idlePowerW       idle power to use in W, or NaN to take each device's idlePowerW from the catalog
 * @param radioJPerByte    radio energy per byte sent or received (J/B); 0 ignores the radio
 * @param bytesPerToken    wire bytes per token id sent or received
 * @param bytesPerRound    fixed wire bytes per round (headers, framing)
 */
public record EnergyOptions(boolean waiting, double idlePowerW, double radioJPerByte, int bytesPerToken, int bytesPerRound) {
    public EnergyOptions {
        if (!Double.isNaN(idlePowerW)) {
            Check.nonNegative("--idle-power (W)", idlePowerW);
        }
        Check.nonNegative("--radio-j-per-byte", radioJPerByte);
        Check.atLeast("--bytes-per-token", bytesPerToken, 0);
        Check.atLeast("--bytes-per-round", bytesPerRound, 0);
    }

    public static EnergyOptions draftingOnly() {
        return new EnergyOptions(false, Double.NaN, 0, 4, 0);
    }

    /** Bytes on the wire for one round: K token ids up, the accepted count and one token down, plus overhead. */
    public long wireBytes(int k) {
        return (long) bytesPerToken * (k + 2) + bytesPerRound;
    }

    public boolean isDraftingOnly() {
        return !waiting && radioJPerByte == 0;
    }
}
