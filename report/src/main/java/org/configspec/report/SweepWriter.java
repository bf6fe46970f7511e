package org.configspec.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.configspec.core.sweep.SweepRow;

/** Writes goodput-optimal K versus T_v. */
public final class SweepWriter {
    public static final List<String> CSV_COLUMNS = List.of("target", "device", "draft", "quant", "draft_tok_s",
            "t_verify_s", "r", "optimal_k", "tokens_per_round", "goodput_tok_s");

    private SweepWriter() {
    }

    public static String write(Format format, List<SweepRow> rows, String header) {
        return switch (format) {
            case TABLE -> header + "\n" + table(rows).render("");
            case CSV -> csv(rows);
            case JSON -> Json.write(json(rows));
        };
    }

    public static TextTable table(List<SweepRow> rows) {
        TextTable t = new TextTable("target", "device", "draft", "quant", "r_d tok/s", "T_v s", "R = r_d·T_v", "K*",
                "E(K*)", "goodput tok/s");
        for (SweepRow r : rows) {
            t.row(r.target(), r.device(), r.draft(), r.quant(), Num.human(r.tokPerS(), 4), Num.human(r.tVerifyS(), 4),
                    Num.human(r.ratio(), 4), r.optimalK(), Num.human(r.tokensPerRound(), 4), Num.human(r.goodput(), 4));
        }
        return t;
    }

    public static String csv(List<SweepRow> rows) {
        StringBuilder sb = new StringBuilder(Csv.line(CSV_COLUMNS));
        for (SweepRow r : rows) {
            sb.append(Csv.line(r.target(), r.device(), r.draft(), r.quant(), Num.machine(r.tokPerS()),
                    Num.machine(r.tVerifyS()), Num.machine(r.ratio()), Integer.toString(r.optimalK()),
                    Num.machine(r.tokensPerRound()), Num.machine(r.goodput())));
        }
        return sb.toString();
    }

    public static ArrayNode json(List<SweepRow> rows) {
        ArrayNode a = Json.object().arrayNode();
        for (SweepRow r : rows) {
            ObjectNode n = a.addObject();
            n.put("target", r.target());
            n.put("device", r.device());
            n.put("draft", r.draft());
            n.put("quant", r.quant());
            Json.put(n, "draft_tok_s", r.tokPerS());
            Json.put(n, "t_verify_s", r.tVerifyS());
            Json.put(n, "r", r.ratio());
            n.put("optimal_k", r.optimalK());
            Json.put(n, "tokens_per_round", r.tokensPerRound());
            Json.put(n, "goodput_tok_s", r.goodput());
        }
        return a;
    }
}
