package org.configspec.serve.verifier;

import io.micrometer.core.instrument.FunctionCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import org.configspec.core.calibration.PassCosts;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.serve.metrics.VerifierMetrics;

/**
 * The target in-process: one llama session with one KV-cache sequence per session slot. A group of verifies is ONE
 * llama decode (the last committed token and the K drafted ones of every session, logits for each); a sequence's
 * cache always holds the committed tokens 0..length − 2 (the last one is decoded with the next draft).
 */
final class LlamaBackend implements VerificationBackend {
    private final LlamaModel model;
    private final LlamaSession llama;
    /** The token padding holds (any valid id: its rows are never read and its cache cells are removed). */
    private static final int PAD_TOKEN = 0;

    private final TokenBatch batch;
    private volatile PassPlan.Costs costs;
    /** Gap slots padded in the last pass and the cache length each goes back to: {slot, length}. */
    private final List<int[]> padded = new ArrayList<>();
    private final DoubleAdder passes = new DoubleAdder();
    private final DoubleAdder padTokens = new DoubleAdder();

    LlamaBackend(LlamaModel model, VerifierConfig config) {
        this(model, config, null);
    }

    /** With {@code costs} null, the pass and padding-token costs are measured by {@link #warmUp()}. */
    LlamaBackend(LlamaModel model, VerifierConfig config, PassPlan.Costs costs) {
        this.model = model;
        int capacity = Math.max(config.maxBatch() * (config.maxK() + 1), config.contextPerSession());
        this.llama = model.newSession(ContextOptions.defaults().withThreads(config.threads())
                .withSequences(config.maxSessions()).withContextSize(config.contextPerSession())
                .withBatchCapacity(capacity).exact().withCpus(config.cpus()));
        this.batch = new TokenBatch(llama.batchCapacity());
        this.costs = costs;
    }

    /**
     * Measures the pass and padding-token costs (unless given): on the decode thread, which a decode pins to the
     * verifier's CPUs — not on the thread that built the backend.
     */
    @Override
    public void warmUp() {
        if (costs == null) {
            costs = measureCosts();
        }
    }

    /**
     * What a pass and a padding token cost here, measured once (the slots are then emptied; also the target's
     * warm-up), each figure the best of five decodes of verify-shaped rounds (5 tokens, logits on every one): slots 0
     * and 1 (one pass) against slots 0 and 2 (two passes: llama.cpp splits at the gap) gives a pass; slots 0, 1 and 2
     * with slot 1's tokens without logits (the gap padded) against slots 0 and 1 gives five padding tokens. With fewer
     * than three slots no group has a gap: one round of 1 and of 5 tokens gives both.
     */
    private PassPlan.Costs measureCosts() {
        boolean gap = llama.sequences() >= 3;
        int n = 5;
        int[][] slots = gap ? new int[][] {{0, 1}, {0, 2}, {0, 1, 2}} : new int[][] {{0}, {0}};
        int[] tokens = gap ? new int[] {n, n, n} : new int[] {1, n};
        long[] best = new long[slots.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int rep = 0; rep < 5; rep++) {
            for (int m = 0; m < slots.length; m++) {
                batch.clear();
                for (int slot : slots[m]) {
                    llama.truncate(slot, 0);
                    boolean pad = slots[m].length == 3 && slot == 1;
                    for (int i = 0; i < tokens[m]; i++) {
                        batch.add(PAD_TOKEN, i, slot, !pad);
                    }
                }
                long t0 = System.nanoTime();
                llama.decode(batch);
                best[m] = Math.min(best[m], System.nanoTime() - t0);
            }
        }
        for (int slot = 0; slot < Math.min(3, llama.sequences()); slot++) {
            llama.truncate(slot, 0);
        }
        if (gap) {
            double perToken = Math.max(1, (best[2] - best[0]) / (double) n);
            return new PassPlan.Costs(Math.max(0, best[1] - best[0]), perToken);
        }
        double perToken = Math.max(1, (best[1] - best[0]) / (double) (n - 1));
        return new PassPlan.Costs(Math.max(0, best[0] - perToken), perToken);
    }

    /** What a pass and a padding token cost on this machine, in nanoseconds. */
    PassPlan.Costs costs() {
        warmUp();
        return costs;
    }

    @Override
    public PassCosts passCosts() {
        PassPlan.Costs costs = costs();
        return new PassCosts(costs.pass() / 1e9, costs.padToken() / 1e9);
    }

    @Override
    public void bind(VerifierMetrics metrics) {
        FunctionCounter.builder("configspec.verifier.passes", passes, DoubleAdder::sum)
                .description("llama.cpp passes (graph computations) of the verify groups: one per run of consecutive"
                        + " slots after padding").register(metrics.registry());
        FunctionCounter.builder("configspec.verifier.pad.tokens", padTokens, DoubleAdder::sum)
                .description("padding tokens decoded to join sessions in non-consecutive slots into one pass")
                .register(metrics.registry());
    }

    @Override
    public String describe() {
        PassPlan.Costs costs = costs();
        return String.format(java.util.Locale.ROOT, "%s in-process (llama.cpp): one batched decode per group of"
                + " verifies; a pass %.2f ms + %.3f ms per padding token (measured at start), gaps between slots"
                + " padded where that saves passes", model.path().getFileName(), costs.pass() / 1e6,
                costs.padToken() / 1e6);
    }

    @Override
    public int groupCapacity() {
        return llama.batchCapacity();
    }

    @Override
    public void open(int slot, int[] prompt) {
        warmUp(); // the timing decodes use slots 0..2: before the first session, never after
        dropPadding();
        llama.truncate(slot, 0);
        int n = prompt.length - 1;
        if (n == 0) {
            return;
        }
        batch.clear();
        for (int i = 0; i < n; i++) {
            batch.add(prompt[i], i, slot, false);
        }
        llama.decode(batch);
    }

    /**
     * One llama decode for the whole group, its sessions' tokens added in increasing slot order: each session is its
     * own KV-cache stream (llama.cpp's default, not the unified cache), and llama.cpp puts into one micro-batch only
     * sessions whose slots follow one another in the batch (ascending, no gap) with as many tokens each; in arrival
     * order a group of 16 split into up to 16 graph computations. (A unified cache would take any order but makes
     * every token attend over all sessions' cells: half the throughput with 16 sessions of 80 positions on
     * stories15M, measured.) Where the group leaves gaps between its slots, or its requests differ in length, {@link
     * PassPlan} pads them when that costs less than the extra passes (the padding is removed before the next call).
     * The rows come back in the order of {@code rounds}.
     */
    @Override
    public List<TargetRows> score(List<Round> rounds) {
        dropPadding();
        batch.clear();
        Integer[] bySlot = new Integer[rounds.size()];
        for (int j = 0; j < bySlot.length; j++) {
            bySlot[j] = j;
        }
        Arrays.sort(bySlot, Comparator.comparingInt(j -> rounds.get(j).slot()));
        int[] slots = new int[bySlot.length];
        int[] tokens = new int[bySlot.length];
        for (int i = 0; i < bySlot.length; i++) {
            slots[i] = rounds.get(bySlot[i]).slot();
            tokens[i] = rounds.get(bySlot[i]).draft().length + 1;
        }
        PassPlan.Group group = PassPlan.Group.of(slots, tokens, slots.length,
                slot -> llama.contextPerSequence() - cacheLength(slot));
        PassPlan plan = PassPlan.plan(group, costs(), llama.batchCapacity());
        TargetRows[] rows = new TargetRows[rounds.size()];
        for (PassPlan.Segment seg : plan.segments()) {
            int next = seg.first();
            for (int slot = seg.firstSlot(); slot <= seg.lastSlot(); slot++) {
                int start = cacheLength(slot);
                int own = 0;
                if (next <= seg.last() && group.slot(next) == slot) {
                    own = group.tokens(next);
                    int j = bySlot[next++];
                    Round r = rounds.get(j);
                    int p = r.position();
                    int row0 = batch.size();
                    batch.add(r.committed()[p - 1], p - 1, r.slot(), true);
                    int[] draft = r.draft();
                    for (int i = 0; i < draft.length; i++) {
                        batch.add(draft[i], p + i, r.slot(), true);
                    }
                    start = p - 1;
                    rows[j] = rows(row0);
                } else {
                    padded.add(new int[] {slot, start}); // a gap slot: its cache goes back to what it held
                }
                for (int i = own; i < seg.tokens(); i++) {
                    batch.add(PAD_TOKEN, start + i, slot, false); // the caller's keep() drops a session's own padding
                }
            }
        }
        llama.decode(batch);
        passes.add(plan.passes());
        padTokens.add(plan.padTokens(group));
        return Arrays.asList(rows);
    }

    private TargetRows rows(int row0) {
        return new TargetRows() {
            @Override
            public int argmax(int i) {
                return llama.argmax(row0 + i);
            }

            @Override
            public float[] logits(int i) {
                return llama.logits(row0 + i);
            }
        };
    }

    /** Positions the cache of {@code slot} holds (0..n − 1). */
    private int cacheLength(int slot) {
        return llama.positionMax(slot) + 1;
    }

    /**
     * Removes the last pass's padding from the gap slots (after the rows were read: a truncation ends the batch's
     * logits).
     */
    private void dropPadding() {
        for (int[] p : padded) {
            llama.truncate(p[0], p[1]);
        }
        padded.clear();
    }

    @Override
    public void keep(int slot, int length) {
        dropPadding();
        llama.truncate(slot, length - 1);
    }

    @Override
    public void release(int slot) {
        dropPadding();
        llama.truncate(slot, 0);
    }

    @Override
    public void close() {
        llama.close();
    }
}
