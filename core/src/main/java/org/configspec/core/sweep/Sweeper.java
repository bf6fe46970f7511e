package org.configspec.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.select.Objective;
import org.configspec.core.select.Ranking;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.Evaluation;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.space.SpaceFilter;

/** Goodput-optimal K versus the verification time, per target × device × draft variant. */
public final class Sweeper {
    private Sweeper() {
    }

    /**
     * For each T_v in {@code tVerifyValues} (the fixed part of T_v; RTT and per-token cost of the options are kept),
     * the goodput-optimal K of every candidate. Rows are ordered by candidate (catalog order), then T_v.
     */
    public static List<SweepRow> sweep(Catalog catalog, ModelOptions options, SpaceFilter filter, List<Double> tVerifyValues) {
        if (tVerifyValues.isEmpty()) {
            throw new ConfigSpecException("--t-verify-values must list at least one value");
        }
        List<SweepRow> rows = new ArrayList<>();
        List<List<SweepRow>> perTv = new ArrayList<>();
        for (double tv : tVerifyValues) {
            VerifyTime v = options.verify().withFixed(tv);
            JointSpace space = JointSpace.of(catalog, options.withVerify(v), filter);
            perTv.add(best(space, tv));
        }
        int candidates = perTv.get(0).size();
        for (int c = 0; c < candidates; c++) {
            for (List<SweepRow> list : perTv) {
                rows.add(list.get(c));
            }
        }
        return rows;
    }

    private static List<SweepRow> best(JointSpace space, double tv) {
        EvaluationTable table = Evaluator.evaluate(space);
        List<SweepRow> out = new ArrayList<>();
        Comparator<Evaluation> order = Ranking.by(Objective.GOODPUT);
        List<Candidate> cs = space.candidates();
        Evaluation[] best = new Evaluation[cs.size()];
        for (int i = 0; i < table.size(); i++) {
            Evaluation e = table.get(i);
            int ci = table.candidateIndex(i);
            if (best[ci] == null || order.compare(e, best[ci]) < 0) {
                best[ci] = e;
            }
        }
        for (Evaluation e : best) {
            if (e == null) {
                continue;
            }
            Candidate c = e.candidate();
            out.add(new SweepRow(c.target().name(), c.device().name(), c.draft().name(), c.draft().quant(), c.tokPerS(), tv,
                    c.tokPerS() * tv, e.k(), e.goodput(), e.tokensPerRound()));
        }
        return out;
    }
}
