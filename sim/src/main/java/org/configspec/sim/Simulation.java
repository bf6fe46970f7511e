package org.configspec.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.configspec.core.model.AnalyticModel;
import org.configspec.serve.client.KPolicy;
import org.configspec.sim.event.EventQueue;

/**
 * Discrete-event simulation of many edge clients sharing a few verifiers (see {@link SimConfig}). Each client loops:
 * draft K tokens at r_d (K / r_d seconds), send them (half the round trip), wait in its verifier's queue, be verified
 * in a batch formed as serve's decode loop forms them ({@link Batching}), receive the answer (the other half), commit
 * L + 1 tokens with L drawn by the {@link AcceptanceSampler}, tell its K policy and start the next round.
 * <p>
 * Sessions ({@link Workload}): a session with a prompt and a prefill cost first sends its creation (half a round
 * trip), which waits in the verifier's queue like a verify but is served alone (serve's decode loop runs a creation
 * between batches) for prefill-per-token × prompt tokens; the answer takes the other half and the first round starts.
 * A session with a length closes after committing it; the slot then opens the next session at once (all clients from
 * time 0) or is freed for the next Poisson arrival.
 * <p>
 * Pipelined clients ({@link ClientSpec#pipelined()}) do what serve's EdgeClient does with {@code --pipeline}: from
 * the moment a verify is sent they decode one token at a time (each 1 / r_d, the round's draw with a drafting spread):
 * the round's last drafted token, whose logits give the guess of the verifier's token, then up to the next round's K
 * tokens after it, starting a decode only while the answer has not come; the answer is taken when the decode in
 * progress ends (core's AnalyticModel#aheadDecodes counts them). When the whole draft was accepted and the guess
 * holds (drawn, {@link AcceptanceSampler#guessHolds(int, SplittableRandom)}) the next round keeps the a − 1 tokens
 * drafted after the guess and drafts only the rest; otherwise it drafts from scratch. The next round's K is the
 * policy's choice made when the verify was sent (as the client plans it) when the draft is kept, a fresh one
 * otherwise. Drafting energy counts every decode, the dropped ones too.
 * <p>
 * State lives in primitive arrays indexed by client slot and verifier; an event is a time and an int in the
 * {@link EventQueue}. Deterministic for a seed: every client draws from its own generator split from the seed (with
 * Poisson arrivals, every session from one split off in order of arrival).
 */
public final class Simulation {
    private static final int ARRIVE = 0;
    private static final int RESPOND = 1;
    private static final int WAIT_END = 2;
    private static final int SERVICE_END = 3;
    private static final int OPEN = 4;      // a session's creation reaches its verifier
    private static final int OPENED = 5;    // the creation's answer reaches the client
    private static final int SESSION = 6;   // a Poisson arrival
    private static final int PROCEED = 7;   // a pipelined client has finished the decode in progress at the answer
    private static final int TYPE_BITS = 3;

    private final SimConfig cfg;
    private final ClientMix mix;
    private final Workload work;
    private final int n;
    private final int nv;
    private final EventQueue events;
    // clients (slots)
    private final KPolicy[] policy;
    private final SplittableRandom[] rng;
    private final int[] cls;
    private final int[] k;
    private final double[] roundStart;
    private final double[] draftS;
    // pipelined clients: seconds per decode ahead this round, the K planned for the next round, ahead tokens kept (-1: none)
    private final double[] aheadDecodeS;
    private final int[] plannedK;
    private final int[] carried;
    private final double[] rttS;
    private final double[] arrivedAt;
    private final long[] tokens;
    private final boolean[] opening;
    private final int[] prompt;
    private final long[] sessionTokens;
    private final double[] sessionStart;
    private final boolean[] active;
    private final int[] kvSlot;              // the session's KV-cache slot on its verifier (serve: lowest free)
    // verifiers: a FIFO ring of waiting clients each, and the batch being formed or served
    private final int[][] fifo;
    private final int[] fifoHead;
    private final int[] fifoSize;
    private final int[] sessions;
    private final int[] group;
    private final int[] groupSize;
    private final int[] prefilling;
    private final boolean[] busy;
    private final boolean[] collecting;
    private final double[] deadline;
    private final double[] busyS;
    private final java.util.BitSet[] kvSlots; // each verifier's taken KV-cache slots
    private final int[] planSlots;            // scratch of serve(): the batch's slots and tokens
    private final int[] planTokens;
    private double batchServiceS;
    private final int maxBatch;
    // sessions
    private final ClientMix.Dealer dealer;
    private SplittableRandom arrivals;
    private final int[] freeSlots;
    private int freeCount;
    private long opened;
    private long completed;
    private long rejected;
    private double[] prefillWaits = new double[64];
    private int prefillWaitCount;
    private double contextSum;
    // per session goodputs (Poisson arrivals) with their class
    private double[] sessionGoodput = new double[64];
    private int[] sessionClass = new int[64];
    private int sessionCount;
    // totals (and per class)
    private long rounds;
    private final long[] classRounds;
    private final long[] classAccepted;
    private final long[] classDrafted;
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
        this.mix = cfg.mix();
        this.work = cfg.workload();
        this.n = cfg.clients();
        this.nv = cfg.verifiers();
        this.events = new EventQueue(2 * n + 2 * nv);
        this.maxBatch = cfg.batching().maxBatch();
        policy = new KPolicy[n];
        rng = new SplittableRandom[n];
        cls = new int[n];
        k = new int[n];
        roundStart = new double[n];
        draftS = new double[n];
        aheadDecodeS = new double[n];
        plannedK = new int[n];
        carried = new int[n];
        Arrays.fill(carried, -1);
        rttS = new double[n];
        arrivedAt = new double[n];
        tokens = new long[n];
        opening = new boolean[n];
        prompt = new int[n];
        sessionTokens = new long[n];
        sessionStart = new double[n];
        active = new boolean[n];
        kvSlot = new int[n];
        sessions = new int[nv];
        int[] slots = new int[nv];
        for (int c = 0; c < n; c++) {
            slots[c % nv]++;
        }
        fifo = new int[nv][];
        for (int v = 0; v < nv; v++) {
            fifo[v] = new int[Math.max(1, slots[v])];
        }
        fifoHead = new int[nv];
        fifoSize = new int[nv];
        group = new int[nv * maxBatch];
        groupSize = new int[nv];
        prefilling = new int[nv];
        Arrays.fill(prefilling, -1);
        busy = new boolean[nv];
        collecting = new boolean[nv];
        deadline = new double[nv];
        busyS = new double[nv];
        kvSlots = new java.util.BitSet[nv];
        for (int v = 0; v < nv; v++) {
            kvSlots[v] = new java.util.BitSet();
        }
        planSlots = new int[maxBatch];
        planTokens = new int[maxBatch];
        dealer = mix.new Dealer();
        freeSlots = new int[n];
        classRounds = new long[mix.size()];
        classAccepted = new long[mix.size()];
        classDrafted = new long[mix.size()];
    }

    /** Runs one simulation to its end. */
    public static SimResult run(SimConfig cfg) {
        return new Simulation(cfg).go();
    }

    /** One simulation, or one per value of {@code sweep} (null: just {@code base}). */
    public static List<SimResult> run(SimConfig base, Sweep sweep) {
        return sweep == null ? List.of(run(base)) : sweep.configs(base).stream().map(Simulation::run).toList();
    }

    private SimResult go() {
        SplittableRandom master = new SplittableRandom(cfg.seed());
        if (work.poisson()) {
            arrivals = master.split();
            for (int c = n - 1; c >= 0; c--) {
                freeSlots[freeCount++] = c;
            }
            events.add(nextGap(), SESSION);
        } else {
            for (int c = 0; c < n; c++) {
                rng[c] = master.split();
                cls[c] = dealer.next();
                policy[c] = mix.spec(cls[c]).newPolicy(rng[c].nextLong());
                openSession(c, 0);
            }
        }
        double end = cfg.durationS();
        while (!events.isEmpty() && events.peekTime() <= end) {
            double now = events.peekTime();
            int p = events.peekPayload();
            events.poll();
            processed++;
            int id = p >>> TYPE_BITS;
            switch (p & ((1 << TYPE_BITS) - 1)) {
                case ARRIVE, OPEN -> arrive(id, now);
                case RESPOND -> respond(id, now);
                case WAIT_END -> {
                    if (collecting[id] && deadline[id] == now) {
                        serve(id, now);
                    }
                }
                case SERVICE_END -> serviceEnd(id, now);
                case OPENED -> opened(id, now);
                case PROCEED -> proceed(id, now);
                default -> sessionArrives(now);
            }
        }
        return result(end);
    }

    private double nextGap() {
        return -Math.log(1 - arrivals.nextDouble()) / work.arrivalRate();
    }

    private void sessionArrives(double now) {
        events.add(now + nextGap(), SESSION);
        int kind = dealer.next();
        SplittableRandom r = arrivals.split();
        if (freeCount == 0) {
            rejected++;
            return;
        }
        int c = freeSlots[--freeCount];
        rng[c] = r;
        cls[c] = kind;
        policy[c] = mix.spec(kind).newPolicy(r.nextLong());
        openSession(c, now);
    }

    /** Opens a session in slot {@code c}: with a prefill, its creation goes to the verifier first. */
    private void openSession(int c, double now) {
        opened++;
        active[c] = true;
        sessions[c % nv]++;
        java.util.BitSet taken = kvSlots[c % nv];
        kvSlot[c] = taken.nextClearBit(0);
        taken.set(kvSlot[c]);
        sessionTokens[c] = 0;
        sessionStart[c] = now;
        carried[c] = -1;
        prompt[c] = work.prompt().sample(rng[c]);
        if (work.prefillPerTokenS() > 0 && prompt[c] > 0) {
            opening[c] = true;
            rttS[c] = cfg.rtt().sample(now, rng[c]);
            events.add(now + rttS[c] / 2, c << TYPE_BITS | OPEN);
        } else {
            startRound(c, now);
        }
    }

    private void opened(int c, double now) {
        opening[c] = false;
        recordPrefillWait(now - sessionStart[c]);
        startRound(c, now);
    }

    private void startRound(int c, double now) {
        ClientSpec spec = mix.spec(cls[c]);
        int kk = carried[c] >= 0 ? plannedK[c] : Math.max(1, Math.min(policy[c].nextK(), spec.acceptance().maxK()));
        k[c] = kk;
        roundStart[c] = now;
        // with tokens kept from drafting ahead, only the rest is drafted (serve's Drafter.resume)
        draftS[c] = spec.draftSeconds(carried[c] >= 0 ? Math.max(0, kk - carried[c]) : kk, rng[c]);
        carried[c] = -1;
        if (spec.pipelined()) {
            // as the client: the next round's K is chosen when this round is sent, as if all of it were accepted
            plannedK[c] = Math.max(1, Math.min(policy[c].nextK(), spec.acceptance().maxK()));
            aheadDecodeS[c] = spec.draftSeconds(1, rng[c]);
        }
        rttS[c] = cfg.rtt().sample(now, rng[c]);
        events.add(now + draftS[c] + rttS[c] / 2, c << TYPE_BITS | ARRIVE);
    }

    private void arrive(int c, double now) {
        int v = c % nv;
        arrivedAt[c] = now;
        if (collecting[v] && !opening[c]) {
            join(v, c, now);
            if (groupSize[v] >= wanted(v)) {
                serve(v, now);
            }
            return;
        }
        int[] q = fifo[v];
        q[(fifoHead[v] + fifoSize[v]) % q.length] = c;
        fifoSize[v]++;
        if (!busy[v] && !collecting[v]) {
            collect(v, now);
        }
    }

    /** As serve's decode loop: the batch waits for min(max batch, open sessions) verifies. */
    private int wanted(int v) {
        return Math.min(maxBatch, Math.max(1, sessions[v]));
    }

    private void join(int v, int c, double now) {
        group[v * maxBatch + groupSize[v]++] = c;
    }

    private void collect(int v, double now) {
        int want = wanted(v);
        int[] q = fifo[v];
        while (fifoSize[v] > 0 && groupSize[v] < want) {
            int c = q[fifoHead[v]];
            if (opening[c]) {
                if (groupSize[v] == 0) {
                    pop(v);
                    prefill(v, c, now);
                    return;
                }
                serve(v, now); // a creation is next: the batch goes as it is
                return;
            }
            pop(v);
            join(v, c, now);
        }
        if (groupSize[v] == 0) {
            return;
        }
        double wait = cfg.batching().maxWaitS();
        if (groupSize[v] >= want || wait == 0) {
            serve(v, now);
        } else {
            collecting[v] = true;
            deadline[v] = now + wait;
            events.add(deadline[v], v << TYPE_BITS | WAIT_END);
        }
    }

    private void pop(int v) {
        fifoHead[v] = (fifoHead[v] + 1) % fifo[v].length;
        fifoSize[v]--;
    }

    private void prefill(int v, int c, double now) {
        busy[v] = true;
        prefilling[v] = c;
        double s = work.prefillPerTokenS() * prompt[c];
        busyS[v] += s;
        events.add(now + s, v << TYPE_BITS | SERVICE_END);
    }

    private void serve(int v, double now) {
        collecting[v] = false;
        busy[v] = true;
        int size = groupSize[v];
        int batchTokens = 0;
        for (int i = 0; i < size; i++) {
            int member = group[v * maxBatch + i];
            batchTokens += k[member] + 1;
            planSlots[i] = kvSlot[member];
            planTokens[i] = k[member] + 1;
            // queueing delay as serve measures it (configspec_batch_wait_seconds): arrival to the batch's start,
            // the batching wait included
            recordDelay(now - arrivedAt[member]);
        }
        double s = cfg.service().seconds(size, batchTokens) + cfg.service().slotSeconds(planSlots, planTokens, size);
        busyS[v] += s;
        batchServiceS += s;
        batches++;
        batchSessions += size;
        events.add(now + s, v << TYPE_BITS | SERVICE_END);
    }

    private void serviceEnd(int v, double now) {
        if (prefilling[v] >= 0) {
            int c = prefilling[v];
            events.add(now + rttS[c] / 2, c << TYPE_BITS | OPENED);
            prefilling[v] = -1;
        } else {
            int base = v * maxBatch;
            for (int i = 0; i < groupSize[v]; i++) {
                int c = group[base + i];
                events.add(now + rttS[c] / 2, c << TYPE_BITS | RESPOND);
            }
            groupSize[v] = 0;
        }
        busy[v] = false;
        if (fifoSize[v] > 0) {
            collect(v, now);
        }
    }

    private void respond(int c, double now) {
        ClientSpec spec = mix.spec(cls[c]);
        int kk = k[c];
        int accepted = spec.acceptance().sample(kk, rng[c]);
        extrapolatedUsed |= spec.acceptance().extrapolated(kk);
        int committed = accepted + 1;
        contextSum += prompt[c] + sessionTokens[c];
        tokens[c] += committed;
        sessionTokens[c] += committed;
        rounds++;
        classRounds[cls[c]]++;
        classAccepted[cls[c]] += accepted;
        classDrafted[cls[c]] += kk;
        acceptedSum += accepted;
        draftedSum += kk;
        sumTokensPerRound += committed;
        sumSqTokensPerRound += (double) committed * committed;
        usd += spec.usdPerRound().applyAsDouble(kk);
        double sentAt = roundStart[c] + draftS[c];
        double aheadS = 0;
        double answered = now;
        if (spec.pipelined()) {
            double d = aheadDecodeS[c];
            int a = AnalyticModel.aheadDecodes(plannedK[c], 1 / d, now - sentAt);
            aheadS = a * d;
            answered = Math.max(now, sentAt + aheadS);
            if (a > 0 && accepted == kk && spec.acceptance().guessHolds(kk, rng[c])) {
                carried[c] = a - 1;
                extrapolatedUsed |= spec.acceptance().guessExtrapolated(kk);
            }
        }
        double waitS = answered - roundStart[c] - draftS[c] - aheadS;
        joules += spec.powerW() * (draftS[c] + aheadS) + (spec.countWaiting() ? spec.idleW() * waitS : 0);
        policy[c].observe(new KPolicy.Observation(kk, accepted, draftS[c], waitS + aheadS));
        if (answered > now) {
            events.add(answered, c << TYPE_BITS | PROCEED);
        } else {
            proceed(c, now);
        }
    }

    /** After a round: the session closes when it has its tokens, or the next round starts. */
    private void proceed(int c, double now) {
        if (work.sessionTokens() > 0 && sessionTokens[c] >= work.sessionTokens()) {
            closeSession(c, now);
        } else {
            startRound(c, now);
        }
    }

    private void closeSession(int c, double now) {
        completed++;
        active[c] = false;
        int v = c % nv;
        sessions[v]--;
        kvSlots[v].clear(kvSlot[c]);
        if (work.poisson()) {
            recordSession(c, sessionTokens[c] / (now - sessionStart[c]));
            tokens[c] = 0;
            freeSlots[freeCount++] = c;
        } else {
            openSession(c, now);
        }
        if (collecting[v] && groupSize[v] >= wanted(v)) {
            serve(v, now);
        }
    }

    private void recordSession(int c, double goodput) {
        if (sessionCount == sessionGoodput.length) {
            sessionGoodput = Arrays.copyOf(sessionGoodput, sessionCount * 2);
            sessionClass = Arrays.copyOf(sessionClass, sessionCount * 2);
        }
        sessionClass[sessionCount] = cls[c];
        sessionGoodput[sessionCount++] = goodput;
    }

    private void recordDelay(double d) {
        if (delayCount == delays.length) {
            delays = Arrays.copyOf(delays, delays.length * 2);
        }
        delays[delayCount++] = d;
    }

    private void recordPrefillWait(double d) {
        if (prefillWaitCount == prefillWaits.length) {
            prefillWaits = Arrays.copyOf(prefillWaits, prefillWaitCount * 2);
        }
        prefillWaits[prefillWaitCount++] = d;
    }

    private SimResult result(double end) {
        // goodput per client; with Poisson arrivals per session (those still open: up to the end, if they decoded)
        double[] goodput;
        int[] goodputClass;
        int count;
        if (work.poisson()) {
            for (int c = 0; c < n; c++) {
                if (active[c] && sessionTokens[c] > 0) {
                    recordSession(c, sessionTokens[c] / (end - sessionStart[c]));
                }
            }
            goodput = sessionGoodput;
            goodputClass = sessionClass;
            count = sessionCount;
        } else {
            goodput = new double[n];
            for (int c = 0; c < n; c++) {
                goodput[c] = tokens[c] / end;
            }
            goodputClass = cls;
            count = n;
        }
        double util = 0;
        for (int v = 0; v < nv; v++) {
            util += Math.min(busyS[v], end) / end;
        }
        double mean = rounds == 0 ? Double.NaN : sumTokensPerRound / rounds;
        double var = rounds < 2 ? Double.NaN : (sumSqTokensPerRound - rounds * mean * mean) / (rounds - 1);
        long committed = (long) sumTokensPerRound;
        List<ClassResult> classes = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            double[] g = new double[count];
            int m = 0;
            for (int j = 0; j < count; j++) {
                if (goodputClass[j] == i) {
                    g[m++] = goodput[j];
                }
            }
            long r = classRounds[i];
            classes.add(new ClassResult(mix.shares().get(i).label(), Summary.of(g, m), r,
                    r == 0 ? Double.NaN : (double) classDrafted[i] / r, r == 0 ? Double.NaN : (double) classAccepted[i] / r));
        }
        SessionStats st = new SessionStats(opened, completed, rejected, Summary.of(prefillWaits, prefillWaitCount),
                rounds == 0 ? Double.NaN : contextSum / rounds);
        String acceptance = mix.size() == 1 ? mix.spec(0).acceptance().describe(extrapolatedUsed)
                : mix.spec(0).acceptance().describe(extrapolatedUsed) + " (first class; each class draws from its own profile)";
        return new SimResult(cfg, Summary.of(goodput, count), mean, Math.sqrt(Math.max(0, var)),
                rounds == 0 ? Double.NaN : (double) acceptedSum / rounds, rounds == 0 ? Double.NaN : (double) draftedSum / rounds,
                rounds, util / nv, batches == 0 ? Double.NaN : (double) batchSessions / batches, Summary.of(delays, delayCount),
                committed / usd, joules / committed, processed, acceptance, classes, st,
                batches == 0 ? Double.NaN : batchServiceS / batches);
    }
}
