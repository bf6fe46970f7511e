package org.configspec.llm.remote;

import java.util.Comparator;
import java.util.List;

/**
 * The target's distribution at one position as a server lists it: the token at that position ({@code chosen}: the
 * generated token, or the given token when scoring a prompt), its log-probability, and the top-N entries in
 * descending order. Entries a server floors (vLLM's {@code -9999.0}) are not listed.
 *
 * @param chosen         the token at this position
 * @param chosenLogprob  its log-probability, or NaN when the server did not report it (below a listing that omits it)
 * @param top            the listed entries, most probable first (at most N; empty when N = 0)
 */
public record PositionTop(int chosen, double chosenLogprob, List<TopEntry> top) {
    public PositionTop {
        top = List.copyOf(top);
        for (int i = 1; i < top.size(); i++) {
            if (top.get(i).logprob() > top.get(i - 1).logprob()) {
                top = top.stream().sorted(Comparator.comparingDouble(TopEntry::logprob).reversed()).toList();
                break;
            }
        }
    }

    /** The probability mass outside the listing: 1 − Σ listed, clamped at 0 (servers round). */
    public double unlistedMass() {
        double s = 0;
        for (TopEntry e : top) {
            s += e.probability();
        }
        return Math.max(0, 1 - s);
    }

    /** The log-probability of {@code id} if listed (or it is the chosen token with a known value), else NaN. */
    public double logprobOf(int id) {
        for (TopEntry e : top) {
            if (e.id() == id) {
                return e.logprob();
            }
        }
        return id == chosen ? chosenLogprob : Double.NaN;
    }

    /** The most probable listed token, or -1 when nothing is listed. */
    public int argmax() {
        return top.isEmpty() ? -1 : top.get(0).id();
    }
}
