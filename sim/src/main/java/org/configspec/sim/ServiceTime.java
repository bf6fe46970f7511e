package org.configspec.sim;

import org.configspec.core.calibration.CalibratedRange;
import org.configspec.core.calibration.PassCosts;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.serve.verifier.PassPlan;

/**
 * Seconds a verifier needs for one batch: fixed + perToken · (batch tokens) + perSession · (batch sessions), where a
 * session's tokens are its K drafted tokens plus the bonus position. The paper's model is {@link #paper}: the same
 * T_v for every batch. The coefficients come from flags, or from a fit to measurements of the real verifier
 * ({@link #calibrated}); a calibrated service time refuses a batch outside the shapes it was measured on unless it
 * may extrapolate.
 *
 * @param range       the calibrated batch shapes, or null (flags: any batch)
 * @param extrapolate true: use the fit outside {@code range} too
 * @param origin      where the coefficients come from, for the output ("" for flags)
 * @param passes      what a batch whose sessions are not in consecutive KV-cache slots costs beyond the formula
 *                    (more llama.cpp passes, padding: serve/src/main/java/org/configspec/serve/verifier/PassPlan.java),
 *                    from the calibration; null: every batch is one pass (flags, paper, older calibrations)
 */
public record ServiceTime(double fixedS, double perTokenS, double perSessionS, CalibratedRange range,
                          boolean extrapolate, String origin, PassCosts passes) {
    public ServiceTime {
        nonNegative("--t-verify", fixedS);
        nonNegative("--verify-per-token", perTokenS);
        nonNegative("--verify-per-session", perSessionS);
        if (fixedS + perTokenS + perSessionS <= 0) {
            throw new ConfigSpecException("the verifier's service time is zero for every batch: give --t-verify,"
                    + " --verify-per-token or --verify-per-session > 0");
        }
        origin = origin == null ? "" : origin;
    }

    /** From flags: any batch shape. */
    public ServiceTime(double fixedS, double perTokenS, double perSessionS) {
        this(fixedS, perTokenS, perSessionS, null, false, "", null);
    }

    /** The paper's constant verification time per round. */
    public static ServiceTime paper(double tVerifyS) {
        return new ServiceTime(tVerifyS, 0, 0);
    }

    /**
     * The fit of a calibration and its pass costs (null: none recorded); {@code origin} names it (e.g. the target and
     * date it was measured on).
     */
    public static ServiceTime calibrated(ServiceTimeFit fit, PassCosts passes, boolean extrapolate, String origin) {
        return new ServiceTime(fit.fixedS(), fit.perTokenS(), fit.perSessionS(), fit.range(), extrapolate, origin,
                passes);
    }

    /** Every cost × {@code f} (the formula's and the passes'), the range and origin kept. */
    public ServiceTime times(double f) {
        return new ServiceTime(fixedS * f, perTokenS * f, perSessionS * f, range, extrapolate, origin,
                passes == null ? null : new PassCosts(passes.passS() * f, passes.padTokenS() * f));
    }

    /**
     * The same shape (per-token and per-session cost relative to the fixed cost) scaled so that one session's batch
     * at K = {@code k} takes {@code seconds}: e.g. a fit of a small model's verifier scaled to the paper's 0.5 s.
     */
    public ServiceTime scaledTo(double seconds, int k) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new ConfigSpecException("--scale-verify-to = " + seconds + " s: allowed a positive duration");
        }
        double f = seconds / this.seconds(1, k + 1);
        ServiceTime t = times(f);
        return new ServiceTime(t.fixedS, t.perTokenS, t.perSessionS, range, extrapolate,
                origin + (origin.isEmpty() ? "" : ", ") + "scaled ×" + Text.num(f) + " so that 1 session at K = " + k
                        + " takes " + Text.ms(seconds), t.passes);
    }

    public double seconds(int sessions, int tokens) {
        if (range != null && !extrapolate && !range.covers(sessions, tokens)) {
            throw new ConfigSpecException("--calibration covers " + range.describe() + "; the simulation formed a batch"
                    + " of " + sessions + " sessions and " + tokens + " tokens: lower --max-batch, -k or --k-max, or"
                    + " give --extrapolate to use the fit outside its range");
        }
        return formula(sessions, tokens);
    }

    /**
     * What a batch of sessions in these slots costs beyond {@link #seconds}: the extra passes and padding of the
     * verifier's plan for them (0 without pass costs). {@code slots} and {@code tokens} (K + 1 each) are in the same
     * order, slots distinct; the arrays are sorted by slot in place.
     */
    public double slotSeconds(int[] slots, int[] tokens, int size) {
        if (passes == null || size < 2) {
            return 0;
        }
        for (int i = 1; i < size; i++) { // insertion sort: a batch holds a few sessions
            int s = slots[i];
            int t = tokens[i];
            int j = i - 1;
            while (j >= 0 && slots[j] > s) {
                slots[j + 1] = slots[j];
                tokens[j + 1] = tokens[j];
                j--;
            }
            slots[j + 1] = s;
            tokens[j + 1] = t;
        }
        // the simulation keeps no KV-cache contexts: every slot has room
        PassPlan.Group g = PassPlan.Group.of(slots, tokens, size, slot -> Integer.MAX_VALUE);
        PassPlan plan = PassPlan.plan(g, new PassPlan.Costs(passes.passS(), passes.padTokenS()), Integer.MAX_VALUE);
        return (plan.passes() - 1) * passes.passS() + plan.padTokens(g) * passes.padTokenS();
    }

    /** The formula without the range check (the analytic reference beside a simulation). */
    public double formula(int sessions, int tokens) {
        return fixedS + perTokenS * tokens + perSessionS * sessions;
    }

    public boolean isConstant() {
        return perTokenS == 0 && perSessionS == 0;
    }

    public String describe() {
        String formula = isConstant() && range == null ? "constant " + Text.ms(fixedS) + " per batch"
                : Text.ms(fixedS) + " + " + Text.ms(perTokenS) + " per token + " + Text.ms(perSessionS) + " per session";
        if (passes != null) {
            formula += "; sessions in non-consecutive slots: " + Text.ms(passes.passS()) + " per extra pass, "
                    + Text.ms(passes.padTokenS()) + " per padding token";
        }
        if (range == null) {
            return formula;
        }
        return formula + " (fitted: " + origin + "; measured on " + range.describe()
                + (extrapolate ? ", extrapolated beyond" : "")
                + (passes == null ? "; no pass costs recorded: every batch one pass, whatever its sessions' slots" : "")
                + ")";
    }

    private static void nonNegative(String flag, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigSpecException(flag + " = " + v + " s: allowed a finite duration >= 0");
        }
    }
}
