package org.configspec.core.model;

import org.configspec.core.acceptance.AcceptanceMode;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * Every input of the analytic model that is not a profile. {@link #paper(double)} is the paper's model exactly:
 * K = 2..10, measured α(K), constant T_v, K drafted tokens billed as output, drafting energy only, sequential rounds.
 */
public record ModelOptions(int kMin, int kMax, AcceptanceMode acceptance, VerifyTime verify, Billing billing,
                           EnergyOptions energy, RoundSchedule schedule) {
    public static final double PAPER_T_VERIFY_S = 0.5;

    public ModelOptions {
        Check.atLeast("--k-min", kMin, 1);
        Check.atLeast("--k-max", kMax, 1);
        if (kMax < kMin) {
            throw new ConfigSpecException("--k-max must be >= --k-min, got k-min " + kMin + " and k-max " + kMax);
        }
        if (kMax > 256) {
            throw new ConfigSpecException("--k-max must be <= 256, got " + kMax);
        }
        Check.present("acceptance mode", acceptance);
        Check.present("verify time", verify);
        Check.present("billing", billing);
        Check.present("energy options", energy);
        Check.present("round schedule", schedule);
    }

    /** Sequential rounds (draft, then verify). */
    public ModelOptions(int kMin, int kMax, AcceptanceMode acceptance, VerifyTime verify, Billing billing,
                        EnergyOptions energy) {
        this(kMin, kMax, acceptance, verify, billing, energy, RoundSchedule.SEQUENTIAL);
    }

    public static ModelOptions paper(double tVerifyS) {
        return new ModelOptions(2, 10, AcceptanceMode.ALPHA, VerifyTime.constant(tVerifyS), new Billing.Paper(),
                EnergyOptions.draftingOnly());
    }

    public static ModelOptions paper() {
        return paper(PAPER_T_VERIFY_S);
    }

    public boolean isPaperMode() {
        return kMin == 2 && kMax == 10 && acceptance == AcceptanceMode.ALPHA && verify.rttS() == 0
                && verify.isConstant() && !verify.isMeasured() && billing instanceof Billing.Paper && energy.isDraftingOnly()
                && schedule == RoundSchedule.SEQUENTIAL;
    }

    public ModelOptions withVerify(VerifyTime v) {
        return new ModelOptions(kMin, kMax, acceptance, v, billing, energy, schedule);
    }

    /** The same model over draft lengths [min, max]. */
    public ModelOptions withKRange(int min, int max) {
        return new ModelOptions(min, max, acceptance, verify, billing, energy, schedule);
    }

    public ModelOptions withSchedule(RoundSchedule s) {
        return new ModelOptions(kMin, kMax, acceptance, verify, billing, energy, s);
    }

    public boolean pipelined() {
        return schedule == RoundSchedule.PIPELINED;
    }
}
