package org.configspec.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.select.GroupSelection;
import org.configspec.core.select.Objective;
import org.configspec.core.space.Evaluation;

/** Writes the selection per target × device: optima, weighted choice, Pareto set. */
public final class SelectionWriter {
    public static final List<String> CSV_COLUMNS = List.of("target", "device", "role", "draft", "quant", "k", "alpha",
            "tokens_per_round", "goodput_tok_s", "tokens_per_usd", "usd_per_mtok", "joules_per_token");

    private SelectionWriter() {
    }

    public static String write(Format format, SelectionResult r) {
        return switch (format) {
            case TABLE -> table(r);
            case CSV -> csv(r);
            case JSON -> Json.write(json(r));
        };
    }

    static String key(Objective o) {
        return switch (o) {
            case GOODPUT -> "goodput";
            case COST -> "cost";
            case ENERGY -> "energy";
        };
    }

    public static String table(SelectionResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("catalog: ").append(r.catalogName()).append('\n');
        sb.append("model: ").append(ModelDescription.line(r.options())).append('\n');
        if (r.constraints().any()) {
            sb.append("constraints: ").append(r.constraintsText()).append('\n');
        }
        for (GroupSelection g : r.groups()) {
            sb.append('\n').append(g.target()).append(" / ").append(g.device()).append("  (")
                    .append(g.evaluated()).append(" configurations, ").append(g.feasible()).append(" feasible)\n");
            g.excluded().forEach((why, n) -> sb.append("  excluded ").append(n).append(": ").append(why).append('\n'));
            TextTable t = new TextTable("best for", "draft", "quant", "K", "α(K)", "goodput tok/s", "tokens/$", "$/M tok",
                    "J/tok");
            for (Objective o : Objective.values()) {
                var best = g.optimum(o);
                if (best.isPresent()) {
                    row(t, o.label(), best.get());
                } else if (!g.objectives().contains(o)) {
                    t.row(o.label(), "n/a (no power data)", "", "", "", "", "", "", "");
                } else {
                    t.row(o.label(), "none feasible", "", "", "", "", "", "", "");
                }
            }
            g.weighted().ifPresent(w -> row(t, "weighted " + weightsText(r), w));
            sb.append(t.render("  "));
            sb.append("  Pareto set over ").append(objectivesText(g.objectives())).append(": ")
                    .append(g.pareto().size()).append(" configurations\n");
            if (r.showPareto()) {
                sb.append(EvaluationWriter.table(g.pareto(), false).render("    "));
            }
        }
        return sb.toString();
    }

    private static String weightsText(SelectionResult r) {
        return "(" + Num.human(r.weights().goodput(), 3) + "," + Num.human(r.weights().cost(), 3) + ","
                + Num.human(r.weights().energy(), 3) + ")";
    }

    private static String objectivesText(List<Objective> os) {
        List<String> names = new ArrayList<>();
        for (Objective o : os) {
            names.add(o.label());
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static void row(TextTable t, String label, Evaluation e) {
        t.row(label, e.draft(), e.quant(), e.k(), Num.human(e.alpha(), 3), Num.human(e.goodput(), 4),
                Num.human(e.tokensPerUsd(), 4), Num.human(e.usdPerMTok(), 4), Num.human(e.joulesPerToken(), 4));
    }

    public static String csv(SelectionResult r) {
        StringBuilder sb = new StringBuilder(Csv.line(CSV_COLUMNS));
        for (GroupSelection g : r.groups()) {
            for (Objective o : Objective.values()) {
                g.optimum(o).ifPresent(e -> sb.append(csvRow("best_" + key(o), e)));
            }
            g.weighted().ifPresent(e -> sb.append(csvRow("weighted", e)));
            for (Evaluation e : g.pareto()) {
                sb.append(csvRow("pareto", e));
            }
        }
        return sb.toString();
    }

    private static String csvRow(String role, Evaluation e) {
        return Csv.line(e.target(), e.device(), role, e.draft(), e.quant(), Integer.toString(e.k()), Num.machine(e.alpha()),
                Num.machine(e.tokensPerRound()), Num.machine(e.goodput()), Num.machine(e.tokensPerUsd()),
                Num.machine(e.usdPerMTok()), Num.machine(e.joulesPerToken()));
    }

    public static ObjectNode json(SelectionResult r) {
        ObjectNode root = Json.object();
        root.put("catalog", r.catalogName());
        root.set("model", ModelDescription.json(r.options()));
        ObjectNode c = root.putObject("constraints");
        Json.put(c, "minGoodputTokS", r.constraints().minGoodput());
        Json.put(c, "maxUsdPerMTok", r.constraints().maxUsdPerMTok());
        Json.put(c, "maxJoulesPerToken", r.constraints().maxJPerToken());
        c.put("requireFit", r.constraints().requireFit());
        ObjectNode w = root.putObject("weights");
        Json.put(w, "goodput", r.weights().goodput());
        Json.put(w, "cost", r.weights().cost());
        Json.put(w, "energy", r.weights().energy());
        ArrayNode groups = root.putArray("groups");
        for (GroupSelection g : r.groups()) {
            ObjectNode n = groups.addObject();
            n.put("target", g.target());
            n.put("device", g.device());
            n.put("evaluated", g.evaluated());
            n.put("feasible", g.feasible());
            ObjectNode ex = n.putObject("excluded");
            g.excluded().forEach(ex::put);
            ArrayNode objs = n.putArray("objectives");
            g.objectives().forEach(o -> objs.add(key(o)));
            ObjectNode best = n.putObject("best");
            for (Objective o : Objective.values()) {
                var e = g.optimum(o);
                if (e.isPresent()) {
                    best.set(key(o), EvaluationWriter.json(e.get()));
                } else {
                    best.putNull(key(o));
                }
            }
            if (g.weighted().isPresent()) {
                n.set("weighted", EvaluationWriter.json(g.weighted().get()));
            } else {
                n.putNull("weighted");
            }
            n.set("pareto", EvaluationWriter.jsonArray(g.pareto()));
        }
        return root;
    }
}
