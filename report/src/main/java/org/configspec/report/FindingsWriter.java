package org.configspec.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.core.select.Finding;
import org.configspec.core.select.Objective;
import org.configspec.core.space.Evaluation;

/** The paper's findings, stated from the computed optima (nothing here is hard-coded). */
public final class FindingsWriter {
    private FindingsWriter() {
    }

    public static String write(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Objective o : Objective.values()) {
            List<Finding> fs = findings.stream().filter(f -> f.objective() == o).toList();
            if (fs.isEmpty()) {
                continue;
            }
            TextTable t = new TextTable("target", "device", "draft", "quant", "K", Objective.GOODPUT == o ? "goodput tok/s"
                    : o == Objective.COST ? "tokens/$" : "J/tok", "smallest draft", "largest draft", "fastest draft");
            for (Finding f : fs) {
                Evaluation b = f.best();
                t.row(f.target(), f.device(), b.draft(), b.quant(), b.k(), Num.human(o.value(b), 4), yes(f.smallest()),
                        yes(f.largest()), yes(f.fastest()));
            }
            sb.append("Best ").append(o.label()).append(" (").append(o.unit()).append(")\n").append(t.render("  "));
            sb.append("  → ").append(summary(o, fs)).append("\n\n");
        }
        return sb.toString();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    static String summary(Objective o, List<Finding> fs) {
        int n = fs.size();
        long smallest = fs.stream().filter(Finding::smallest).count();
        long largest = fs.stream().filter(Finding::largest).count();
        long fastest = fs.stream().filter(Finding::fastest).count();
        String draft = switch (o) {
            case GOODPUT -> "a smallest draft wins in " + smallest + " of " + n + " target × device pairs, the fastest one in "
                    + fastest + " of " + n;
            case COST -> "the largest draft wins in " + largest + " of " + n + " pairs";
            case ENERGY -> "the smallest draft wins in " + smallest + " of " + n + " pairs";
        };
        return draft + "; optimal K " + kByDevice(fs);
    }

    /** "K = 2 on RPi 4B, … (Llama-3.1-70B); …" — the optimal K per device for each target. */
    private static String kByDevice(List<Finding> fs) {
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (Finding f : fs) {
            byTarget.computeIfAbsent(f.target(), x -> new ArrayList<>()).add(f.best().k() + " on " + f.device());
        }
        List<String> parts = new ArrayList<>();
        byTarget.forEach((t, ks) -> parts.add(t + ": " + String.join(", ", ks)));
        return String.join("; ", parts);
    }
}
