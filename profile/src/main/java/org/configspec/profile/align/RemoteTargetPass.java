package org.configspec.profile.align;

import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.remote.Generation;
import org.configspec.llm.remote.PositionTop;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.TopEntry;
import org.configspec.llm.remote.Usage;

/**
 * The target pass on a serving engine: ONE generate request per prompt for the target's greedy continuation as ids
 * (exactly {@code tokens} of them: the adapters ask for {@code ignore_eos}), with the top-N listing of every
 * generated position when N ≥ 1 (for sampling-mode bounds, {@link TruncatedOverlap}). The drafts then replay the
 * continuation locally exactly as for a local target. Counts the requests and the tokens the provider reported.
 * Not thread-safe.
 */
public final class RemoteTargetPass implements TargetPass {
    private final RemoteTarget target;
    private final int topN;
    private final long seed;
    private Usage usage = Usage.NONE;
    private int requests;

    /** @param topN log-probabilities listed per generated position (0: greedy only) */
    public RemoteTargetPass(RemoteTarget target, int topN, long seed) {
        if (topN < 0) {
            throw new ConfigSpecException("--top-n = " + topN + ": allowed 0 (greedy only) or more");
        }
        this.target = target;
        this.topN = topN;
        this.seed = seed;
    }

    @Override
    public Continuation continuation(int[] prompt, int tokens) {
        Generation g = target.generate(prompt, tokens, topN, seed);
        requests++;
        usage = usage.plus(g.usage());
        int[] ids = g.ids();
        if (ids.length != tokens) {
            throw new ConfigSpecException(target.identity() + ": returned " + ids.length + " tokens for a request of "
                    + tokens + " with ignore_eos (allowed: exactly as many as asked)");
        }
        return new Continuation(prompt, ids, null, topN == 0 ? null : rows(g.rows(), ids.length));
    }

    /** The listing of each position as a {@link TopRow}; one line when a position lists nothing. */
    static List<TopRow> rows(List<PositionTop> positions, int n) {
        if (positions.size() != n) {
            throw new ConfigSpecException("remote target: " + positions.size() + " log-probability rows for " + n
                    + " tokens (allowed: one per generated token)");
        }
        List<TopRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<TopEntry> top = positions.get(i).top();
            if (top.isEmpty()) {
                throw new ConfigSpecException("remote target: position " + i + " lists no log-probabilities "
                        + "(allowed: the top-N asked for)");
            }
            out.add(new TopRow(top.stream().mapToInt(TopEntry::id).toArray(),
                    top.stream().mapToDouble(TopEntry::logprob).toArray()));
        }
        return out;
    }

    public int topN() {
        return topN;
    }

    /** Generate requests sent so far. */
    public int requests() {
        return requests;
    }

    /** The tokens the provider reported for those requests (what a hosted API bills). */
    public Usage usage() {
        return usage;
    }
}
