package org.configspec.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.acceptance.MeasuredAlphaCurve;
import org.configspec.core.domain.Pricing;
import org.configspec.core.model.AnalyticModel;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.Evaluation;

/** Every term of the model for one evaluated configuration, with units and the numbers substituted. */
public final class Explainer {
    private Explainer() {
    }

    public static List<Term> explain(Evaluation e, ModelOptions o, long headroomBytes) {
        Candidate c = e.candidate();
        int k = e.k();
        List<Term> t = new ArrayList<>();
        t.add(new Term("draft length", "K", k, "tokens", "chosen"));
        t.add(new Term("acceptance", "α(K)", e.alpha(), "fraction of drafted tokens",
                c.curve().describe()));
        t.add(new Term("accepted draft tokens per round", "E[L]", e.tokensPerRound() - 1, "tokens", f("K·α(K) = %d × %s", k, g(e.alpha()))));
        t.add(new Term("tokens per round", "E(K)", e.tokensPerRound(), "tokens", "E[L] + 1 (the target's bonus or correction token)"));
        t.add(new Term("draft speed", "r_d", c.tokPerS(), "tokens/s", "profile: " + c.profile().provenance().source()));
        double r = c.tokPerS();
        t.add(new Term("draft time", "K / r_d", k / r, "s", f("%d / %s", k, g(r))));
        VerifyTime v = o.verify();
        t.add(new Term("verification time", "T_v(K)", e.verifyS(), "s",
                f("RTT %s + fixed %s + %s × (K+1 = %d)", g(v.rttS()), g(v.fixedS()), g(v.perTokenS()), k + 1)
                        + (v.perContextTokenS() > 0 ? f(" + %s × (context %d)", g(v.perContextTokenS()),
                        v.contextTokens()) : "") + (v.isMeasured() ? "; " + v.source() : "")));
        double round;
        if (o.pipelined()) {
            round = pipelinedRound(t, e, c);
        } else {
            round = e.draftS() + e.verifyS();
            t.add(new Term("round time", "K / r_d + T_v", round, "s", f("%s + %s", g(e.draftS()), g(e.verifyS()))));
        }
        t.add(new Term("goodput", "G(K)", e.goodput(), "tokens/s", f("E(K) / round time = %s / %s", g(e.tokensPerRound()), g(round))));
        Pricing p = c.target().price();
        t.add(new Term("output price", "p_out", p.outputPerMTok(), "$ per million tokens",
                (p.asOf().isEmpty() ? "" : "as of " + p.asOf() + "; ") + p.source()));
        t.add(new Term("billed per round", "$/round", e.usdPerRound(), "$", o.billing().describe()));
        t.add(new Term("tokens per dollar", "tokens/$", e.tokensPerUsd(), "tokens/$", f("E(K) / $ per round = %s / %s", g(e.tokensPerRound()), g(e.usdPerRound()))));
        t.add(new Term("cost per million tokens", "$/M", e.usdPerMTok(), "$ per million tokens", "10^6 / tokens per $"));
        double power = c.powerW();
        String pSrc = c.profile().powerKnown() ? "profile" + (c.profile().provenance().powerMethod().isEmpty() ? ""
                : " (" + c.profile().provenance().powerMethod() + (c.profile().powerW().n() > 0 ? ", n=" + c.profile().powerW().n() : "") + ")")
                : "unknown: no power data for this device";
        t.add(new Term("drafting power", "P_d", power, "W", pSrc));
        EnergyOptions en = o.energy();
        double drafting = power * e.draftS();
        double waitS = o.pipelined() ? AnalyticModel.pipelinedWaitSeconds(k, r, e.verifyS()) : e.verifyS();
        if (o.pipelined()) {
            t.add(new Term("drafting energy per round", "P_d·t_draft", drafting, "J", f("%s × %s (the decodes ahead included)", g(power), g(e.draftS()))));
        } else {
            t.add(new Term("drafting energy per round", "P_d·K/r_d", drafting, "J", f("%s × %s", g(power), g(e.draftS()))));
        }
        if (en.waiting()) {
            String symbol = o.pipelined() ? "P_idle·max(0, T_v − a/r_d)" : "P_idle·T_v";
            t.add(new Term("waiting energy per round", symbol, c.idleW() * waitS, "J", f("%s W × %s s", g(c.idleW()), g(waitS))));
        }
        if (en.radioJPerByte() > 0) {
            t.add(new Term("radio energy per round", "J/B·bytes", en.radioJPerByte() * en.wireBytes(k), "J",
                    f("%s J/B × %d B", g(en.radioJPerByte()), en.wireBytes(k))));
        }
        t.add(new Term("energy per token", "J/token", e.joulesPerToken(), "J/token", "energy per round / E(K)"));
        long need = c.draft().sizeBytes() + headroomBytes;
        t.add(new Term("memory needed", "bytes", need, "bytes", (c.draft().sizeIsEstimate() ? "estimated weights " : "weights ")
                + gb(c.draft().sizeBytes()) + " + headroom " + gb(headroomBytes) + "; device has "
                + (c.device().memoryKnown() ? gb(c.device().memoryBytes()) : "unknown") + ": "
                + e.fit().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return t;
    }

    /**
     * The pipelined round's terms (core/model/AnalyticModel#pipelinedRoundSeconds): q, the decodes made while the
     * verify is in flight, when the answer is taken, the next round's drafting and the drafting time per round.
     * Returns the round time.
     */
    private static double pipelinedRound(List<Term> t, Evaluation e, Candidate c) {
        int k = e.k();
        double r = c.tokPerS();
        double tv = e.verifyS();
        double q = c.curve().guessHolds(k);
        String how = c.curve() instanceof MeasuredAlphaCurve
                ? f("a_K^(K+1), a_K = %s the i.i.d. rate matching K·α(K) (α is measured per K)",
                g(IidCurve.matchedRate(k, k * c.curve().alpha(k))))
                : f("P(L ≥ K+1) = E(K+1) − E(K) = %s − %s", g(c.curve().tokensPerRound(k + 1)), g(e.tokensPerRound()));
        t.add(new Term("guess holds (all K accepted and token K+1)", "q(K)", q, "probability", how));
        int a = AnalyticModel.aheadDecodes(k, r, tv);
        t.add(new Term("decodes while verifying", "a", a, "decodes", f("min(K+1 = %d, ⌈T_v·r_d⌉ = ⌈%s⌉)", k + 1, g(tv * r))));
        double answered = a == 0 ? tv : Math.max(tv, a / r);
        t.add(new Term("answer taken", "max(T_v, a/r_d)", answered, "s", f("max(%s, %d / %s)", g(tv), a, g(r))));
        double next = AnalyticModel.nextDraftSeconds(k, r, a, q);
        t.add(new Term("drafting before sending", "(1−q)·K/r_d + q·(K+1−a)/r_d", next, "s",
                a == 0 ? "nothing drafted ahead (T_v = 0): K / r_d"
                        : f("%s × %d / %s + %s × %d / %s", g(1 - q), k, g(r), g(q), k + 1 - a, g(r))));
        double round = answered + next;
        t.add(new Term("round time (pipelined)", "T_round", round, "s", f("%s + %s", g(answered), g(next))));
        t.add(new Term("drafting time per round", "t_draft", e.draftS(), "s", f("a/r_d + drafting before sending = %d / %s + %s",
                a, g(r), g(next))));
        return round;
    }

    /** Six significant digits, plain notation, no trailing zeros. */
    private static String g(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String gb(long bytes) {
        return g(bytes / 1e9) + " GB";
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
