package org.configspec.core.select;

import java.util.Comparator;
import org.configspec.core.space.Evaluation;

/**
 * The deterministic order of configurations for one objective. Ties on the objective (exactly equal values) are
 * broken by, in turn: higher goodput, more tokens per $, fewer joules per token (unknown last), smaller K, then
 * draft name and quantisation in lexicographic order. The order is total, so the optimum is unique.
 */
public final class Ranking {
    private static final Comparator<Evaluation> TIE_BREAK = ((Comparator<Evaluation>) Objective.GOODPUT::compare)
            .thenComparing(Objective.COST::compare)
            .thenComparing(Objective.ENERGY::compare)
            .thenComparingInt(Evaluation::k)
            .thenComparing(Evaluation::draft)
            .thenComparing(Evaluation::quant)
            .thenComparing(Evaluation::device)
            .thenComparing(Evaluation::target);

    private Ranking() {
    }

    /** Best first for the objective. */
    public static Comparator<Evaluation> by(Objective objective) {
        return ((Comparator<Evaluation>) objective::compare).thenComparing(TIE_BREAK);
    }

    /** The tie-break alone (goodput, cost, energy, K, names). */
    public static Comparator<Evaluation> tieBreak() {
        return TIE_BREAK;
    }
}
