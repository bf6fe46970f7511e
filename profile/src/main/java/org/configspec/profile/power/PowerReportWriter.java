package org.configspec.profile.power;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.configspec.core.json.MachineJson;

/** Writes a {@link PowerReport} as an aligned table or as JSON; every number carries its unit in its label or key. */
public final class PowerReportWriter {

    private PowerReportWriter() {
    }

    public static String table(PowerReport r) {
        EnergyMeasurement m = r.measurement();
        StringBuilder sb = new StringBuilder();
        row(sb, "meter", r.meterKind() + (m.estimate() ? " (ESTIMATE, not a measurement)" : ""));
        if (r.selection() != null) {
            row(sb, "selected", r.selection().describe());
        }
        row(sb, "method", m.method());
        row(sb, "rails", m.rails().isEmpty() ? "-" : String.join(", ", m.rails()));
        if (!m.caveat().isEmpty()) {
            row(sb, "caveat", m.caveat());
        }
        row(sb, "idle baseline", f("%.3f W (mean over %.2f s before the window)", m.idleWatts(), r.idleSeconds()));
        row(sb, "window", f("%.3f s, load: %s", m.windowSeconds(), r.load()));
        row(sb, "mean power", f("%.3f W", m.meanWatts()) + (Double.isNaN(m.minWatts()) ? " (energy counter: no instantaneous readings)"
                : f(" (readings from %.3f W to %.3f W)", m.minWatts(), m.maxWatts())));
        row(sb, "gross energy", f("%.3f J", m.grossJoules()));
        row(sb, "net energy", f("%.3f J (above the idle baseline)", m.netJoules()));
        row(sb, "readings", f("%d (n)", m.samples()));
        return sb.toString();
    }

    public static String json(PowerReport r) {
        EnergyMeasurement m = r.measurement();
        ObjectNode o = MachineJson.object();
        o.put("meter", r.meterKind());
        o.put("estimate", m.estimate());
        o.put("method", m.method());
        ArrayNode rails = o.putArray("rails");
        m.rails().forEach(rails::add);
        o.put("caveat", m.caveat());
        if (r.selection() != null) {
            ObjectNode s = o.putObject("autoSelection");
            s.put("chosen", r.selection().chosen().cliName());
            s.put("reason", r.selection().reason());
            ArrayNode skipped = s.putArray("skipped");
            r.selection().skipped().forEach(skipped::add);
        }
        MachineJson.putFigure(o, "idleSeconds", r.idleSeconds());
        MachineJson.putFigure(o, "idleWatts", m.idleWatts());
        o.put("load", r.load());
        MachineJson.putFigure(o, "windowSeconds", m.windowSeconds());
        MachineJson.putFigure(o, "meanWatts", m.meanWatts());
        MachineJson.putFigure(o, "minWatts", m.minWatts());
        MachineJson.putFigure(o, "maxWatts", m.maxWatts());
        MachineJson.putFigure(o, "grossJoules", m.grossJoules());
        MachineJson.putFigure(o, "netJoules", m.netJoules());
        o.put("samples", m.samples());
        return MachineJson.write(MachineJson.report(), o) + System.lineSeparator();
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-14s %s%n", label, value));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
