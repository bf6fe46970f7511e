package org.configspec.serve.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * How one group of verifies becomes llama.cpp passes (graph computations), and where padding tokens make fewer
 * passes.
 *
 * <p>Each session of the verifier is its own KV-cache stream, and llama.cpp builds a micro-batch only from sequences
 * whose ids follow one another without a gap, each with the same number of tokens ({@code split_equal} with {@code
 * sequential}, in the bundled {@code src/llama-batch.cpp}). A group of sessions in slots {0, 2, 4} is three passes, and
 * every pass streams all of the target's weights again: measured on stories15M F32, 6 sessions × 5 tokens cost 29 ms
 * in slots 0..5 and 58–64 ms in slots {0, 2, .., 10} — more than filling every gap (11 sessions × 5 tokens, 50 ms).
 * So a gap slot may take padding tokens (no logits; positions after its cache, removed after the pass) and a shorter
 * request may be padded to the longest one of its pass, when that costs less than the passes it saves.
 *
 * <p>{@link #plan} chooses the segments by dynamic programming over the group's slots in increasing order, each
 * segment one pass of every slot from its first to its last session padded to its longest request, minimising
 * Σ (pass cost + pad tokens × pad-token cost); a pure function, so the simulator can plan the same passes.
 *
 * @param segments the passes, in slot order
 */
public record PassPlan(List<Segment> segments) {
    public PassPlan {
        segments = List.copyOf(segments);
    }

    /**
     * One pass: the group's sessions {@code first..last} (indices in slot order) and every slot between them, each
     * holding {@code tokens} tokens.
     */
    public record Segment(int first, int last, int firstSlot, int lastSlot, int tokens) {
        /** Tokens of the pass, padding included. */
        public int total() {
            return tokens * (lastSlot - firstSlot + 1);
        }
    }

    /**
     * The passes' costs: one pass (what a pass costs beyond its tokens: the weights streamed once) and one padding
     * token (no logits), in any one unit.
     */
    public record Costs(double pass, double padToken) {
        public Costs {
            if (!(pass >= 0) || !(padToken > 0) || Double.isInfinite(pass) || Double.isInfinite(padToken)) {
                throw new IllegalArgumentException("pass cost " + pass + " and pad-token cost " + padToken
                        + ": a pass >= 0 and a pad token > 0, finite");
            }
        }

        /** How many padding tokens one pass is worth. */
        public double padTokensPerPass() {
            return pass / padToken;
        }
    }

    /**
     * The group's slots and what each may hold.
     */
    public interface Group {
        /** Sessions of the group. */
        int size();

        /** The slot of session {@code i}; strictly increasing in i. */
        int slot(int i);

        /** Tokens session {@code i} verifies (K + 1). */
        int tokens(int i);

        /** The most tokens slot {@code slot} can hold in this pass (its own and padding); 0 when it can take none. */
        int room(int slot);

        /** The first {@code size} entries of {@code slots} and {@code tokens} (read, not copied), with {@code room}. */
        static Group of(int[] slots, int[] tokens, int size, java.util.function.IntUnaryOperator room) {
            return new Group() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public int slot(int i) {
                    return slots[i];
                }

                @Override
                public int tokens(int i) {
                    return tokens[i];
                }

                @Override
                public int room(int slot) {
                    return room.applyAsInt(slot);
                }
            };
        }
    }

    /** Pad tokens of the plan: the slots' tokens beyond the sessions' own. */
    public int padTokens(Group g) {
        int own = 0;
        for (int i = 0; i < g.size(); i++) {
            own += g.tokens(i);
        }
        return totalTokens() - own;
    }

    /** Tokens of every pass, padding included. */
    public int totalTokens() {
        int t = 0;
        for (Segment s : segments) {
            t += s.total();
        }
        return t;
    }

    /**
     * The cheapest plan for {@code g} under {@code costs} whose passes hold at most {@code capacity} tokens in all;
     * with no padding at all (each run of consecutive slots with equal tokens one pass) when no padded plan fits.
     */
    public static PassPlan plan(Group g, Costs costs, int capacity) {
        int n = g.size();
        for (int i = 1; i < n; i++) {
            if (g.slot(i) <= g.slot(i - 1)) {
                throw new IllegalArgumentException("slots must increase: " + g.slot(i - 1) + " then " + g.slot(i));
            }
        }
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        int[] width = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Double.POSITIVE_INFINITY;
            int longest = 0;
            int own = 0;
            int room = Integer.MAX_VALUE; // the least room of a session or gap slot in the segment i..j-1
            for (int i = j - 1; i >= 0; i--) {
                longest = Math.max(longest, g.tokens(i));
                own += g.tokens(i);
                room = Math.min(room, g.room(g.slot(i)));
                if (i < j - 1) {
                    for (int s = g.slot(i) + 1; s < g.slot(i + 1) && room >= longest; s++) {
                        room = Math.min(room, g.room(s));
                    }
                }
                if (room < longest) {
                    break; // wider segments hold this slot too
                }
                int slots = g.slot(j - 1) - g.slot(i) + 1;
                double c = best[i] + costs.pass() + costs.padToken() * ((double) longest * slots - own);
                if (c < best[j]) {
                    best[j] = c;
                    from[j] = i;
                    width[j] = longest;
                }
            }
            if (best[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("session " + (j - 1) + " in slot " + g.slot(j - 1) + " verifies "
                        + g.tokens(j - 1) + " tokens but its slot has room for " + g.room(g.slot(j - 1)));
            }
        }
        List<Segment> segs = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            int i = from[j];
            segs.add(0, new Segment(i, j - 1, g.slot(i), g.slot(j - 1), width[j]));
        }
        PassPlan p = new PassPlan(segs);
        return p.totalTokens() <= capacity ? p : unpadded(g);
    }

    /** No padding: each run of sessions in consecutive slots with equal tokens is one pass (what llama.cpp does). */
    public static PassPlan unpadded(Group g) {
        List<Segment> segs = new ArrayList<>();
        int i = 0;
        while (i < g.size()) {
            int j = i;
            while (j + 1 < g.size() && g.slot(j + 1) == g.slot(j) + 1 && g.tokens(j + 1) == g.tokens(i)) {
                j++;
            }
            segs.add(new Segment(i, j, g.slot(i), g.slot(j), g.tokens(i)));
            i = j + 1;
        }
        return new PassPlan(segs);
    }

    /** Passes of the plan. */
    public int passes() {
        return segments.size();
    }
}
