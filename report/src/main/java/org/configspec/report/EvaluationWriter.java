package org.configspec.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.configspec.core.space.Evaluation;

/** One row per evaluated configuration (the "--all" output). */
public final class EvaluationWriter {
    /** The CSV columns, fixed: scripts depend on them. */
    public static final List<String> COLUMNS = List.of("target", "device", "draft", "quant", "k", "alpha",
            "tokens_per_round", "goodput_tok_s", "tokens_per_usd", "joules_per_token");

    private EvaluationWriter() {
    }

    public static List<String> cells(Evaluation e) {
        return List.of(e.target(), e.device(), e.draft(), e.quant(), Integer.toString(e.k()), Num.machine(e.alpha()),
                Num.machine(e.tokensPerRound()), Num.machine(e.goodput()), Num.machine(e.tokensPerUsd()),
                Num.machine(e.joulesPerToken()));
    }

    public static String csv(Iterable<Evaluation> rows) {
        StringBuilder sb = new StringBuilder(Csv.line(COLUMNS));
        for (Evaluation e : rows) {
            sb.append(Csv.line(cells(e)));
        }
        return sb.toString();
    }

    public static ObjectNode json(Evaluation e) {
        ObjectNode n = Json.object();
        n.put("target", e.target());
        n.put("device", e.device());
        n.put("draft", e.draft());
        n.put("quant", e.quant());
        n.put("k", e.k());
        Json.put(n, "alpha", e.alpha());
        Json.put(n, "tokens_per_round", e.tokensPerRound());
        Json.put(n, "draft_s", e.draftS());
        Json.put(n, "verify_s", e.verifyS());
        Json.put(n, "goodput_tok_s", e.goodput());
        Json.put(n, "usd_per_round", e.usdPerRound());
        Json.put(n, "tokens_per_usd", e.tokensPerUsd());
        Json.put(n, "usd_per_mtok", e.usdPerMTok());
        Json.put(n, "joules_per_token", e.joulesPerToken());
        n.put("fits_memory", e.fit().name().toLowerCase(java.util.Locale.ROOT));
        return n;
    }

    public static ArrayNode jsonArray(Iterable<Evaluation> rows) {
        ArrayNode a = Json.object().arrayNode();
        for (Evaluation e : rows) {
            a.add(json(e));
        }
        return a;
    }

    /** Human table of configurations. */
    public static TextTable table(Iterable<Evaluation> rows, boolean withGroup) {
        TextTable t = withGroup
                ? new TextTable("target", "device", "draft", "quant", "K", "α(K)", "E tok/round", "goodput tok/s", "tokens/$",
                "$/M tok", "J/tok")
                : new TextTable("draft", "quant", "K", "α(K)", "E tok/round", "goodput tok/s", "tokens/$", "$/M tok", "J/tok");
        for (Evaluation e : rows) {
            Object[] metrics = {e.draft(), e.quant(), e.k(), Num.human(e.alpha(), 3), Num.human(e.tokensPerRound(), 4),
                    Num.human(e.goodput(), 4), Num.human(e.tokensPerUsd(), 4), Num.human(e.usdPerMTok(), 4),
                    Num.human(e.joulesPerToken(), 4)};
            if (withGroup) {
                Object[] all = new Object[metrics.length + 2];
                all[0] = e.target();
                all[1] = e.device();
                System.arraycopy(metrics, 0, all, 2, metrics.length);
                t.row(all);
            } else {
                t.row(metrics);
            }
        }
        return t;
    }
}
