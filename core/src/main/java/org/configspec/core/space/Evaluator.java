package org.configspec.core.space;

import java.util.List;
import org.configspec.core.model.AnalyticModel;
import org.configspec.core.model.Billing;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;

/**
 * Evaluates every configuration of a joint space: each candidate at each K in [kMin, kMax] that its acceptance curve
 * supports (with pipelined rounds, also q(K), {@code AcceptanceCurve.guessHolds}). Pure: the result depends only on
 * the space and its options.
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationTable evaluate(JointSpace space) {
        ModelOptions o = space.options();
        List<Candidate> cs = space.candidates();
        int kMin = o.kMin();
        int kMax = o.kMax();
        int capacity = cs.size() * (kMax - kMin + 1);
        int[] cand = new int[capacity];
        int[] ks = new int[capacity];
        double[] es = new double[capacity];
        double[] tvs = new double[capacity];
        double[] gs = new double[capacity];
        double[] usds = new double[capacity];
        double[] js = new double[capacity];
        Fit[] fits = new Fit[cs.size()];

        VerifyTime verify = o.verify();
        Billing billing = o.billing();
        EnergyOptions energy = o.energy();
        int span = kMax - kMin + 1;
        double[] tv = new double[span];
        double[] compute = new double[span];
        double[] radioJ = new double[span];
        for (int k = kMin; k <= kMax; k++) {
            tv[k - kMin] = verify.seconds(k);
            compute[k - kMin] = verify.computeSeconds(k);
            radioJ[k - kMin] = energy.radioJPerByte() * energy.wireBytes(k);
        }
        boolean waiting = energy.waiting();
        boolean pipelined = o.pipelined();

        int n = 0;
        for (int ci = 0; ci < cs.size(); ci++) {
            Candidate c = cs.get(ci);
            fits[ci] = space.fit(c);
            double r = c.tokPerS();
            double p = c.powerW();
            double idle = waiting ? c.idleW() : 0;
            for (int k = kMin; k <= kMax; k++) {
                double e = c.curve().tokensPerRound(k);
                double q = pipelined ? c.curve().guessHolds(k) : 0;
                if (Double.isNaN(e) || Double.isNaN(q)) {
                    continue;
                }
                int j = k - kMin;
                double t = tv[j];
                cand[n] = ci;
                ks[n] = k;
                es[n] = e;
                tvs[n] = t;
                usds[n] = billing.usdPerRound(c.target().price(), k, compute[j]);
                if (pipelined) {
                    gs[n] = AnalyticModel.goodputOfRound(e, AnalyticModel.pipelinedRoundSeconds(k, r, t, q));
                    js[n] = AnalyticModel.joulesPerTokenOfRound(p, AnalyticModel.pipelinedDraftSeconds(k, r, t, q), e,
                            idle * AnalyticModel.pipelinedWaitSeconds(k, r, t) + radioJ[j]);
                } else {
                    gs[n] = AnalyticModel.goodput(e, k, r, t);
                    js[n] = AnalyticModel.joulesPerToken(p, k, r, e, idle * t + radioJ[j]);
                }
                n++;
            }
        }
        return new EvaluationTable(space, cand, ks, es, tvs, gs, usds, js, fits, n);
    }
}
