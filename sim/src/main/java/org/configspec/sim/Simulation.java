package org.configspec.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.configspec.serve.client.KPolicy;
import org.configspec.sim.event.EventQueue;

/**
 * Discrete-event simulation of many edge clients sharing a few verifiers (see {@link SimConfig}). Each client loops:
 * draft K tokens at r_d (K / r_d seconds), send them (half the round trip), wait in its verifier's queue, be verified
 * in a batch formed as serve's decode loop forms them ({@link Batching}), receive the answer (the other half), commit
 * L + 1 tokens with L drawn by the {@link AcceptanceSampler}, tell its K policy and start the next round.
 * <p>
 * State lives in primitive arrays indexed by client and verifier; an event is a time and an int in the
 * {@link EventQueue}. Deterministic for a seed: every client draws from its own generator split from the seed.
 */
public final class Simulation {
    private static final int ARRIVE = 0;
    private static final int RESPOND = 1;
    private static final int WAIT_END = 2;
    private static final int SERVICE_END = 3;

    private final SimConfig cfg;
    private final ClientSpec spec;
    private final int n;
    private final int nv;
    private final EventQueue events;
    // clients
    private final KPolicy[] policy;
    private final SplittableRandom[] rng;
    private final int[] k;
    private final double[] roundStart;
    private final double[] draftS;
    private final double[] rttS;
    private final double[] arrivedAt;
    private final long[] tokens;
    // verifiers: a FIFO ring of waiting clients each, and the batch being formed or served
    private final int[][] fifo;
    private final int[] fifoHead;
    private final int[] fifoSize;
    private final int[] sessions;
    private final int[] group;
    private final int[] groupSize;
    private final boolean[] busy;
    private final boolean[] collecting;
    private final double[] deadline;
    private final double[] busyS;
    private final int maxBatch;
    // totals
    private long rounds;
    private long batches;
    private long batchSessions;
    private double sumTokensPerRound;
    private double sumSqTokensPerRound;
    private long acceptedSum;
    private long draftedSum;
    private double usd;
    private double joules;
    private double[] delays = new double[1024];
    private int delayCount;
    private long processed;
    private boolean extrapolatedUsed;

    private Simulation(SimConfig cfg) {
        this.cfg = cfg;
        this.spec = cfg.client();
        this.n = cfg.clients();
        this.nv = cfg.verifiers();
        this.events = new EventQueue(2 * n + 2 * nv);
        this.maxBatch = cfg.batching().maxBatch();
        policy = new KPolicy[n];
        rng = new SplittableRandom[n];
        k = new int[n];
        roundStart = new double[n];
        draftS = new double[n];
        rttS = new double[n];
        arrivedAt = new double[n];
        tokens = new long[n];
        sessions = new int[nv];
        for (int c = 0; c < n; c++) {
            sessions[c % nv]++;
        }
        fifo = new int[nv][];
        for (int v = 0; v < nv; v++) {
            fifo[v] = new int[Math.max(1, sessions[v])];
        }
        fifoHead = new int[nv];
        fifoSize = new int[nv];
        group = new int[nv * maxBatch];
        groupSize = new int[nv];
        busy = new boolean[nv];
        collecting = new boolean[nv];
        deadline = new double[nv];
        busyS = new double[nv];
    }

    /** Runs one simulation to its end. */
    public static SimResult run(SimConfig cfg) {
        return new Simulation(cfg).go();
    }

    /** One simulation, or one per value of {@code sweep} (null: just {@code base}). */
    public static java.util.List<SimResult> run(SimConfig base, Sweep sweep) {
        return sweep == null ? java.util.List.of(run(base)) : sweep.configs(base).stream().map(Simulation::run).toList();
    }

    private SimResult go() {
        SplittableRandom master = new SplittableRandom(cfg.seed());
        for (int c = 0; c < n; c++) {
            rng[c] = master.split();
            policy[c] = spec.newPolicy(rng[c].nextLong());
            startRound(c, 0);
        }
        double end = cfg.durationS();
        while (!events.isEmpty() && events.peekTime() <= end) {
            double now = events.peekTime();
            int p = events.peekPayload();
            events.poll();
            processed++;
            int id = p >>> 2;
            switch (p & 3) {
                case ARRIVE -> arrive(id, now);
                case RESPOND -> respond(id, now);
                case WAIT_END -> {
                    if (collecting[id] && deadline[id] == now) {
                        serve(id, now);
                    }
                }
                default -> serviceEnd(id, now);
            }
        }
        return result(end);
    }

    private void startRound(int c, double now) {
        int kk = Math.max(1, Math.min(policy[c].nextK(), spec.acceptance().maxK()));
        k[c] = kk;
        roundStart[c] = now;
        draftS[c] = kk / spec.tokPerS();
        rttS[c] = cfg.rtt().sample(now, rng[c]);
        events.add(now + draftS[c] + rttS[c] / 2, c << 2 | ARRIVE);
    }

    private void arrive(int c, double now) {
        int v = c % nv;
        arrivedAt[c] = now;
        if (collecting[v]) {
            join(v, c, now);
            if (groupSize[v] == wanted(v)) {
                serve(v, now);
            }
            return;
        }
        int[] q = fifo[v];
        q[(fifoHead[v] + fifoSize[v]) % q.length] = c;
        fifoSize[v]++;
        if (!busy[v]) {
            collect(v, now);
        }
    }

    /** As serve's decode loop: the batch waits for min(max batch, open sessions) verifies. */
    private int wanted(int v) {
        return Math.min(maxBatch, Math.max(1, sessions[v]));
    }

    private void join(int v, int c, double now) {
        group[v * maxBatch + groupSize[v]++] = c;
        recordDelay(now - arrivedAt[c]);
    }

    private void collect(int v, double now) {
        int want = wanted(v);
        int[] q = fifo[v];
        while (fifoSize[v] > 0 && groupSize[v] < want) {
            int c = q[fifoHead[v]];
            fifoHead[v] = (fifoHead[v] + 1) % q.length;
            fifoSize[v]--;
            join(v, c, now);
        }
        double wait = cfg.batching().maxWaitS();
        if (groupSize[v] == want || wait == 0) {
            serve(v, now);
        } else {
            collecting[v] = true;
            deadline[v] = now + wait;
            events.add(deadline[v], v << 2 | WAIT_END);
        }
    }

    private void serve(int v, double now) {
        collecting[v] = false;
        busy[v] = true;
        int size = groupSize[v];
        int batchTokens = 0;
        for (int i = 0; i < size; i++) {
            batchTokens += k[group[v * maxBatch + i]] + 1;
        }
        double s = cfg.service().seconds(size, batchTokens);
        busyS[v] += s;
        batches++;
        batchSessions += size;
        events.add(now + s, v << 2 | SERVICE_END);
    }

    private void serviceEnd(int v, double now) {
        int base = v * maxBatch;
        for (int i = 0; i < groupSize[v]; i++) {
            int c = group[base + i];
            events.add(now + rttS[c] / 2, c << 2 | RESPOND);
        }
        groupSize[v] = 0;
        busy[v] = false;
        if (fifoSize[v] > 0) {
            collect(v, now);
        }
    }

    private void respond(int c, double now) {
        int kk = k[c];
        int accepted = spec.acceptance().sample(kk, rng[c]);
        extrapolatedUsed |= spec.acceptance().extrapolated(kk);
        int committed = accepted + 1;
        tokens[c] += committed;
        rounds++;
        acceptedSum += accepted;
        draftedSum += kk;
        sumTokensPerRound += committed;
        sumSqTokensPerRound += (double) committed * committed;
        usd += spec.usdPerRound().applyAsDouble(kk);
        double waitS = now - roundStart[c] - draftS[c];
        joules += spec.powerW() * draftS[c] + (spec.countWaiting() ? spec.idleW() * waitS : 0);
        policy[c].observe(new KPolicy.Observation(kk, accepted, draftS[c], waitS));
        startRound(c, now);
    }

    private void recordDelay(double d) {
        if (delayCount == delays.length) {
            delays = Arrays.copyOf(delays, delays.length * 2);
        }
        delays[delayCount++] = d;
    }

    private SimResult result(double end) {
        double[] goodput = new double[n];
        for (int c = 0; c < n; c++) {
            goodput[c] = tokens[c] / end;
        }
        double util = 0;
        for (int v = 0; v < nv; v++) {
            util += Math.min(busyS[v], end) / end;
        }
        double mean = rounds == 0 ? Double.NaN : sumTokensPerRound / rounds;
        double var = rounds < 2 ? Double.NaN : (sumSqTokensPerRound - rounds * mean * mean) / (rounds - 1);
        long committed = (long) sumTokensPerRound;
        return new SimResult(cfg, Summary.of(goodput, n), mean, Math.sqrt(Math.max(0, var)),
                rounds == 0 ? Double.NaN : (double) acceptedSum / rounds, rounds == 0 ? Double.NaN : (double) draftedSum / rounds,
                rounds, util / nv, batches == 0 ? Double.NaN : (double) batchSessions / batches, Summary.of(delays, delayCount),
                committed / usd, joules / committed, processed, spec.acceptance().describe(extrapolatedUsed));
    }
}
