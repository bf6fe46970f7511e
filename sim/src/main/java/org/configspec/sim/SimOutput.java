package org.configspec.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.configspec.core.json.MachineJson;
import org.configspec.core.model.AnalyticModel;

/** The simulator's output as a table, CSV or JSON; a sweep is one row (one JSON object) per simulation. */
public final class SimOutput {
    private static final String CSV_HEADER = "clients,verifiers,goodput_mean_tok_s,goodput_p50_tok_s,goodput_p95_tok_s,"
            + "goodput_p99_tok_s,accepted_per_round,mean_k,rounds,verifier_utilisation,mean_batch,queue_delay_p50_s,"
            + "queue_delay_p99_s,tokens_per_usd,joules_per_token";

    private SimOutput() {
    }

    /**
     * Goodput of one client at a fixed K with no queueing: E(K) / (K / r_d + T_v), T_v = RTT + one-session service time;
     * for a pipelined client E(K) / the pipelined round (core's AnalyticModel#pipelinedRoundSeconds) with q as drawn.
     */
    public static double analyticGoodput(SimConfig c) {
        ClientSpec s = c.client();
        int k = s.k();
        double tv = c.rtt().median(0) + c.service().formula(1, k + 1);
        double e = s.acceptance().tokensPerRound(k);
        return s.pipelined()
                ? AnalyticModel.goodputOfRound(e, AnalyticModel.pipelinedRoundSeconds(k, s.tokPerS(), tv, s.acceptance().guessHolds(k)))
                : AnalyticModel.goodput(e, k, s.tokPerS(), tv);
    }

    public static String table(List<SimResult> runs, String sweepKey) {
        SimResult first = runs.get(0);
        SimConfig c = first.config();
        StringBuilder b = new StringBuilder();
        if (c.mix().size() > 1) {
            b.append("simulated: a mix of ").append(c.mix().size()).append(" client classes -> ")
                    .append(c.client().name().substring(c.client().name().lastIndexOf("-> ") + 3)).append('\n');
        } else {
            b.append("simulated: ").append(c.client().name()).append(", policy ").append(policyName(c))
                    .append(c.client().pipelined() ? ", rounds pipelined (drafting the next round while verifying)" : "")
                    .append('\n');
        }
        b.append("setup: ").append(sweepKey == null ? c.clients() + " clients, " + c.verifiers() + " verifiers, " : "")
                .append(num(c.durationS())).append(" s simulated, seed ").append(c.seed()).append("; batching: max ")
                .append(c.batching().maxBatch()).append(", wait ").append(Text.ms(c.batching().maxWaitS()))
                .append("; service time: ").append(c.service().describe()).append("; RTT: ").append(c.rtt().describe())
                .append('\n');
        b.append("acceptance: ").append(first.acceptanceModel()).append('\n');
        if (c.extended()) {
            b.append("sessions: ").append(c.workload().describe()).append('\n');
        }
        if (sweepKey == null) {
            Summary g = first.goodput();
            Summary q = first.queueDelayS();
            b.append('\n').append(String.format(Locale.ROOT, "%-30s %10s %10s %10s %10s%n", "", "mean", "p50", "p95", "p99"));
            b.append(String.format(Locale.ROOT, "%-30s %10s %10s %10s %10s%n", "goodput per client (tok/s)",
                    num(g.mean()), num(g.p50()), num(g.p95()), num(g.p99())));
            b.append(String.format(Locale.ROOT, "%-30s %10s %10s %10s %10s%n", "queueing delay (ms)",
                    num(q.mean() * 1e3), num(q.p50() * 1e3), num(q.p95() * 1e3), num(q.p99() * 1e3)));
            b.append('\n');
            row(b, "accepted tokens per round", num(first.acceptedPerRound()) + " (mean K " + num(first.meanK()) + ", "
                    + first.rounds() + " rounds)");
            row(b, "verifier utilisation", num(100 * first.utilisation()) + " % (mean batch " + num(first.meanBatch())
                    + " sessions)");
            row(b, "tokens per $", num(first.tokensPerUsd()));
            row(b, "J per token", Double.isNaN(first.joulesPerToken()) ? "unknown (no power profile)" : num(first.joulesPerToken()));
            row(b, "analytic, 1 client, no queue", num(analyticGoodput(c)) + " tok/s at K = " + c.client().k()
                    + (c.mix().size() > 1 ? " (first class)" : ""));
            row(b, "events", Long.toString(first.events()));
            if (c.extended()) {
                extendedTable(b, first);
            }
            return b.toString();
        }
        b.append('\n').append(String.format(Locale.ROOT, "%8s %9s %10s %10s %10s %10s %8s %7s %9s %9s %12s %9s%n",
                "clients", "verifiers", "good mean", "good p50", "good p95", "good p99", "acc/rnd", "util %",
                "q p50 ms", "q p99 ms", "tok/$", "J/tok"));
        for (SimResult r : runs) {
            SimConfig rc = r.config();
            b.append(String.format(Locale.ROOT, "%8d %9d %10s %10s %10s %10s %8s %7s %9s %9s %12s %9s%n",
                    rc.clients(), rc.verifiers(), num(r.goodput().mean()), num(r.goodput().p50()), num(r.goodput().p95()),
                    num(r.goodput().p99()), num(r.acceptedPerRound()), num(100 * r.utilisation()),
                    num(r.queueDelayS().p50() * 1e3), num(r.queueDelayS().p99() * 1e3), num(r.tokensPerUsd()),
                    num(r.joulesPerToken())));
        }
        return b.toString();
    }

    /** The sessions and the per-class rows of a run with a mix or a workload. */
    private static void extendedTable(StringBuilder b, SimResult r) {
        SessionStats st = r.sessions();
        row(b, "sessions", st.opened() + " opened, " + st.completed() + " completed, " + st.rejected() + " rejected");
        if (st.prefillWaitS().n() > 0) {
            Summary w = st.prefillWaitS();
            row(b, "session open to first round", "mean " + Text.ms(w.mean()) + ", p50 " + Text.ms(w.p50()) + ", p99 "
                    + Text.ms(w.p99()));
        }
        row(b, "context at a verify", num(st.meanContext()) + " tokens (mean)");
        String unit = r.config().workload().poisson() ? "per session" : "per client";
        b.append('\n').append(String.format(Locale.ROOT, "%-44s %6s %9s %9s %9s %9s %7s %8s%n", "class (goodput tok/s "
                + unit + ")", "n", "mean", "p50", "p95", "p99", "mean K", "acc/rnd"));
        for (ClassResult cr : r.classes()) {
            Summary g = cr.goodput();
            b.append(String.format(Locale.ROOT, "%-44s %6d %9s %9s %9s %9s %7s %8s%n", cr.label(), g.n(), num(g.mean()),
                    num(g.p50()), num(g.p95()), num(g.p99()), num(cr.meanK()), num(cr.acceptedPerRound())));
        }
        Summary g = r.goodput();
        b.append(String.format(Locale.ROOT, "%-44s %6d %9s %9s %9s %9s %7s %8s%n", "overall", g.n(), num(g.mean()),
                num(g.p50()), num(g.p95()), num(g.p99()), num(r.meanK()), num(r.acceptedPerRound())));
    }

    public static String csv(List<SimResult> runs) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (SimResult r : runs) {
            double[] v = {r.goodput().mean(), r.goodput().p50(), r.goodput().p95(), r.goodput().p99(), r.acceptedPerRound(),
                    r.meanK()};
            b.append(r.config().clients()).append(',').append(r.config().verifiers());
            for (double x : v) {
                b.append(',').append(fig(x));
            }
            b.append(',').append(r.rounds());
            for (double x : new double[] {r.utilisation(), r.meanBatch(), r.queueDelayS().p50(), r.queueDelayS().p99(),
                    r.tokensPerUsd(), r.joulesPerToken()}) {
                b.append(',').append(fig(x));
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static String json(List<SimResult> runs, Sweep sweep) {
        if (sweep == null) {
            return MachineJson.write(MachineJson.report(), object(runs.get(0))) + "\n";
        }
        ObjectNode root = MachineJson.object();
        ObjectNode s = root.putObject("sweep");
        s.put("key", sweep.key());
        ArrayNode values = s.putArray("values");
        for (int v : sweep.values()) {
            values.add(v);
        }
        ArrayNode rs = root.putArray("runs");
        runs.forEach(r -> rs.add(object(r)));
        return MachineJson.write(MachineJson.report(), root) + "\n";
    }

    /**
     * The policy comparison as a table: goodput per client and regret against the best fixed K; with a switching round
     * trip also the per-phase oracle and the regret against it.
     */
    public static String comparisonTable(PolicyComparison.Outcome o) {
        List<PolicyComparison.Row> rows = o.rows();
        SimConfig c = rows.get(0).result().config();
        StringBuilder b = new StringBuilder("policies compared: ").append(c.client().name()).append(", ").append(c.clients())
                .append(c.clients() == 1 ? " client, " : " clients, ").append(c.verifiers()).append(c.verifiers() == 1 ? " verifier, " : " verifiers, ").append(num(c.durationS()))
                .append(" s simulated, seed ").append(c.seed()).append("; RTT: ").append(c.rtt().describe()).append('\n');
        b.append("regret: (best fixed K − policy) / best fixed K, mean goodput per client; negative = beats every fixed K\n");
        if (o.phased()) {
            b.append("oracle: the best fixed K of each phase of the link, ").append(num(o.oracle()))
                    .append(" tok/s (best single fixed K ").append(num(o.bestFixed())).append(" tok/s)\n");
        }
        b.append('\n');
        String head = "%-34s %10s %10s %8s %9s";
        b.append(String.format(Locale.ROOT, head, "policy", "good mean", "good p95", "mean K", "regret %"));
        b.append(o.phased() ? String.format(Locale.ROOT, " %12s%n", "vs oracle %") : "\n");
        for (PolicyComparison.Row r : rows) {
            b.append(String.format(Locale.ROOT, head, r.policy(), num(r.result().goodput().mean()),
                    num(r.result().goodput().p95()), num(r.result().meanK()), num(100 * r.regret())));
            b.append(o.phased() ? String.format(Locale.ROOT, " %12s%n", num(100 * r.oracleRegret())) : "\n");
        }
        return b.toString();
    }

    /** The policy comparison as CSV (with a switching round trip, a last column: regret against the per-phase oracle). */
    public static String comparisonCsv(PolicyComparison.Outcome o) {
        StringBuilder b = new StringBuilder("policy,goodput_mean_tok_s,goodput_p95_tok_s,mean_k,regret")
                .append(o.phased() ? ",regret_vs_oracle\n" : "\n");
        for (PolicyComparison.Row r : o.rows()) {
            b.append('"').append(r.policy()).append("\",").append(fig(r.result().goodput().mean())).append(',')
                    .append(fig(r.result().goodput().p95())).append(',').append(fig(r.result().meanK())).append(',')
                    .append(fig(r.regret()));
            b.append(o.phased() ? "," + fig(r.oracleRegret()) + "\n" : "\n");
        }
        return b.toString();
    }

    /**
     * The policy comparison as JSON: {"policies": [{policy, regret, regret_vs_oracle, run}], "best_fixed_tok_s",
     * "oracle_tok_s"}.
     */
    public static String comparisonJson(PolicyComparison.Outcome o) {
        ObjectNode root = MachineJson.object();
        ArrayNode ps = root.putArray("policies");
        for (PolicyComparison.Row r : o.rows()) {
            ObjectNode n = ps.addObject();
            n.put("policy", r.policy());
            MachineJson.putFigure(n, "regret", r.regret());
            MachineJson.putFigure(n, "regret_vs_oracle", r.oracleRegret());
            n.set("run", object(r.result()));
        }
        MachineJson.putFigure(root, "best_fixed_tok_s", o.bestFixed());
        MachineJson.putFigure(root, "oracle_tok_s", o.oracle());
        return MachineJson.write(MachineJson.report(), root) + "\n";
    }

    private static ObjectNode object(SimResult r) {
        SimConfig c = r.config();
        ObjectNode o = MachineJson.object();
        ObjectNode cfg = o.putObject("configuration");
        cfg.put("client", c.client().name());
        cfg.put("policy", policyName(c));
        cfg.put("k", c.client().k());
        cfg.put("max_k", c.client().acceptance().maxK());
        ObjectNode setup = o.putObject("setup");
        setup.put("clients", c.clients());
        setup.put("verifiers", c.verifiers());
        MachineJson.putFigure(setup, "duration_s", c.durationS());
        setup.put("seed", c.seed());
        setup.put("max_batch", c.batching().maxBatch());
        MachineJson.putFigure(setup, "max_wait_s", c.batching().maxWaitS());
        setup.put("service_time", c.service().describe());
        setup.put("rtt", c.rtt().describe());
        setup.put("acceptance", r.acceptanceModel());
        if (c.client().pipelined()) {
            setup.put("pipelined", true); // absent: sequential rounds
        }
        ObjectNode clients = o.putObject("clients");
        clients.put("count", c.clients());
        summary(clients.putObject("goodput_tok_s"), r.goodput());
        MachineJson.putFigure(clients, "accepted_per_round", r.acceptedPerRound());
        MachineJson.putFigure(clients, "tokens_per_round", r.tokensPerRound());
        MachineJson.putFigure(clients, "mean_k", r.meanK());
        clients.put("rounds", r.rounds());
        ObjectNode verifiers = o.putObject("verifiers");
        verifiers.put("count", c.verifiers());
        MachineJson.putFigure(verifiers, "utilisation", r.utilisation());
        MachineJson.putFigure(verifiers, "mean_batch", r.meanBatch());
        summary(verifiers.putObject("queueing_delay_s"), r.queueDelayS());
        MachineJson.putFigure(o, "tokens_per_usd", r.tokensPerUsd());
        MachineJson.putFigure(o, "joules_per_token", r.joulesPerToken());
        MachineJson.putFigure(o, "analytic_goodput_tok_s", analyticGoodput(c));
        o.put("events", r.events());
        if (c.extended()) {
            ObjectNode sessions = o.putObject("sessions");
            sessions.put("workload", c.workload().describe());
            sessions.put("opened", r.sessions().opened());
            sessions.put("completed", r.sessions().completed());
            sessions.put("rejected", r.sessions().rejected());
            summary(sessions.putObject("open_to_first_round_s"), r.sessions().prefillWaitS());
            MachineJson.putFigure(sessions, "mean_context_tokens", r.sessions().meanContext());
            ArrayNode classes = o.putArray("classes");
            for (ClassResult cr : r.classes()) {
                ObjectNode n = classes.addObject();
                n.put("class", cr.label());
                n.put("count", cr.goodput().n());
                summary(n.putObject("goodput_tok_s"), cr.goodput());
                n.put("rounds", cr.rounds());
                MachineJson.putFigure(n, "mean_k", cr.meanK());
                MachineJson.putFigure(n, "accepted_per_round", cr.acceptedPerRound());
            }
        }
        return o;
    }

    private static void summary(ObjectNode n, Summary s) {
        MachineJson.putFigure(n, "mean", s.mean());
        MachineJson.putFigure(n, "p50", s.p50());
        MachineJson.putFigure(n, "p95", s.p95());
        MachineJson.putFigure(n, "p99", s.p99());
    }

    private static String policyName(SimConfig c) {
        return c.client().newPolicy(0).name();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-30s %s%n", label, value));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Text.num(v);
    }

    private static String fig(double v) {
        java.math.BigDecimal d = MachineJson.decimal(v);
        return d == null ? "" : d.toPlainString();
    }
}
