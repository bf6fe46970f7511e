package org.configspec.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.space.Evaluation;
import org.configspec.core.stats.Measured;
import org.configspec.core.validation.StoredValidation;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.report.EvaluationWriter;
import org.configspec.report.Json;
import org.configspec.report.ModelDescription;
import org.configspec.report.SelectionWriter;
import org.configspec.report.SweepWriter;

/**
 * The data the report embeds, as one JSON document written by {@link MachineJson} (report figures, NaN as null):
 * the evaluations as {@code select --all --format json} writes them, the selection as {@code select --format json},
 * the sweep as {@code sweep --format json}, the catalog's acceptance and draft profiles with their spread, and for
 * every chart without data the reason.
 */
final class ReportData {
    private ReportData() {
    }

    static ObjectNode of(ReportInput in) {
        ObjectNode root = Json.object();
        Catalog c = in.catalog();
        ObjectNode cat = root.putObject("catalog");
        cat.put("name", c.name());
        cat.put("description", c.description());
        cat.put("source", c.source());
        root.set("model", ModelDescription.json(in.selection().options()));
        ArrayNode evaluations = root.putArray("evaluations");
        for (Evaluation e : in.table()) {
            evaluations.add(EvaluationWriter.json(e));
        }
        root.set("selection", SelectionWriter.json(in.selection()));
        root.set("sweep", SweepWriter.json(in.sweep()));
        ArrayNode alpha = root.putArray("alpha");
        ArrayNode survival = root.putArray("survival");
        for (AcceptanceProfile a : c.acceptance()) {
            a.alphaByK().forEach((k, m) -> {
                ObjectNode n = measured(alpha.addObject(), m);
                n.put("draft", a.draft() + (a.quant().isEmpty() ? "" : " " + a.quant()));
                n.put("target", a.target());
                n.put("k", k);
            });
            double[] s = a.survival();
            for (int i = 0; i < s.length; i++) {
                ObjectNode n = survival.addObject();
                n.put("draft", a.draft() + (a.quant().isEmpty() ? "" : " " + a.quant()));
                n.put("target", a.target());
                n.put("position", i + 1);
                Json.put(n, "p", s[i]);
            }
        }
        ArrayNode profiles = root.putArray("profiles");
        for (DraftProfile p : c.draftProfiles()) {
            ObjectNode n = profiles.addObject();
            n.put("device", p.device());
            n.put("draft", p.draft() + " " + p.quant());
            n.set("tok_s", measured(Json.object(), p.tokPerS()));
            if (p.powerKnown()) {
                n.set("power_w", measured(Json.object(), p.powerW()));
            } else {
                n.putNull("power_w");
            }
            n.put("source", p.provenance().source());
        }
        ArrayNode validation = root.putArray("validation");
        for (StoredValidation v : in.validations()) {
            for (ValidationPoint p : v.points()) {
                ObjectNode n = validation.addObject();
                n.put("target", v.target());
                n.put("device", v.device());
                n.put("draft", v.draft() + " " + v.quant());
                n.put("created", v.created());
                Json.put(n, "rtt_ms", p.rttMs());
                n.put("k", p.k());
                n.put("rounds", p.rounds());
                Json.put(n, "measured_goodput_tok_s", p.measuredGoodput());
                Json.put(n, "predicted_goodput_tok_s", p.predictedGoodput());
                Json.put(n, "goodput_error_pct", 100 * p.goodputError());
                n.put("iid_fallback", p.iidFallback());
            }
        }
        ObjectNode noData = root.putObject("noData");
        noData(in).forEach(noData::put);
        return root;
    }

    /** value, aggregation, n and the spread of one measured figure: its interval, else mean ± std, else min..max. */
    private static ObjectNode measured(ObjectNode n, Measured m) {
        Json.put(n, "value", m.value());
        n.put("aggregation", m.aggregation().label());
        n.put("n", m.n());
        double low = Double.NaN;
        double high = Double.NaN;
        String spread = "none known";
        if (m.interval().known()) {
            low = m.interval().low();
            high = m.interval().high();
            spread = Math.round(m.interval().level() * 100) + "% interval" + (m.interval().method().isEmpty() ? ""
                    : " (" + m.interval().method() + ")");
        } else if (!Double.isNaN(m.std())) {
            low = m.value() - m.std();
            high = m.value() + m.std();
            spread = "± 1 std";
        } else if (!Double.isNaN(m.min())) {
            low = m.min();
            high = m.max();
            spread = "min..max";
        }
        Json.put(n, "low", low);
        Json.put(n, "high", high);
        n.put("spread", spread);
        return n;
    }

    /** Chart id → why it has nothing to draw (shown in place of the chart; a report is never blank). */
    static Map<String, String> noData(ReportInput in) {
        Catalog c = in.catalog();
        Map<String, String> why = new LinkedHashMap<>();
        boolean anyEnergy = in.table().stream().anyMatch(Evaluation::energyKnown);
        if (!anyEnergy) {
            why.put("energy", "no device of catalog '" + c.name() + "' has power data, so J per token is unknown");
        }
        if (!anyEnergy && c.draftProfiles().stream().noneMatch(DraftProfile::powerKnown)) {
            why.put("power", "no draft profile of catalog '" + c.name() + "' carries power (measure it with 'configspec profile power')");
        }
        if (in.selection().groups().stream().allMatch(g -> g.pareto().isEmpty())) {
            why.put("pareto", "no configuration is feasible under the constraints (" + in.selection().constraintsText() + ")");
        }
        if (in.sweep().isEmpty()) {
            why.put("sweep", "no draft variant has an acceptance profile the sweep can use");
        }
        if (c.acceptance().stream().allMatch(a -> a.alphaByK().isEmpty())) {
            why.put("alpha", "the acceptance profiles carry per-position acceptance only, no α(K)");
        }
        if (c.acceptance().stream().noneMatch(AcceptanceProfile::hasPerPosition)) {
            why.put("survival", "the acceptance profiles of catalog '" + c.name() + "' carry α(K) only, no per-position"
                    + " P(L ≥ i) (profiles measured with 'configspec profile align' carry it)");
        }
        if (in.validations().stream().allMatch(v -> v.points().isEmpty())) {
            why.put("validation", "no validation runs: a catalog carries none, and a store holds them once"
                    + " 'configspec validate --store' has run (for the targets and devices selected)");
        }
        return why;
    }

    /** The devices without power data, for the energy chart's note ("" when every device has it). */
    static String devicesWithoutPower(ReportInput in) {
        return in.catalog().draftProfiles().stream().filter(p -> !p.powerKnown()).map(DraftProfile::device).distinct()
                .collect(Collectors.joining(", "));
    }
}
